package io.wem.testing;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a service's OpenAPI document as an integrator's tools would: swagger-parser's messages (a third-party
 * validator), the properties the suite promises of every operation, and breaking changes against a committed
 * baseline. The document is the one Quarkus stores at build time (quarkus.smallrye-openapi.store-schema-directory),
 * so no port is needed.
 */
public final class OpenApiContract {

    private static final Set<String> WRITE = Set.of("POST", "PUT", "PATCH", "DELETE");

    private OpenApiContract() {
    }

    /** The document Quarkus stored for the module under test (surefire runs in the module's directory). */
    public static Path storedSpec() {
        Path p = Path.of("target", "openapi", "openapi.json");
        if (!Files.exists(p)) {
            throw new IllegalStateException(p.toAbsolutePath() + " missing: Quarkus writes it while building the app");
        }
        return p;
    }

    /** swagger-parser's messages for the document, without resolving anything (what a generator sees first). */
    public static SwaggerParseResult parse(Path spec) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readLocation(spec.toUri().toString(), null, options);
    }

    /** A parsed document; fails on any parser message. */
    public static OpenAPI read(Path spec) {
        SwaggerParseResult result = parse(spec);
        if (result.getMessages() != null && !result.getMessages().isEmpty()) {
            throw new AssertionError("swagger-parser: " + result.getMessages());
        }
        return Objects.requireNonNull(result.getOpenAPI(), "no document");
    }

    /** Everything the suite promises of each operation that the document does not hold; empty when it holds. */
    public static List<String> violations(OpenAPI api) {
        List<String> out = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        operations(api).forEach((key, op) -> {
            String id = op.operation().getOperationId();
            if (id == null || id.isBlank()) {
                out.add(key + ": no operationId");
            } else if (ids.putIfAbsent(id, key) != null) {
                out.add(key + ": operationId " + id + " also used by " + ids.get(id));
            }
            if (op.operation().getDescription() == null || op.operation().getDescription().isBlank()) {
                out.add(key + ": no description");
            }
            Map<String, ApiResponse> responses = op.operation().getResponses() == null ? Map.of()
                    : op.operation().getResponses();
            if (responses.keySet().stream().noneMatch(c -> c.startsWith("2"))) {
                out.add(key + ": no success response");
            }
            responses.forEach((code, r) -> {
                if (r.getDescription() == null || r.getDescription().isBlank()) {
                    out.add(key + " " + code + ": no description");
                }
                if (!code.equals("204") && (r.getContent() == null || r.getContent().isEmpty()
                        || r.getContent().values().stream().anyMatch(m -> m.getSchema() == null))) {
                    out.add(key + " " + code + ": no schema");
                }
                if ((code.startsWith("4") || code.startsWith("5")) && (r.getContent() == null
                        || !r.getContent().containsKey("application/problem+json")
                        || r.getContent().size() != 1)) {
                    out.add(key + " " + code + ": error not documented as application/problem+json");
                }
            });
            boolean secured = op.operation().getSecurity() != null && !op.operation().getSecurity().isEmpty();
            if (!secured) {
                out.add(key + ": not secured (every /api operation needs a token)");
            } else {
                for (String code : List.of("401", "403")) {
                    if (!responses.containsKey(code)) {
                        out.add(key + ": secured but " + code + " not documented");
                    }
                }
            }
            boolean body = op.operation().getRequestBody() != null;
            if (body || !op.parameters().isEmpty()) {
                require(out, key, responses, "400");
            }
            if (body) {
                require(out, key, responses, "413");
                require(out, key, responses, "415");
                for (Map.Entry<String, MediaType> m : op.operation().getRequestBody().getContent().entrySet()) {
                    MediaType mt = m.getValue();
                    if (mt.getExample() == null && (mt.getExamples() == null || mt.getExamples().isEmpty())) {
                        out.add(key + ": request body " + m.getKey() + " has no example");
                    }
                }
            }
        });
        return out;
    }

    /** Request-body strings without maxLength and arrays without maxItems, by schema path. */
    public static List<String> uncappedInputs(OpenAPI api) {
        List<String> out = new ArrayList<>();
        operations(api).forEach((key, op) -> {
            if (op.operation().getRequestBody() == null) {
                return;
            }
            op.operation().getRequestBody().getContent().forEach((type, mt) ->
                    caps(api, mt.getSchema(), key + " body", out, new HashSet<>()));
        });
        return out;
    }

    private static void caps(OpenAPI api, Schema<?> schema, String where, List<String> out, Set<String> seen) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            if (seen.add(name)) {
                caps(api, api.getComponents().getSchemas().get(name), where, out, seen);
            }
            return;
        }
        if (Boolean.TRUE.equals(schema.getReadOnly())) {
            return;
        }
        String type = type(schema);
        if ("string".equals(type) && schema.getMaxLength() == null && schema.getEnum() == null
                && schema.getFormat() == null) {
            out.add(where + ": string without maxLength");
        }
        if ("array".equals(type)) {
            if (schema.getMaxItems() == null) {
                out.add(where + ": array without maxItems");
            }
            caps(api, schema.getItems(), where + "[]", out, seen);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, p) -> caps(api, p, where + "." + name, out, seen));
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            if (schema.getMaxProperties() == null) {
                out.add(where + ": map without maxProperties");
            }
            caps(api, values, where + "{}", out, seen);
        }
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(s -> caps(api, s, where, out, seen));
        }
    }

    /**
     * Changes from the baseline that would break a client built from it: a removed path, operation, response
     * field, enum value of a response or parameter, a changed type of a field, a new required request field or
     * parameter. Additions are allowed (docs/conventions.md, "Versioning").
     */
    public static List<String> breakingChanges(OpenAPI baseline, OpenAPI current) {
        List<String> out = new ArrayList<>();
        Map<String, Op> before = operations(baseline);
        Map<String, Op> after = operations(current);
        before.forEach((key, old) -> {
            Op now = after.get(key);
            if (now == null) {
                out.add(key + ": operation removed");
                return;
            }
            if (!Objects.equals(old.operation().getOperationId(), now.operation().getOperationId())) {
                out.add(key + ": operationId " + old.operation().getOperationId() + " renamed to "
                        + now.operation().getOperationId());
            }
            Map<String, Parameter> oldParams = byName(old.parameters());
            for (Parameter p : now.parameters()) {
                Parameter was = oldParams.get(p.getIn() + ":" + p.getName());
                if (was == null && Boolean.TRUE.equals(p.getRequired())) {
                    out.add(key + ": new required parameter " + p.getName());
                } else if (was != null) {
                    compare(baseline, was.getSchema(), current, p.getSchema(), key + " parameter " + p.getName(),
                            Direction.REQUEST, out, new HashSet<>());
                }
            }
            if (old.operation().getRequestBody() == null && now.operation().getRequestBody() != null
                    && Boolean.TRUE.equals(now.operation().getRequestBody().getRequired())) {
                out.add(key + ": new required body");
            }
            if (old.operation().getRequestBody() != null && now.operation().getRequestBody() != null) {
                old.operation().getRequestBody().getContent().forEach((type, mt) -> {
                    MediaType n = now.operation().getRequestBody().getContent().get(type);
                    if (n == null) {
                        out.add(key + ": request media type " + type + " removed");
                    } else {
                        compare(baseline, mt.getSchema(), current, n.getSchema(), key + " body", Direction.REQUEST,
                                out, new HashSet<>());
                    }
                });
            }
            old.operation().getResponses().forEach((code, r) -> {
                if (!code.startsWith("2") || r.getContent() == null) {
                    return;
                }
                ApiResponse n = now.operation().getResponses().get(code);
                if (n == null) {
                    out.add(key + " " + code + ": success response removed");
                    return;
                }
                r.getContent().forEach((type, mt) -> {
                    MediaType nm = n.getContent() == null ? null : n.getContent().get(type);
                    if (nm == null) {
                        out.add(key + " " + code + ": media type " + type + " removed");
                    } else {
                        compare(baseline, mt.getSchema(), current, nm.getSchema(), key + " " + code,
                                Direction.RESPONSE, out, new HashSet<>());
                    }
                });
            });
        });
        return out;
    }

    private enum Direction { REQUEST, RESPONSE }

    private static void compare(OpenAPI oldApi, Schema<?> old, OpenAPI newApi, Schema<?> now, String where,
                                Direction direction, List<String> out, Set<String> seen) {
        old = resolve(oldApi, old);
        now = resolve(newApi, now);
        if (old == null || now == null) {
            return;
        }
        if (old.getName() != null && !seen.add(direction + ":" + old.getName() + ":" + where)) {
            return;
        }
        if (seen.size() > 2000) {
            return;
        }
        String ot = type(old);
        String nt = type(now);
        if (ot != null && nt != null && !ot.equals(nt) && !("integer".equals(ot) && "number".equals(nt)
                && direction == Direction.REQUEST)) {
            out.add(where + ": type " + ot + " changed to " + nt);
            return;
        }
        if (old.getEnum() != null && now.getEnum() != null && direction == Direction.REQUEST
                && !now.getEnum().containsAll(old.getEnum())) {
            out.add(where + ": enum narrowed from " + old.getEnum() + " to " + now.getEnum());
        }
        if (direction == Direction.REQUEST) {
            // A new or lower cap refuses input a client built on the baseline may send.
            if (narrowed(old.getMaxLength(), now.getMaxLength())) {
                out.add(where + ": maxLength narrowed from " + old.getMaxLength() + " to " + now.getMaxLength());
            }
            if (narrowed(old.getMaxItems(), now.getMaxItems())) {
                out.add(where + ": maxItems narrowed from " + old.getMaxItems() + " to " + now.getMaxItems());
            }
            Set<String> wasRequired = new HashSet<>(old.getRequired() == null ? List.of() : old.getRequired());
            for (String r : now.getRequired() == null ? List.<String>of() : now.getRequired()) {
                if (!wasRequired.contains(r)) {
                    out.add(where + ": field " + r + " became required");
                }
            }
        }
        Map<String, Schema> oldProps = old.getProperties() == null ? Map.of() : old.getProperties();
        Map<String, Schema> newProps = now.getProperties() == null ? Map.of() : now.getProperties();
        for (Map.Entry<String, Schema> p : oldProps.entrySet()) {
            Schema<?> np = newProps.get(p.getKey());
            if (np == null) {
                if (direction == Direction.RESPONSE) {
                    out.add(where + ": field " + p.getKey() + " removed");
                }
                continue;
            }
            compare(oldApi, p.getValue(), newApi, np, where + "." + p.getKey(), direction, out, seen);
        }
        if (old.getItems() != null && now.getItems() != null) {
            compare(oldApi, old.getItems(), newApi, now.getItems(), where + "[]", direction, out, seen);
        }
    }

    private static Schema<?> resolve(OpenAPI api, Schema<?> s) {
        int guard = 0;
        while (s != null && s.get$ref() != null && guard++ < 10) {
            String name = s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1);
            s = api.getComponents() == null ? null : api.getComponents().getSchemas().get(name);
        }
        return s;
    }

    private static String type(Schema<?> s) {
        if (s.getType() != null) {
            return s.getType();
        }
        if (s.getTypes() != null) {
            return s.getTypes().stream().filter(t -> !"null".equals(t)).findFirst().orElse(null);
        }
        return null;
    }

    private static void require(List<String> out, String key, Map<String, ApiResponse> responses, String code) {
        if (!responses.containsKey(code)) {
            out.add(key + ": " + code + " not documented");
        }
    }

    private static Map<String, Parameter> byName(List<Parameter> params) {
        Map<String, Parameter> m = new HashMap<>();
        params.forEach(p -> m.put(p.getIn() + ":" + p.getName(), p));
        return m;
    }

    /** An operation with the parameters of its path item merged in. */
    public record Op(String method, String path, Operation operation, List<Parameter> parameters) {
        public boolean writes() {
            return WRITE.contains(method);
        }
    }

    /** Operations keyed "METHOD /path", in document order. */
    public static Map<String, Op> operations(OpenAPI api) {
        Map<String, Op> out = new LinkedHashMap<>();
        if (api.getPaths() == null) {
            return out;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            List<Parameter> params = new ArrayList<>();
            if (item.getParameters() != null) {
                params.addAll(item.getParameters());
            }
            if (op.getParameters() != null) {
                params.addAll(op.getParameters());
            }
            out.put(method.name() + " " + path, new Op(method.name(), path, op, params));
        }));
        return out;
    }

    private static boolean narrowed(Integer old, Integer now) {
        return now != null && (old == null || now < old);
    }
}
