package io.wem.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each ci scenario switches on (or must leave off). */
class ChartScenarioTest {

    private static JsonNode container(List<JsonNode> docs, String kind, String name) {
        return Chart.containers(Chart.named(docs, kind, name)).get(0);
    }

    @Test
    void minimalRendersOnlyTheCoreObjectsAndReferencesTheDefaultSecretNames() {
        List<JsonNode> docs = Chart.renderWithHooks(Chart.ci("minimal"));
        Set<String> kinds = new HashSet<>();
        docs.forEach(d -> kinds.add(d.path("kind").asText()));
        assertEquals(Set.of("Deployment", "Service", "ServiceAccount", "PodDisruptionBudget", "Pod"), kinds);
        for (String key : Chart.SERVICES) {
            JsonNode c = container(docs, "Deployment", Chart.fullname(key));
            assertEquals("registry.example.com/wem/" + key + "-service:0.1.0", c.path("image").asText());
            assertEquals(Chart.fullname(key) + "-db",
                    Chart.env(c, "QUARKUS_DATASOURCE_PASSWORD").at("/valueFrom/secretKeyRef/name").asText());
            assertEquals("jdbc:postgresql://postgres.databases.svc:5432/wem_" + key,
                    Chart.env(c, "QUARKUS_DATASOURCE_JDBC_URL").path("value").asText());
            assertEquals("wem-kafka-bootstrap.kafka.svc:9092", Chart.env(c, "KAFKA_BOOTSTRAP_SERVERS").path("value").asText());
            assertEquals("true", Chart.env(c, "QUARKUS_FLYWAY_MIGRATE_AT_START").path("value").asText());
            assertEquals(Chart.CLIENT_SERVICES.contains(key), !Chart.env(c, "WEM_OIDC_CLIENT_SECRET").isMissingNode(), key);
            assertEquals(2, Chart.named(docs, "Deployment", Chart.fullname(key)).at("/spec/replicas").asInt());
        }
        // Calls between services go to the suite's own Services.
        assertEquals("http://wem-it-governance:8080", container(docs, "Deployment", Chart.fullname("signal"))
                .path("env").findParents("name").stream()
                .filter(e -> e.path("name").asText().equals("WEM_SERVICES_GOVERNANCE_URL"))
                .findFirst().orElseThrow().path("value").asText());
        assertEquals("https://sso.example.com", Chart.env(container(docs, "Deployment", Chart.fullname("governance")),
                "WEM_GOVERNANCE_KEYCLOAK_ADMIN_URL").path("value").asText());
    }

    @Test
    void noSecretHoldsAValueWhenExistingSecretsAreSet() {
        for (String scenario : List.of("existing-secrets-win", "production", "minimal")) {
            List<JsonNode> docs = Chart.renderWithHooks(Chart.ci(scenario));
            assertEquals(List.of(), Chart.ofKind(docs, "Secret").stream().map(Chart::describe).toList(), scenario);
            String all = docs.toString();
            assertFalse(all.contains("must-not-be-rendered"), scenario + " leaks an inline secret value");
        }
        List<JsonNode> docs = Chart.renderWithHooks(Chart.ci("existing-secrets-win"));
        for (String key : Chart.SERVICES) {
            JsonNode c = container(docs, "Deployment", Chart.fullname(key));
            assertEquals("wem-" + key + "-db",
                    Chart.env(c, "QUARKUS_DATASOURCE_PASSWORD").at("/valueFrom/secretKeyRef/name").asText());
            if (Chart.CLIENT_SERVICES.contains(key)) {
                assertEquals("wem-" + key + "-oidc",
                        Chart.env(c, "WEM_OIDC_CLIENT_SECRET").at("/valueFrom/secretKeyRef/name").asText());
            }
            assertEquals("wem-" + key + "-signing",
                    Chart.env(c, "WEM_SIGNING_PRIVATE_KEY").at("/valueFrom/secretKeyRef/name").asText());
        }
    }

