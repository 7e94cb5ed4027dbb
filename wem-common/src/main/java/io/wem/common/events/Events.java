package io.wem.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.wem.common.json.StrictJsonRules;

/**
 * JSON codec for events. Tolerant of unknown fields (newer producers may add fields within a version) and
 * strict about malformed JSON and missing envelopes, which consumers send to their dead-letter topic.
 */
public final class Events {
    private static final ObjectMapper JSON = StrictJsonRules.apply(new ObjectMapper())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serializable as JSON: " + value.getClass().getName(), e);
        }
    }

    /** Parses a structured-mode envelope; throws {@link MalformedEventException} when it is not one. */
    public static EventEnvelope parse(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("empty message");
        }
        EventEnvelope envelope;
        try {
            envelope = JSON.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not a JSON event envelope: " + e.getOriginalMessage());
        }
        if (envelope.id() == null || envelope.id().isBlank()) {
            throw new MalformedEventException("envelope has no id");
        }
        if (envelope.type() == null || envelope.data() == null || envelope.data().isNull()) {
            throw new MalformedEventException("envelope " + envelope.id() + " has no type or data");
        }
        return envelope;
    }

    static JsonNode toTree(Object value) {
        return JSON.valueToTree(value);
    }

    static <T> T fromTree(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("data is not a valid " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    public static ObjectMapper mapper() {
        return JSON;
    }

    private Events() {
    }
}
