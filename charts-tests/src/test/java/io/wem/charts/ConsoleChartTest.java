package io.wem.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's Deployment, Service and Ingress: off by default, and with the services' secure defaults when on. */
class ConsoleChartTest {

    private static final String NAME = Chart.fullname("console");

    private static List<JsonNode> enabled() {
        return Chart.parse(Chart.template(Chart.ci("ingress"), Map.of("console.enabled", true,
                "console.existingSecret", "wem-console", "console.ingressHost", "console.wem.example.com")));
    }

    @Test
    void offByDefault() {
        for (JsonNode doc : Chart.render(Chart.ci("minimal"))) {
            assertFalse(doc.at("/metadata/name").asText().endsWith("-console"), Chart.describe(doc));
        }
    }

    @Test
    void refusedWithoutItsSecret() {
        Exception e = assertThrows(Exception.class,
                () -> Chart.template(Chart.ci("minimal"), Map.of("console.enabled", true)));
        assertTrue(String.valueOf(e.getMessage()).contains("console.existingSecret is required"), e.getMessage());
    }

    @Test
    void runsLikeTheServicesAndCallsThemWithTheirInClusterAddresses() {
        List<JsonNode> docs = enabled();
        for (JsonNode doc : docs) {
            StrictKubernetes.parse(doc);
        }
        JsonNode deployment = Chart.named(docs, "Deployment", NAME);
        JsonNode pod = Chart.podSpec(deployment);
        assertFalse(pod.path("automountServiceAccountToken").asBoolean(true));
        assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean());
        JsonNode c = Chart.containers(deployment).get(0);
        assertTrue(c.at("/securityContext/readOnlyRootFilesystem").asBoolean());
        assertFalse(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true));
        assertEquals("ALL", c.at("/securityContext/capabilities/drop/0").asText());
        assertFalse(c.at("/resources/limits/memory").asText().isEmpty());
        assertEquals("/q/health/ready", c.at("/readinessProbe/httpGet/path").asText());
        assertEquals("true", Chart.env(c, "WEM_CONSOLE_SECURE_COOKIES").path("value").asText());
        for (String key : List.of("WEM_OIDC_CLIENT_SECRET", "WEM_CONSOLE_COOKIE_SECRET")) {
            assertEquals("wem-console", Chart.env(c, key).at("/valueFrom/secretKeyRef/name").asText(), key);
        }
        for (String svc : Chart.SERVICES) {
            assertEquals("http://" + Chart.fullname(svc) + ":8080",
                    Chart.env(c, "WEM_SERVICES_" + svc.toUpperCase() + "_URL").path("value").asText(), svc);
        }
        JsonNode ingress = Chart.named(docs, "Ingress", NAME);
        assertEquals("console.wem.example.com", ingress.at("/spec/rules/0/host").asText());
        assertEquals("/", ingress.at("/spec/rules/0/http/paths/0/path").asText());
        assertEquals("wem-tls", ingress.at("/spec/tls/0/secretName").asText());
        assertEquals(NAME, Chart.named(docs, "Service", NAME).at("/metadata/name").asText());
    }

    @Test
    void itsNetworkPolicyLetsInOnlyTheIngressControllerAndLetsOutOnlyDnsKeycloakAndTheServices() {
        List<JsonNode> docs = Chart.parse(Chart.template(Chart.ci("ingress"), Map.of("console.enabled", true,
                "console.existingSecret", "wem-console", "console.ingressHost", "console.wem.example.com",
                "networkPolicy.enabled", true)));
        JsonNode policy = Chart.named(docs, "NetworkPolicy", NAME);
        StrictKubernetes.parse(policy);
        assertEquals("console", policy.at("/spec/podSelector/matchLabels/app.kubernetes.io~1component").asText());
        JsonNode ingress = policy.at("/spec/ingress");
        assertEquals("http", ingress.at("/0/ports/0/port").asText());
        assertTrue(ingress.at("/0/from/0/namespaceSelector").isObject(), ingress.toString());
        assertEquals("management", ingress.at("/1/ports/0/port").asText());
        String egress = policy.at("/spec/egress").toString();
        assertFalse(egress.contains("5432"), "the console needs no database: " + egress);
        assertFalse(egress.contains("9092"), "the console needs no Kafka: " + egress);
        assertTrue(egress.contains("8080"), egress);
    }

    @Test
    void theRealmImportSendsTheConsolesSignInsBackToItsIngressHostOnly() throws Exception {
        List<JsonNode> docs = Chart.parse(Chart.template(Chart.ci("keycloak-realm"), Map.of(
                "console.ingressHost", "console.wem.example.com")));
        JsonNode realm = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                Chart.ofKind(docs, "ConfigMap").stream().filter(d -> d.at("/data/wem-realm.json").isTextual())
                        .findFirst().orElseThrow().at("/data/wem-realm.json").asText());
        for (JsonNode client : realm.path("clients")) {
            if ("wem-console".equals(client.path("clientId").asText())) {
                assertEquals("[\"https://console.wem.example.com/*\"]", client.path("redirectUris").toString());
                assertTrue(client.path("secret").isMissingNode(), "the local secret is not imported");
                assertFalse(client.path("directAccessGrantsEnabled").asBoolean(true));
                return;
            }
        }
        throw new AssertionError("no wem-console client in the realm import");
    }
}