    @Test
    void inlineValuesBecomeChartSecretsThatThePodsReference() {
        List<JsonNode> docs = Chart.renderWithHooks(Chart.ci("inline-secrets"));
        assertEquals(12, Chart.ofKind(docs, "Secret").size(), "4 database + 4 client + 4 signing-key secrets");
        for (String key : Chart.SERVICES) {
            JsonNode db = Chart.named(docs, "Secret", Chart.fullname(key) + "-db");
            assertEquals("eval-" + key + "-db", decode(db.at("/data/password")));
            JsonNode c = container(docs, "Deployment", Chart.fullname(key));
            JsonNode ref = Chart.env(c, "QUARKUS_DATASOURCE_PASSWORD").at("/valueFrom/secretKeyRef");
            assertEquals(Chart.fullname(key) + "-db", ref.path("name").asText());
            assertEquals("password", ref.path("key").asText());
            // No secret value ever sits in a pod spec.
            assertFalse(c.toString().contains("eval-" + key), c.toString());
        }
        assertEquals("eval-signal-client", decode(Chart.named(docs, "Secret", "wem-it-signal-oidc").at("/data/client-secret")));
        for (String key : Chart.SERVICES) {
            assertEquals("eval-" + key + "-signing", decode(Chart.named(docs, "Secret", Chart.fullname(key) + "-signing")
                    .at("/data/private-key")));
            JsonNode c = container(docs, "Deployment", Chart.fullname(key));
            assertEquals(Chart.fullname(key) + "-signing",
                    Chart.env(c, "WEM_SIGNING_PRIVATE_KEY").at("/valueFrom/secretKeyRef/name").asText());
            // every service gets every service's public key variable (empty = nothing from that service is trusted)
            for (String other : Chart.SERVICES) {
                assertFalse(Chart.env(c, "WEM_SIGNING_PUBLIC_KEYS_" + other.toUpperCase() + "_SERVICE").isMissingNode());
            }
        }
    }

    @Test
    void productionHasAutoscalingBudgetsPoliciesAndSaslSslToKafka() {
        List<JsonNode> docs = Chart.renderWithHooks(Chart.ci("production"));
        assertEquals(4, Chart.ofKind(docs, "HorizontalPodAutoscaler").size());
        assertEquals(4, Chart.ofKind(docs, "PodDisruptionBudget").size());
        assertEquals(4 + 1, Chart.ofKind(docs, "NetworkPolicy").size(), "one per service and the helm test pod's");
        assertEquals(4, Chart.ofKind(docs, "Ingress").size());
        for (String key : Chart.SERVICES) {
            JsonNode d = Chart.named(docs, "Deployment", Chart.fullname(key));
            assertTrue(d.at("/spec/replicas").isMissingNode(), "the HPA owns replicas of " + key);
            assertEquals(Chart.fullname(key), Chart.named(docs, "HorizontalPodAutoscaler", Chart.fullname(key))
                    .at("/spec/scaleTargetRef/name").asText());
            JsonNode c = Chart.containers(d).get(0);
            assertEquals("SASL_SSL", Chart.env(c, "KAFKA_SECURITY_PROTOCOL").path("value").asText());
            assertEquals("SCRAM-SHA-512", Chart.env(c, "KAFKA_SASL_MECHANISM").path("value").asText());
            assertEquals("wem-kafka-user", Chart.env(c, "KAFKA_SASL_JAAS_CONFIG").at("/valueFrom/secretKeyRef/name").asText());
            assertEquals("/etc/wem/kafka-truststore/ca.p12", Chart.env(c, "KAFKA_SSL_TRUSTSTORE_LOCATION").path("value").asText());
            assertEquals("ca.password", Chart.env(c, "KAFKA_SSL_TRUSTSTORE_PASSWORD").at("/valueFrom/secretKeyRef/key").asText());
            assertTrue(c.path("volumeMounts").toString().contains("/etc/wem/kafka-truststore"));
            assertTrue(Chart.env(c, "QUARKUS_DATASOURCE_JDBC_URL").path("value").asText().endsWith("?sslmode=verify-full&sslrootcert=/etc/ssl/certs/ca-bundle.crt"));
        }
        JsonNode pdb = Chart.named(docs, "PodDisruptionBudget", Chart.fullname("signal"));
        assertEquals("signal-service", pdb.at("/spec/selector/matchLabels/app.kubernetes.io~1component").asText());
    }

