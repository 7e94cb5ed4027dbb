package io.wem.console.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's JSON answer as the maps and lists the templates read. The services leave a field without a value out of
 * their answers (issue #20) instead of writing null; a template reading {@code item.agentId} must then see null, as
 * it did before, and not a "property not found" error of Qute's strict rendering. So every object of an answer reads
 * an absent field as a field without a value.
 */
public final class AnswerTree {
    private AnswerTree() {
    }

    public static Object of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new AbsentIsNull();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                map.put(field.getKey(), of(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(of(item)));
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? (Object) node.intValue() : (Object) node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }

    /** An object of an answer: every field name is "present", absent ones without a value. */
    static final class AbsentIsNull extends LinkedHashMap<String, Object> {
        @Override
        public boolean containsKey(Object key) {
            return key instanceof String;
        }
    }
}
