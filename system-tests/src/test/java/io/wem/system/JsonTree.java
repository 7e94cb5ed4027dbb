package io.wem.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Jackson helpers for answers whose nesting the tests do not depend on (e.g. a report's sections). */
public final class JsonTree {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private JsonTree() {
    }

    public static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every object node anywhere in {@code root} that matches. */
    public static List<JsonNode> objects(JsonNode root, Predicate<JsonNode> match) {
        List<JsonNode> out = new ArrayList<>();
        walk(root, match, out);
        return out;
    }

    private static void walk(JsonNode n, Predicate<JsonNode> match, List<JsonNode> out) {
        if (n == null) {
            return;
        }
        if (n.isObject() && match.test(n)) {
            out.add(n);
        }
        if (n.isContainerNode()) {
            n.forEach(child -> walk(child, match, out));
        }
    }

    public static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