    @Test
    void networkPoliciesAllowOnlyTheSuitesOwnTraffic() {
        for (String scenario : List.of("production", "networkpolicy")) {
            List<JsonNode> docs = Chart.renderWithHooks(Chart.ci(scenario));
            List<JsonNode> policies = Chart.ofKind(docs, "NetworkPolicy");
            // One per service, the helm test pod's, and in job mode (networkpolicy) the migration Jobs'.
            assertEquals(scenario.equals("production") ? 5 : 6, policies.size(), scenario);
            for (String key : Chart.SERVICES) {
                JsonNode np = Chart.named(docs, "NetworkPolicy", Chart.fullname(key));
                assertEquals(key + "-service", np.at("/spec/podSelector/matchLabels/app.kubernetes.io~1component").asText());
                assertEquals("[\"Ingress\",\"Egress\"]", np.at("/spec/policyTypes").toString());
                // Ingress: the suite's pods (no component label: all of them), on the http port only.
                JsonNode from = np.at("/spec/ingress/0/from/0/podSelector/matchLabels");
                assertEquals(Chart.RELEASE, from.path("app.kubernetes.io/instance").asText());
                assertTrue(from.path("app.kubernetes.io/component").isMissingNode());
                assertEquals("http", np.at("/spec/ingress/0/ports/0/port").asText());
                Set<Integer> egressPorts = new HashSet<>();
                np.at("/spec/egress").forEach(rule -> rule.path("ports").forEach(p -> egressPorts.add(p.path("port").asInt())));
                assertTrue(egressPorts.containsAll(Set.of(53, 5432, 8080)), scenario + " " + egressPorts);
            }
        }
        JsonNode prod = Chart.named(Chart.renderWithHooks(Chart.ci("production")), "NetworkPolicy", Chart.fullname("coaching"));
        List<String> peers = new ArrayList<>();
        prod.at("/spec/egress").forEach(r -> peers.add(r.path("to").toString()));
        assertTrue(peers.stream().anyMatch(p -> p.contains("strimzi.io/kind")), "Kafka peers from values: " + peers);
        assertTrue(peers.stream().anyMatch(p -> p.contains("203.0.113.0/24")), "Keycloak peers from values: " + peers);
        assertTrue(prod.at("/spec/ingress/0/from").toString().contains("ingress-nginx"), "ingress controller allowed");
        assertEquals(List.of(), Chart.ofKind(Chart.renderWithHooks(Chart.ci("minimal")), "NetworkPolicy"));
    }

    @Test
    void optionalFeaturesRenderOnlyWhenSwitchedOn() {
        List<JsonNode> ingress = Chart.renderWithHooks(Chart.ci("ingress"));
        assertEquals(2, Chart.ofKind(ingress, "Ingress").size(), "only services with an ingressHost");
        JsonNode signal = Chart.named(ingress, "Ingress", Chart.fullname("signal"));
        // Only the public API is published, prefix by prefix (IngressPathsTest checks which).
        assertEquals("/api/v1/identity", signal.at("/spec/rules/0/http/paths/0/path").asText());
        assertEquals(7, signal.at("/spec/rules/0/http/paths").size());
        assertEquals("nginx", signal.at("/spec/ingressClassName").asText());
        assertEquals("wem-tls", signal.at("/spec/tls/0/secretName").asText());
        assertEquals("wem-it-signal", signal.at("/spec/rules/0/http/paths/0/backend/service/name").asText());

        List<JsonNode> monitors = Chart.ofKind(Chart.renderWithHooks(Chart.ci("servicemonitor")), "ServiceMonitor");
        assertEquals(4, monitors.size());
        monitors.forEach(m -> {
            assertEquals("/q/metrics", m.at("/spec/endpoints/0/path").asText());
            assertEquals("management", m.at("/spec/endpoints/0/port").asText());
            assertEquals("kube-prometheus-stack", m.at("/metadata/labels/release").asText());
        });
        for (String kind : List.of("Ingress", "ServiceMonitor", "HorizontalPodAutoscaler", "Job", "ConfigMap", "KafkaTopic")) {
            assertEquals(List.of(), Chart.ofKind(Chart.renderWithHooks(Chart.ci("minimal")), kind), kind + " is off by default");
        }
    }

