package io.wem.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Security contexts held to the restricted profile, images by digest, zone spread, policies for every pod, checksums. */
class ChartHardeningTest {

    private static final String DIGEST_A = "sha256:" + "0123456789abcdef".repeat(4);
    private static final String DIGEST_B = "sha256:" + "fedcba9876543210".repeat(4);

    /** The minimal ci values plus a snippet (later keys win in Helm's merge only across files, so two files). */
    private static List<JsonNode> render(String base, String snippet) throws IOException {
        Path extra = Files.createTempFile("wem-extra", "-values.yaml");
        Files.writeString(extra, snippet);
        try {
            return Chart.parse(Chart.helm().template().withName(Chart.RELEASE).withNamespace(Chart.NAMESPACE)
                    .withKubeVersion(Chart.KUBE_VERSION).withValuesFile(Chart.ci(base)).withValuesFile(extra).call());
        } finally {
            Files.delete(extra);
        }
    }

    private static List<JsonNode> renderWithHooks(String base, String snippet) throws IOException {
        Path values = Files.createTempFile("wem-hooks", "-values.yaml");
        Files.writeString(values, Files.readString(Chart.ci(base)) + "\n" + snippet);
        return Chart.renderWithHooks(values);
    }

    // --- 3. Security contexts: the restricted profile cannot be weakened by accident --------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "containerSecurityContext: {allowPrivilegeEscalation: true}",
            "containerSecurityContext: {privileged: true}",
            "containerSecurityContext: {runAsNonRoot: false}",
            "containerSecurityContext: {runAsUser: 0}",
            "containerSecurityContext: {readOnlyRootFilesystem: false}",
            "containerSecurityContext: {capabilities: {drop: [NET_RAW]}}",
            "containerSecurityContext: {capabilities: {drop: [ALL], add: [SYS_ADMIN]}}",
            "containerSecurityContext: {seccompProfile: {type: Unconfined}}",
            "containerSecurityContext: {procMount: Unmasked}",
            "containerSecurityContext: {allowPrivilegeEscalation: null}",
            "podSecurityContext: {runAsNonRoot: false}",
            "podSecurityContext: {runAsUser: 0}",
            "podSecurityContext: {seccompProfile: {type: Unconfined}}",
            "podSecurityContext: {seccompProfile: null}",
            "podSecurityContext: {sysctls: [{name: kernel.msgmax, value: \"65536\"}]}",
            "podSecurityContext: {windowsOptions: {hostProcess: true}}",
    })
    void aWeakerSecurityContextIsRefusedUnlessExplicitlyAllowed(String weakening) throws IOException {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> render("minimal", weakening));
        String field = weakening.substring(0, weakening.indexOf(':'));
        assertTrue(e.getMessage().contains("/" + field), e.getMessage());
        // The documented opt-out renders the same values.
        List<JsonNode> docs = render("minimal", weakening + "\nallowWeakerSecurityContext: true\n");
        assertEquals(4, Chart.ofKind(docs, "Deployment").size());
    }

    @Test
    void theDefaultsAndEveryCiScenarioMeetTheProfileAndUnknownFieldsAreRefused() throws IOException {
        // Every ci scenario renders (ChartRenderTest), so none needs the opt-out; nor does any ci file set it.
        for (Path ci : Chart.ciValuesFiles()) {
            assertFalse(Files.readString(ci).contains("allowWeakerSecurityContext"), ci.toString());
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> render("minimal", "containerSecurityContext: {readOnlyRootFileSystem: true}\n"));
        assertTrue(e.getMessage().contains("readOnlyRootFileSystem"), e.getMessage());
        // Stronger than the default is fine: a Localhost profile, an added NET_BIND_SERVICE.
        render("minimal", "containerSecurityContext: {seccompProfile: {type: Localhost, localhostProfile: wem.json},"
                + " capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}}\n");
    }

    @Test
    void thePerServiceSchemaIsWrittenOnceAndReferenced() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(Chart.DIR.resolve("values.schema.json").toFile());
        JsonNode services = schema.at("/properties/services/properties");
        for (String key : List.of("signal", "coaching", "wellbeing")) {
            assertEquals("#/$defs/service", services.at("/" + key + "/$ref").asText(), key);
        }
        services.at("/governance/properties").fields().forEachRemaining(f -> {
            if (!List.of("audit", "migrationDatabase").contains(f.getKey())) {
                assertEquals("#/$defs/service/properties/" + f.getKey(), f.getValue().path("$ref").asText(), f.getKey());
            }
        });
        // The reference still checks: a bad value in a referenced service is refused with its path.
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> render("minimal", "services: {coaching: {image: {digest: latest}}}\n"));
        assertTrue(e.getMessage().contains("/services/coaching/image/digest"), e.getMessage());
        e = assertThrows(IllegalStateException.class,
                () -> render("minimal", "services: {governance: {autoscaling: {maxReplicas: -1}}}\n"));
        assertTrue(e.getMessage().contains("/services/governance/autoscaling/maxReplicas"), e.getMessage());
    }

    // --- 4. Images by digest ---------------------------------------------------------------------------------------

    @Test
    void imagesArePinnedByDigestPerServiceOrGloballyAndTheTestPodToo() throws IOException {
        List<JsonNode> docs = renderWithHooks("migrations-job", """
                image: {registry: mirror.example.org/wem, tag: 0.1.0, digest: %s}
                services: {governance: {image: {digest: %s}}}
                tests: {imageDigest: %s}
                """.formatted(DIGEST_A, DIGEST_B, DIGEST_B));
        for (String key : Chart.SERVICES) {
            String digest = key.equals("governance") ? DIGEST_B : DIGEST_A;
            String expected = "mirror.example.org/wem/wem/" + key + "-service:0.1.0@" + digest;
            for (String kind : List.of("Deployment", "Job")) {
                String name = Chart.fullname(key) + (kind.equals("Job") ? "-migrate" : "");
                assertEquals(expected, Chart.containers(Chart.named(docs, kind, name)).get(0).path("image").asText());
            }
        }
        JsonNode testPod = Chart.named(docs, "Pod", Chart.RELEASE + "-test-readiness");
        assertEquals("docker.io/curlimages/curl:8.11.1@" + DIGEST_B, Chart.containers(testPod).get(0).path("image").asText());
        // Without digests the references stay by tag.
        List<JsonNode> byTag = Chart.renderWithHooks(Chart.ci("minimal"));
        assertFalse(Chart.ofKind(byTag, "Deployment").toString().contains("@sha256"));
        for (String bad : List.of("image: {digest: \"sha256:abc\"}", "tests: {imageDigest: \"md5:" + "0".repeat(32) + "\"}",
                "services: {signal: {image: {digest: \"" + DIGEST_A.toUpperCase() + "\"}}}")) {
            assertThrows(IllegalStateException.class, () -> render("minimal", bad), bad);
        }
    }

    /**
     * The {@code helm test} pod runs a third-party image (curl): the chart pins it by digest out of the box, and an
     * empty digest is refused. The digest is that of the docker.io/curlimages/curl:8.11.1 multi-arch index as several
     * independent public repositories pin it; it was not fetched from the registry here (no registry is reachable).
     */
    @Test
    void theTestPodIsPinnedByDigestByDefault() throws IOException {
        JsonNode testPod = Chart.named(Chart.renderWithHooks(Chart.ci("minimal")), "Pod", Chart.RELEASE + "-test-readiness");
        assertEquals("docker.io/curlimages/curl:8.11.1@sha256:c1fe1679c34d9784c1b0d1e5f62ac0a79fca01fb6377cdd33e90473c6f9f9a69",
                Chart.containers(testPod).get(0).path("image").asText());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> render("minimal", "tests: {imageDigest: \"\"}\n"));
        assertTrue(e.getMessage().contains("/tests/imageDigest"), e.getMessage());
    }

    // --- 5. Zone spread, NetworkPolicies for every pod, per-service checksums -----------------------------------

    @Test
    void zoneTopologySpreadIsOptIn() throws IOException {
        String off = Chart.ofKind(Chart.render(Chart.ci("minimal")), "Deployment").toString();
        assertFalse(off.contains("topology.kubernetes.io/zone"));
        List<JsonNode> on = render("minimal", "zoneTopologySpread: {enabled: true, maxSkew: 2, whenUnsatisfiable: DoNotSchedule}\n");
        for (JsonNode d : Chart.ofKind(on, "Deployment")) {
            JsonNode zone = null;
            for (JsonNode c : Chart.podSpec(d).path("topologySpreadConstraints")) {
                if (c.path("topologyKey").asText().equals("topology.kubernetes.io/zone")) {
                    zone = c;
                }
            }
            assertTrue(zone != null, Chart.describe(d));
            assertEquals(2, zone.path("maxSkew").asInt());
            assertEquals("DoNotSchedule", zone.path("whenUnsatisfiable").asText());
            assertEquals(d.at("/spec/selector/matchLabels"), zone.at("/labelSelector/matchLabels"),
                    "spreads this service's pods only");
        }
        List<JsonNode> zoneOnly = render("minimal", "topologySpread: false\nzoneTopologySpread: {enabled: true}\n");
        assertEquals(1, Chart.podSpec(Chart.ofKind(zoneOnly, "Deployment").get(0)).path("topologySpreadConstraints").size());
    }

    /** Whether a NetworkPolicy's podSelector (matchLabels and In/NotIn/Exists) selects these labels. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        var it = selector.path("matchLabels").fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        for (JsonNode expr : selector.path("matchExpressions")) {
            String value = labels.path(expr.path("key").asText()).asText(null);
            List<String> values = new ArrayList<>();
            expr.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (expr.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("operator " + expr);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Test
    void everyPodTheChartRunsIsSelectedByANetworkPolicyThatExistsBeforeIt() {
        List<JsonNode> docs = Chart.renderWithHooks(Chart.ci("networkpolicy"));
        List<JsonNode> policies = Chart.ofKind(docs, "NetworkPolicy");
        String hook = "/metadata/annotations/" + Chart.HOOK.replace("/", "~1");
        List<JsonNode> pods = new ArrayList<>();
        pods.addAll(Chart.ofKind(docs, "Deployment"));
        pods.addAll(Chart.ofKind(docs, "Job"));
        pods.addAll(Chart.ofKind(docs, "Pod"));
        assertEquals(4 + 4 + 1, pods.size());
        for (JsonNode workload : pods) {
            JsonNode labels = workload.path("kind").asText().equals("Pod") ? workload.at("/metadata/labels")
                    : workload.at("/spec/template/metadata/labels");
            List<JsonNode> selecting = policies.stream().filter(p -> selects(p.at("/spec/podSelector"), labels)).toList();
            assertFalse(selecting.isEmpty(), Chart.describe(workload) + " is selected by no NetworkPolicy");
            String when = workload.at(hook).asText();
            for (JsonNode p : selecting) {
                if (when.contains("pre-install")) {
                    // A release resource is created after the pre-install hooks: the Job's policy must be an earlier hook.
                    assertTrue(p.at(hook).asText().contains("pre-install"), Chart.describe(p));
                    assertTrue(p.at(hook + "-weight").asInt() < workload.at(hook + "-weight").asInt(), Chart.describe(p));
                }
                assertEquals("[\"Ingress\",\"Egress\"]", p.at("/spec/policyTypes").toString(), Chart.describe(p));
            }
        }
        JsonNode jobs = Chart.named(docs, "NetworkPolicy", Chart.RELEASE + "-migrations");
        assertEquals("[]", jobs.at("/spec/ingress").toString(), "nothing calls a migration Job");
        assertTrue(jobs.at("/spec/egress").toString().contains("5432"), "the Jobs reach PostgreSQL");
        JsonNode test = Chart.named(docs, "NetworkPolicy", Chart.RELEASE + "-test");
        assertFalse(test.at("/spec/egress").toString().contains("5432"), "the test pod reaches the services only");
        // In atStart mode there are no Jobs and no policy for them.
        assertTrue(Chart.ofKind(Chart.renderWithHooks(Chart.ci("production")), "NetworkPolicy").stream()
                .noneMatch(p -> p.at("/metadata/name").asText().endsWith("-migrations")));
    }

    private static Map<String, String> secretChecksums(List<JsonNode> docs) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode d : Chart.ofKind(docs, "Deployment")) {
            out.put(d.at("/metadata/name").asText(), d.at("/spec/template/metadata/annotations/checksum~1secrets").asText());
        }
        return out;
    }

    @Test
    void oneServicesInlineSecretChangeRestartsOnlyThatService() throws IOException {
        Map<String, String> before = secretChecksums(render("inline-secrets", "{}\n"));
        Map<String, String> after = secretChecksums(render("inline-secrets",
                "services: {coaching: {database: {password: rotated-coaching-db}}}\n"));
        Map<String, String> signingChanged = secretChecksums(render("inline-secrets",
                "services: {wellbeing: {signing: {privateKey: rotated-wellbeing-key}}}\n"));
        assertEquals(4, before.size());
        for (String key : Chart.SERVICES) {
            String name = Chart.fullname(key);
            assertFalse(before.get(name).isBlank(), name);
            assertEquals(key.equals("coaching"), !before.get(name).equals(after.get(name)), name + " after coaching's change");
            assertEquals(key.equals("wellbeing"), !before.get(name).equals(signingChanged.get(name)),
                    name + " after wellbeing's change");
        }
    }
}
