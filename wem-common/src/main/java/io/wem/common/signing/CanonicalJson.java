package io.wem.common.signing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wem.common.events.Events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The bytes a signature covers: the envelope as compact JSON with object keys sorted at every level and the
 * signature attribute left out. Signer and verifier both compute them from a parsed tree, so whitespace and key
 * order on the wire do not matter, while any added, removed or changed field does.
 */
final class CanonicalJson {

    private CanonicalJson() {
    }

    static byte[] bytes(JsonNode envelope, String signatureField) {
        ObjectNode copy = ((ObjectNode) envelope).deepCopy();
        copy.remove(signatureField);
        try {
            return Events.mapper().writeValueAsString(sorted(copy)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            Iterator<String> it = node.fieldNames();
            it.forEachRemaining(names::add);
            names.sort(String::compareTo);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (String n : names) {
                out.set(n, sorted(node.get(n)));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(child -> out.add(sorted(child)));
            return out;
        }
        return node;
    }
}