    @Test
    void migrationJobsRunBeforeInstallAndUpgradeAndTheServicesSkipFlyway() {
        List<JsonNode> docs = Chart.renderWithHooks(Chart.ci("migrations-job"));
        assertEquals(4, Chart.ofKind(docs, "Job").size());
        for (String key : Chart.SERVICES) {
            JsonNode job = Chart.named(docs, "Job", Chart.fullname(key) + "-migrate");
            assertEquals("pre-install,pre-upgrade", job.at("/metadata/annotations/" + Chart.HOOK.replace("/", "~1")).asText());
            JsonNode c = Chart.containers(job).get(0);
            assertEquals("true", Chart.env(c, "QUARKUS_INIT_AND_EXIT").path("value").asText());
            assertEquals("true", Chart.env(c, "QUARKUS_FLYWAY_MIGRATE_AT_START").path("value").asText());
            assertEquals("Never", Chart.podSpec(job).path("restartPolicy").asText());
            JsonNode service = container(docs, "Deployment", Chart.fullname(key));
            assertEquals("false", Chart.env(service, "QUARKUS_FLYWAY_MIGRATE_AT_START").path("value").asText());
        }
        // An inline secret must exist before the pre-install Job: the Job's own hook Secret, with a lower weight.
        JsonNode secret = Chart.named(docs, "Secret", Chart.fullname("signal") + "-migrate");
        assertEquals("-10", secret.at("/metadata/annotations/" + (Chart.HOOK + "-weight").replace("/", "~1")).asText());
    }

    @Test
    void mutualTlsToKafkaMountsTheKeystore() {
        List<JsonNode> docs = Chart.renderWithHooks(Chart.ci("kafka-mtls"));
        JsonNode d = Chart.named(docs, "Deployment", Chart.fullname("wellbeing"));
        JsonNode c = Chart.containers(d).get(0);
        assertEquals("SSL", Chart.env(c, "KAFKA_SECURITY_PROTOCOL").path("value").asText());
        assertEquals("PEM", Chart.env(c, "KAFKA_SSL_TRUSTSTORE_TYPE").path("value").asText());
        assertTrue(Chart.env(c, "KAFKA_SSL_TRUSTSTORE_PASSWORD").isMissingNode(), "PEM truststores have no password");
        assertEquals("/etc/wem/kafka-keystore/user.p12", Chart.env(c, "KAFKA_SSL_KEYSTORE_LOCATION").path("value").asText());
        assertTrue(Chart.env(c, "KAFKA_SASL_JAAS_CONFIG").isMissingNode());
        assertTrue(Chart.podSpec(d).path("volumes").toString().contains("wem-kafka-user"));
    }

    /** The chart's realm import must not ship the local demo's login settings (issue 14). */
    @Test
    void realmImportUsesProductionLoginSettingsUnlessLocalDemoIsAsked() throws Exception {
        JsonNode realm = realm(Chart.renderWithHooks(Chart.ci("keycloak-realm")));
        JsonNode cli = client(realm, "wem-cli");
        assertAll(
                () -> assertFalse(cli.path("directAccessGrantsEnabled").asBoolean(true), "password grant on wem-cli"),
                () -> assertTrue(cli.path("standardFlowEnabled").asBoolean(), "authorization code flow"),
                () -> assertEquals("S256", cli.at("/attributes/pkce.code.challenge.method").asText()),
                () -> assertFalse(cli.path("optionalClientScopes").toString().contains("offline_access")),
                () -> assertTrue(realm.path("bruteForceProtected").asBoolean(), "brute-force protection"),
                () -> assertTrue(realm.path("passwordPolicy").asText().contains("length(12)"), "password policy"),
                () -> assertTrue(realm.path("offlineSessionIdleTimeout").asInt() <= 28800, "offline idle"),
                () -> assertTrue(realm.path("offlineSessionMaxLifespanEnabled").asBoolean()));
        // every client still carries its audience mappers
        assertTrue(cli.path("protocolMappers").toString().contains("oidc-audience-mapper"));

        String local = Chart.template(Chart.ci("keycloak-realm"), Map.<String, Object>of(
                "keycloak.realmImport.localDemoSettings", "true"));
        JsonNode demo = realm(Chart.parse(local));
        assertTrue(client(demo, "wem-cli").path("directAccessGrantsEnabled").asBoolean());
        assertFalse(demo.path("bruteForceProtected").asBoolean(true));
    }

