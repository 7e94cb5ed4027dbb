package io.wem.charts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Every ci/*-values.yaml scenario: renders, parses strictly, and keeps the chart's guarantees. */
class ChartRenderTest {

    /** Each scenario's objects, hooks included (migration Jobs, hook Secrets, the helm test pod). */
    static List<JsonNode> objects(Path values) {
        return Chart.renderWithHooks(values);
    }

    static List<Path> scenarios() {
        List<Path> files = Chart.ciValuesFiles();
        assertTrue(files.size() >= 8, "expected the ci scenarios, found " + files);
        return files;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyObjectParsesStrictlyAsKubernetes(Path values) {
        List<JsonNode> docs = objects(values);
        assertEquals(4, Chart.ofKind(docs, "Deployment").size(), "one Deployment per service");
        List<String> problems = new ArrayList<>();
        for (JsonNode doc : docs) {
            try {
                StrictKubernetes.parse(doc);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyObjectCarriesTheRecommendedLabels(Path values) {
        for (JsonNode doc : objects(values)) {
            assertRecommendedLabels(Chart.describe(doc), doc.at("/metadata/labels"));
            if (doc.at("/spec/template/metadata").isObject()) {
                assertRecommendedLabels(Chart.describe(doc) + " pod template", doc.at("/spec/template/metadata/labels"));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyContainerHasResourcesAndTheSecureContext(Path values) {
        List<JsonNode> docs = objects(values);
        List<JsonNode> workloads = new ArrayList<>();
        for (String kind : List.of("Deployment", "Job", "Pod")) {
            workloads.addAll(Chart.ofKind(docs, kind));
        }
        assertFalse(workloads.isEmpty());
        for (JsonNode w : workloads) {
            String where = Chart.describe(w);
            JsonNode pod = Chart.podSpec(w);
            assertEquals("false", pod.path("automountServiceAccountToken").asText(), where + " automounts a token");
            assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean(), where + " pod runAsNonRoot");
            assertEquals("RuntimeDefault", pod.at("/securityContext/seccompProfile/type").asText(), where);
            for (JsonNode c : Chart.containers(w)) {
                String at = where + " container " + c.path("name").asText();
                for (String r : List.of("/resources/requests/cpu", "/resources/requests/memory",
                        "/resources/limits/cpu", "/resources/limits/memory")) {
                    assertFalse(c.at(r).asText().isBlank(), at + " has no " + r);
                }
                JsonNode sc = c.path("securityContext");
                assertTrue(sc.path("runAsNonRoot").asBoolean(), at + " runAsNonRoot");
                assertTrue(sc.path("readOnlyRootFilesystem").asBoolean(), at + " readOnlyRootFilesystem");
                assertFalse(sc.path("allowPrivilegeEscalation").asBoolean(true), at + " allowPrivilegeEscalation");
                assertEquals("[\"ALL\"]", sc.at("/capabilities/drop").toString(), at + " drops ALL capabilities");
                assertEquals("RuntimeDefault", sc.at("/seccompProfile/type").asText(), at);
                assertTrue(mounts(c, "/tmp"), at + " has no writable /tmp");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyServiceContainerHasTheThreeProbes(Path values) {
        for (JsonNode d : Chart.ofKind(objects(values), "Deployment")) {
            for (JsonNode c : Chart.containers(d)) {
                String at = Chart.describe(d) + " container " + c.path("name").asText();
                assertEquals("/q/health/started", c.at("/startupProbe/httpGet/path").asText(), at);
                assertEquals("/q/health/live", c.at("/livenessProbe/httpGet/path").asText(), at);
                assertEquals("/q/health/ready", c.at("/readinessProbe/httpGet/path").asText(), at);
                // Probes go to the management port: /q/* is not served on the public one.
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    assertEquals("management", c.at("/" + probe + "/httpGet/port").asText(), at);
                }
                assertEquals(8080, c.at("/ports/0/containerPort").asInt(), at);
                assertEquals("management", c.at("/ports/1/name").asText(), at);
                assertEquals(9000, c.at("/ports/1/containerPort").asInt(), at);
                assertEquals("9000", Chart.env(c, "QUARKUS_MANAGEMENT_PORT").path("value").asText(), at);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void serviceAccountsDoNotMountTokensAndEveryServiceIsExposedAndTested(Path values) {
        List<JsonNode> docs = objects(values);
        for (String key : Chart.SERVICES) {
            JsonNode sa = Chart.named(docs, "ServiceAccount", Chart.fullname(key));
            assertFalse(sa.path("automountServiceAccountToken").asBoolean(true), Chart.describe(sa));
            JsonNode svc = Chart.named(docs, "Service", Chart.fullname(key));
            assertEquals(key + "-service", svc.at("/spec/selector/app.kubernetes.io~1component").asText());
            JsonNode deployment = Chart.named(docs, "Deployment", Chart.fullname(key));
            assertEquals(Chart.fullname(key), Chart.podSpec(deployment).path("serviceAccountName").asText());
        }
        JsonNode test = Chart.named(docs, "Pod", Chart.RELEASE + "-test-readiness");
        assertEquals("test", test.at("/metadata/annotations/wem.test~1helm-hook").asText());
        String script = test.at("/spec/containers/0/args/0").asText();
        for (String key : Chart.SERVICES) {
            assertTrue(script.contains(Chart.fullname(key) + " "), "helm test does not check " + key + ": " + script);
        }
        assertTrue(script.contains(":9000/q/health/ready"), script);
    }

    @Test
    void defaultValuesPlusTheThreeRequiredOnesRenderToo() {
        List<JsonNode> docs = Chart.renderWithHooks(Chart.ci("minimal"));
        assertEquals(4, Chart.ofKind(docs, "Deployment").size());
        docs.forEach(StrictKubernetes::parse);
    }

    static void assertRecommendedLabels(String where, JsonNode labels) {
        for (String l : List.of("app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/version",
                "app.kubernetes.io/component", "app.kubernetes.io/part-of", "app.kubernetes.io/managed-by",
                "helm.sh/chart")) {
            if (labels.path(l).asText().isBlank()) {
                fail(where + " lacks label " + l + ": " + labels);
            }
        }
        assertEquals("wem", labels.path("app.kubernetes.io/name").asText(), where);
        assertEquals(Chart.RELEASE, labels.path("app.kubernetes.io/instance").asText(), where);
        assertEquals("Helm", labels.path("app.kubernetes.io/managed-by").asText(), where);
        assertEquals("wem", labels.path("app.kubernetes.io/part-of").asText(), where);
    }

    private static boolean mounts(JsonNode container, String path) {
        for (JsonNode m : container.path("volumeMounts")) {
            if (path.equals(m.path("mountPath").asText()) && !m.path("readOnly").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }
}
