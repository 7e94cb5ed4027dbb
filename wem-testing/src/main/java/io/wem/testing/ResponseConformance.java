package io.wem.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a real answer against the OpenAPI 3.1 document the service serves: the status is documented for the
 * operation, and a JSON body conforms to the documented schema (types, nullability, required fields, enums, and no
 * field the document does not declare). Issue #20: an integrator's generated client or a conformance fuzzer reads the
 * document, so every null, every undeclared field and every undocumented status is a broken promise.
 *
 * <p>Written for this project's documents (the subset of JSON Schema SmallRye emits): $ref, type (a string or a list
 * with "null"), properties, required, additionalProperties, items, enum, allOf/anyOf/oneOf. Formats, patterns and
 * lengths are not checked: they constrain input, and the contract fuzz covers input.
 */
public final class ResponseConformance {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final List<Template> templates = new ArrayList<>();

    private record Template(String path, Pattern regex, int parameters) {
    }

    private ResponseConformance(JsonNode document) {
        this.document = document;
        for (Iterator<String> it = document.path("paths").fieldNames(); it.hasNext(); ) {
            String path = it.next();
            String regex = Pattern.quote(path).replaceAll("\\{[^/}]+}", "\\\\E[^/]+\\\\Q");
            templates.add(new Template(path, Pattern.compile(regex), path.split("\\{", -1).length - 1));
        }
        // A literal segment wins over a parameter (/teams/summary before /teams/{teamId}).
        templates.sort(Comparator.comparingInt(Template::parameters));
    }

    public static ResponseConformance of(String documentJson) {
        try {
            return new ResponseConformance(JSON.readTree(documentJson));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON document", e);
        }
    }

    /**
     * What is wrong with this answer, empty when it conforms. Requests to paths the document does not publish
     * (internal endpoints, probes of unknown paths) are not judged: they are not part of the contract.
     */
    public List<String> violations(String method, String path, int status, String contentType, String body) {
        List<String> out = new ArrayList<>();
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        Optional<Template> template = templates.stream().filter(t -> t.regex().matcher(bare).matches()).findFirst();
        if (template.isEmpty()) {
            return out;
        }
        String where = method.toUpperCase(Locale.ROOT) + " " + template.get().path() + " " + status;
        if (Boolean.getBoolean("wem.conformance.trace")) {
            System.err.println("conformance: " + where);
        }
        JsonNode operation = document.path("paths").path(template.get().path()).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            return out; // 405 from the framework: no operation to hold to
        }
        JsonNode response = operation.path("responses").path(Integer.toString(status));
        if (response.isMissingNode()) {
            response = operation.path("responses").path("default");
        }
        if (response.isMissingNode()) {
            out.add(where + ": status not documented");
            return out;
        }
        String media = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        boolean json = media.equals("application/json") || media.endsWith("+json");
        if (!json || body == null || body.isBlank()) {
            return out;
        }
        JsonNode content = response.path("content");
        JsonNode mediaType = content.path(media);
        if (mediaType.isMissingNode()) {
            out.add(where + ": answers " + media + ", documented " + fieldNames(content));
            return out;
        }
        JsonNode value;
        try {
            value = JSON.readTree(body);
        } catch (IOException e) {
            out.add(where + ": body is not JSON");
            return out;
        }
        check(mediaType.path("schema"), value, "$", where, out);
        return out;
    }

    private void check(JsonNode schema, JsonNode value, String at, String where, List<String> out) {
        if (out.size() > 20 || schema.isMissingNode() || schema.isEmpty()) {
            return;
        }
        if (schema.has("$ref")) {
            JsonNode target = resolve(schema.get("$ref").asText());
            // A $ref with siblings (description, examples): the siblings never narrow the type here.
            check(target, value, at, where, out);
            return;
        }
        for (JsonNode part : schema.path("allOf")) {
            check(part, value, at, where, out);
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            if (schema.has(combinator)) {
                boolean any = false;
                for (JsonNode part : schema.get(combinator)) {
                    List<String> trial = new ArrayList<>();
                    check(part, value, at, where, trial);
                    any |= trial.isEmpty();
                }
                if (!any) {
                    out.add(where + ": " + at + " matches none of " + combinator);
                }
            }
        }
        JsonNode type = schema.path("type");
        if (!type.isMissingNode() && !typeAllows(type, value)) {
            out.add(where + ": " + at + " is " + kind(value) + ", documented " + type);
            return;
        }
        if (schema.has("enum") && value.isTextual()) {
            boolean listed = false;
            for (JsonNode option : schema.get("enum")) {
                listed |= option.asText().equals(value.asText());
            }
            if (!listed) {
                out.add(where + ": " + at + " = \"" + value.asText() + "\" is not in the documented enum");
            }
        }
        if (value.isObject()) {
            checkObject(schema, value, at, where, out);
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), at + "[" + i + "]", where, out);
            }
        }
    }

    private void checkObject(JsonNode schema, JsonNode value, String at, String where, List<String> out) {
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                out.add(where + ": " + at + "." + required.asText() + " is required but absent");
            }
        }
        JsonNode additional = schema.path("additionalProperties");
        boolean declaresShape = properties.size() > 0 || !additional.isMissingNode() || schema.has("allOf");
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode property = properties.path(field.getKey());
            if (!property.isMissingNode()) {
                check(property, field.getValue(), at + "." + field.getKey(), where, out);
            } else if (additional.isObject()) {
                check(additional, field.getValue(), at + "." + field.getKey(), where, out);
            } else if (declaresShape && !additional.asBoolean(false) && !schema.has("allOf")) {
                out.add(where + ": " + at + "." + field.getKey() + " is answered but not documented");
            }
        }
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only local references are supported: " + ref);
        }
        JsonNode node = document;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part.replace("~1", "/").replace("~0", "~"));
        }
        return node;
    }

    private static boolean typeAllows(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (allows(t.asText(), value)) {
                    return true;
                }
            }
            return false;
        }
        return allows(type.asText(), value);
    }

    private static boolean allows(String type, JsonNode value) {
        return switch (type) {
            case "null" -> value.isNull();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber() || (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()));
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> true;
        };
    }

    private static String kind(JsonNode value) {
        return value.isNull() ? "null" : value.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