    private static JsonNode realm(List<JsonNode> docs) throws Exception {
        JsonNode cm = Chart.named(docs, "ConfigMap", Chart.RELEASE + "-keycloak-realm");
        return new ObjectMapper().readTree(cm.at("/data/wem-realm.json").asText());
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode c : realm.path("clients")) {
            if (clientId.equals(c.path("clientId").asText())) {
                return c;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    @Test
    void realmConfigMapHasNoSecretsNoDemoUsersButKeepsServiceAccounts() throws Exception {
        List<JsonNode> docs = Chart.renderWithHooks(Chart.ci("keycloak-realm"));
        JsonNode cm = Chart.named(docs, "ConfigMap", Chart.RELEASE + "-keycloak-realm");
        JsonNode realm = new ObjectMapper().readTree(cm.at("/data/wem-realm.json").asText());
        JsonNode source = new ObjectMapper().readTree(Files.readString(Chart.ROOT.resolve("deploy/keycloak/wem-realm.json")));
        assertEquals("wem", realm.path("realm").asText());
        assertEquals(source.path("clients").size(), realm.path("clients").size());
        realm.path("clients").forEach(c -> assertTrue(c.path("secret").isMissingNode(), c.path("clientId").asText()));
        assertTrue(realm.at("/attributes/frontendUrl").isMissingNode());
        assertTrue(realm.path("users").size() > 0);
        realm.path("users").forEach(u -> assertTrue(u.has("serviceAccountClientId"), u.path("username").asText()));
        assertFalse(cm.toString().contains("wem-local"), "demo passwords must not be shipped");
        assertEquals(source.at("/roles/realm").size(), realm.at("/roles/realm").size());
    }

    @Test
    void kafkaTopicsFollowTheTopicList() throws Exception {
        List<JsonNode> topics = Chart.ofKind(Chart.renderWithHooks(Chart.ci("kafka-topics")), "KafkaTopic");
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        Map<String, Map<String, String>> configs = new java.util.HashMap<>();
        for (String line : Files.readAllLines(Chart.ROOT.resolve("deploy/kafka/topics.txt"))) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                String[] f = t.split("\\s+");
                expected.put(f[0], Integer.parseInt(f[1]));
                for (int i = 2; i < f.length; i++) {
                    configs.computeIfAbsent(f[0], k -> new java.util.HashMap<>())
                            .put(f[i].substring(0, f[i].indexOf('=')), f[i].substring(f[i].indexOf('=') + 1));
                }
            }
        }
        Map<String, Integer> actual = new java.util.LinkedHashMap<>();
        topics.forEach(t -> {
            actual.put(t.at("/spec/topicName").asText(), t.at("/spec/partitions").asInt());
            // a line's own configs (PCI scope: hours of retention for raw transcripts) override the chart-wide ones
            Map<String, String> own = configs.getOrDefault(t.at("/spec/topicName").asText(), Map.of());
            assertEquals(own.getOrDefault("retention.ms", "604800000"), t.at("/spec/config/retention.ms").asText());
            if (own.containsKey("segment.ms")) {
                assertEquals(own.get("segment.ms"), t.at("/spec/config/segment.ms").asText());
            }
            assertEquals("2", t.at("/spec/config/min.insync.replicas").asText());
            assertEquals("wem", t.at("/metadata/labels/strimzi.io~1cluster").asText());
            assertEquals("keep", t.at("/metadata/annotations/helm.sh~1resource-policy").asText());
            assertEquals(3, t.at("/spec/replicas").asInt());
        });
        assertEquals(expected, actual);
    }

    private static String decode(JsonNode b64) {
        return new String(Base64.getDecoder().decode(b64.asText()));
    }
}
