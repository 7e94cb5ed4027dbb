package io.wem.coaching.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.wem.common.events.Events;

import java.util.List;

/** Lists of strings kept as JSON text columns (content items, evidence ids). */
public final class JsonLists {
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {
    };

    private JsonLists() {
    }

    public static String write(List<String> values) {
        return Events.toJson(values == null ? List.of() : values);
    }

    public static List<String> read(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return Events.mapper().readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored list is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
