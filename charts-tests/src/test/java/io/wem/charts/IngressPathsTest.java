package io.wem.charts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the rendered Ingress publishes, matched the way Kubernetes matches a {@code Prefix} path (element by element):
 * never a service-to-service endpoint under /api/v1/internal, never /q/*, and every public resource of the services'
 * code (scanned from their sources, so a new resource is noticed).
 */
class IngressPathsTest {

    /** Resources only a peer service calls (client-checked), deliberately not published. */
    private static final Map<String, List<String>> PEER_ONLY = Map.of(
            "governance", List.of("/api/v1/redactions"),
            "wellbeing", List.of("/api/v1/guardrails/evaluations"));

    private static final List<String> NEVER = List.of("/", "/api/v1", "/api/v1/internal/access-matrix",
            "/api/v1/internal/directory/agents/agent-1", "/api/v1/internal/directory/people/p1",
            "/api/v1/internal/legal-holds/active", "/api/v1/internal/subjects/agent-1", "/api/v1/internal",
            "/q/metrics", "/q/openapi", "/q/health/ready", "/q/swagger-ui/index.html", "/api/v1/redactions",
            "/api/v1/guardrails/evaluations");

    private static Map<String, List<JsonNode>> ingressPaths() {
        Map<String, Object> sets = new LinkedHashMap<>();
        for (String key : Chart.SERVICES) {
            sets.put("services." + key + ".ingressHost", key + ".wem.example.com");
        }
        List<JsonNode> docs = Chart.parse(Chart.template(Chart.ci("ingress"), sets));
        Map<String, List<JsonNode>> byService = new LinkedHashMap<>();
        for (String key : Chart.SERVICES) {
            List<JsonNode> paths = new ArrayList<>();
            Chart.named(docs, "Ingress", Chart.fullname(key)).at("/spec/rules/0/http/paths").forEach(paths::add);
            byService.put(key, paths);
        }
        return byService;
    }

    /** Kubernetes' Prefix semantics: the request path's elements start with the prefix's elements. */
    static boolean routes(JsonNode rule, String request) {
        String type = rule.path("pathType").asText();
        String p = rule.path("path").asText();
        if (type.equals("Exact")) {
            return p.equals(request);
        }
        assertEquals("Prefix", type, "ImplementationSpecific paths cannot be checked: " + rule);
        String prefix = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        return prefix.isEmpty() || request.equals(prefix) || request.startsWith(prefix + "/");
    }

    private static boolean routed(List<JsonNode> rules, String request) {
        return rules.stream().anyMatch(r -> routes(r, request));
    }

    @Test
    void kubernetesPrefixMatchingIsModelledByElements() {
        JsonNode rule = Chart.yamlObject("path: /api/v1/me\npathType: Prefix");
        assertTrue(routes(rule, "/api/v1/me"));
        assertTrue(routes(rule, "/api/v1/me/interventions"));
        assertFalse(routes(rule, "/api/v1/metrics"));
        assertTrue(routes(Chart.yamlObject("path: /api/v1/\npathType: Prefix"), "/api/v1/internal/subjects/a"));
    }

    @Test
    void internalEndpointsAndManagementPathsAreNeverRouted() {
        ingressPaths().forEach((key, rules) -> {
            assertFalse(rules.isEmpty(), key);
            for (String request : NEVER) {
                assertFalse(routed(rules, request), key + " publishes " + request + ": " + rules);
            }
            rules.forEach(r -> assertEquals("http", r.at("/backend/service/port/name").asText(), key));
        });
    }

    @Test
    void everyPublicResourceOfTheCodeIsRoutedAndNothingElse() {
        Map<String, List<JsonNode>> rendered = ingressPaths();
        for (String key : Chart.SERVICES) {
            List<String> resources = resourcePaths(Chart.ROOT.resolve(key + "-service/src/main/java"));
            resources.addAll(resourcePaths(Chart.ROOT.resolve("wem-common/src/main/java")));
            List<JsonNode> rules = rendered.get(key);
            for (String path : resources) {
                boolean internal = path.startsWith("/api/v1/internal")
                        || PEER_ONLY.getOrDefault(key, List.of()).stream().anyMatch(path::startsWith);
                assertEquals(!internal, routed(rules, path), key + " " + path);
            }
            for (JsonNode rule : rules) {
                assertTrue(resources.stream().anyMatch(p -> routes(rule, p)), key + " routes a prefix no resource has: " + rule);
            }
        }
    }

    private static final Pattern CLASS_PATH = Pattern.compile("(?m)^@Path\\(\"([^\"]*)\"\\)");
    private static final Pattern METHOD_PATH = Pattern.compile("(?m)^    @Path\\(\"([^\"]*)\"\\)");

    /** Full paths of the JAX-RS resources in a source tree (REST client interfaces excluded). */
    static List<String> resourcePaths(Path sources) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String s = Files.readString(f);
                Matcher c = CLASS_PATH.matcher(s);
                if (s.contains("@RegisterRestClient") || !c.find()) {
                    continue;
                }
                String base = c.group(1).replaceAll("/$", "");
                Matcher m = METHOD_PATH.matcher(s);
                boolean methodPaths = false;
                while (m.find()) {
                    out.add(base + "/" + m.group(1).replaceAll("^/", ""));
                    methodPaths = true;
                }
                if (!methodPaths) { // otherwise the class path may only group its methods' paths
                    out.add(base);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Concrete requests: path parameters become one element.
        return new ArrayList<>(out.stream().map(p -> p.replaceAll("\\{[^}]*}", "x")).toList());
    }
}
