package io.wem.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import io.wem.common.security.Roles;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;

/**
 * A bounded, seeded fuzz of every write operation, and every read with an id in its path, of a service's stored
 * OpenAPI document: the documented example body with one to three fields replaced by hostile values (null, wrong types, control characters, deep nesting,
 * long strings, huge numbers, unknown fields), random path ids, and a token holding every role (a person's and a
 * service account's, alternately). The generator knows nothing of the service beyond the document. Returns what it
 * saw; the caller asserts no 5xx and problem+json on every 4xx.
 */
public final class ContractFuzz {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ContractFuzz() {
    }

    /** One request that broke the contract: what was sent and what came back. */
    public record Finding(String operation, String body, int status, String contentType, String answer) {
    }

    public record Result(int requests, int operations, int covered, Map<Integer, Integer> statuses,
                         List<Finding> findings) {
    }

    /**
     * The contract every service's fuzz test asserts: within the budget every operation fuzzed was reached, none
     * answered a 5xx other than 503, every 4xx was problem+json, and some requests got past authentication to
     * validation (400), or the fuzz proved nothing. Another seed: -Dwem.fuzz.seed=N.
     */
    public static void assertContractHolds(long budgetMillis, java.util.Set<String> skip) throws IOException {
        long seed = Long.getLong("wem.fuzz.seed", 20261204L);
        Result r = run(seed, budgetMillis, 25,
                List.of("signal-service", "coaching-service", "governance-service", "wellbeing-service"), skip);
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), r.findings(),
                "seed " + seed + ", statuses " + r.statuses());
        org.junit.jupiter.api.Assertions.assertEquals(r.operations(), r.covered(),
                "operations reached within the budget");
        org.junit.jupiter.api.Assertions.assertTrue(r.statuses().getOrDefault(400, 0) > 0,
                "no 400 among " + r.statuses());
    }

    public static Result run(long seed, long budgetMillis, int perOperation, List<String> clients,
                             java.util.Set<String> skip) throws IOException {
        JsonNode spec = JSON.readTree(Files.readString(OpenApiContract.storedSpec()));
        List<String> roles = allRoles();
        String person = TestTokens.user("fuzz-person", roles, List.of("team-fuzz"), "agent-fuzz");
        List<String> tokens = new ArrayList<>(List.of(person));
        clients.forEach(c -> tokens.add(TestTokens.service(c, roles)));
        Random random = new Random(seed);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<Finding> findings = new ArrayList<>();
        long deadline = System.currentTimeMillis() + budgetMillis;
        int requests = 0;
        // Operations first, then rounds: every operation gets a request before any gets its second, so a slow
        // machine shortens the fuzz evenly instead of leaving operations out.
        List<String[]> ops = new ArrayList<>();
        List<JsonNode> examples = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                JsonNode op = path.getValue().path(method);
                if (op.isMissingNode() || skip.contains(method.toUpperCase() + " " + path.getKey())) {
                    continue;
                }
                // reads too, where the path carries an id: a NUL or over-long id reached PostgreSQL from a GET as
                // well as from a write (governance's directory and subject-request lookups)
                if (method.equals("get") && !path.getKey().contains("{")) {
                    continue;
                }
                JsonNode media = op.path("requestBody").path("content").path("application/json");
                ops.add(new String[] {method.toUpperCase(), path.getKey()});
                examples.add(media.has("example") ? media.get("example")
                        : media.path("examples").elements().hasNext()
                        ? media.path("examples").elements().next().path("value") : null);
            }
        }
        int covered = 0;
        // The first round always completes (a loaded CI machine answered 8 of 18 operations in 40 s); the budget
        // bounds the rounds after it.
        for (int round = 0; round < perOperation && (round == 0 || System.currentTimeMillis() < deadline); round++) {
            for (int k = 0; k < ops.size() && (round == 0 || System.currentTimeMillis() < deadline); k++) {
                String method = ops.get(k)[0];
                String path = ops.get(k)[1];
                JsonNode example = examples.get(k);
                String url = path.replaceAll("\\{[^}]+}", pathId(random));
                String body = example == null ? null : mutate(example.deepCopy(), random).toString();
                var request = given().auth().oauth2(tokens.get(random.nextInt(tokens.size())))
                        .urlEncodingEnabled(false);
                if (body != null) {
                    request = request.contentType("application/json").body(body);
                }
                Response r = request.when().request(method, url);
                requests++;
                if (round == 0) {
                    covered++;
                }
                statuses.merge(r.statusCode(), 1, Integer::sum);
                String type = r.contentType() == null ? "" : r.contentType();
                boolean broken = r.statusCode() >= 500 && r.statusCode() != 503
                        || (r.statusCode() >= 400 && !type.startsWith("application/problem+json"));
                if (broken) {
                    findings.add(new Finding(method + " " + path, body, r.statusCode(), type,
                            r.asString().substring(0, Math.min(300, r.asString().length()))));
                }
            }
        }
        return new Result(requests, ops.size(), covered, statuses, findings);
    }

    static List<String> allRoles() {
        List<String> out = new ArrayList<>();
        for (Field f : Roles.class.getFields()) {
            try {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                    out.add((String) f.get(null));
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    static String pathId(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> "fuzz-" + Long.toHexString(r.nextLong());
            case 1 -> "%00";
            case 2 -> "%0A%0D";
            case 3 -> "x".repeat(1 + r.nextInt(300));
            case 4 -> "%F0%9F%98%80";
            default -> "..%2F..%2Fetc";
        };
    }

    static JsonNode mutate(JsonNode body, Random r) {
        int changes = 1 + r.nextInt(3);
        for (int i = 0; i < changes; i++) {
            List<ObjectNode> parents = new ArrayList<>();
            collect(body, parents);
            if (parents.isEmpty()) {
                return hostile(r);
            }
            ObjectNode parent = parents.get(r.nextInt(parents.size()));
            List<String> names = new ArrayList<>();
            parent.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty() || r.nextInt(10) == 0) {
                parent.set("fuzz" + r.nextInt(100), hostile(r));
            } else if (r.nextInt(8) == 0) {
                parent.remove(names.get(r.nextInt(names.size())));
            } else {
                parent.set(names.get(r.nextInt(names.size())), hostile(r));
            }
        }
        return body;
    }

    private static void collect(JsonNode node, List<ObjectNode> out) {
        if (node instanceof ObjectNode o) {
            out.add(o);
        }
        node.elements().forEachRemaining(c -> collect(c, out));
    }

    static JsonNode hostile(Random r) {
        return switch (r.nextInt(16)) {
            case 0 -> F.nullNode();
            case 1 -> F.booleanNode(r.nextBoolean());
            case 2 -> F.numberNode(r.nextLong());
            case 3 -> F.numberNode(new java.math.BigDecimal("1e400"));
            case 4 -> F.numberNode(-1);
            case 5 -> F.textNode("");
            case 6 -> F.textNode("\u0000\u0001\n\t\u202e");
            case 7 -> F.textNode("x".repeat(r.nextInt(20_000)));
            case 8 -> F.textNode("P" + r.nextInt() + "D");
            case 9 -> F.textNode("2026-13-45T99:99:99Z");
            case 10 -> F.arrayNode().add(F.nullNode());
            case 11 -> {
                ArrayNode a = F.arrayNode();
                for (int i = 0; i < r.nextInt(3000); i++) {
                    a.add("x" + i);
                }
                yield a;
            }
            case 12 -> F.objectNode().putNull("x");
            case 13 -> {
                JsonNode deep = F.textNode("x");
                for (int i = 0; i < 200; i++) {
                    deep = F.arrayNode().add(deep);
                }
                yield deep;
            }
            case 14 -> F.textNode("' OR 1=1 --");
            default -> F.textNode("\ud83d\ude00 ünïcödé");
        };
    }
}
