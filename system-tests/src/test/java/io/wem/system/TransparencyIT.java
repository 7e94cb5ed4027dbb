package io.wem.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Transparency: during this test supervisor1 reads agent1's {@code acw-habits} measurements and agent2's
 * {@code hold-usage} measurements in signal-service. agent1's {@code GET /api/v1/transparency/me} then lists the
 * read of agent1's data (the audit travels through Kafka, so it is awaited) and not the read of agent2's — which
 * the CISO's audit log shows did happen — and lists the data categories with the roles that can see them.
 */
class TransparencyIT {

    private static final String AGENT1 = "agent-north-01";
    private static final String AGENT2 = "agent-north-02";
    private static final String OWN_RESOURCE = "signal-service:measurements/acw-habits";
    private static final String OTHER_RESOURCE = "signal-service:measurements/hold-usage";

    @BeforeAll
    static void ready() {
        Stack.awaitAllReady(Duration.ofSeconds(120));
        // signal-service answers 404 for agents it has never seen: on a fresh stack make both realm agents known
        Signals.ensureKnown(AGENT1, "team-north");
        Signals.ensureKnown(AGENT2, "team-north");
    }

    @Test
    @DisplayName("agent1's transparency view lists supervisor1's read of agent1's data made in this test, not of agent2's")
    void supervisorReadsAreListed() {
        Instant start = Instant.now().minusSeconds(1);
        AccessToken supervisor = Tokens.user("supervisor1");
        WemService.SIGNAL.as(supervisor)
                .queryParam("from", start.minus(Duration.ofDays(30)).toString()).queryParam("to", start.toString())
                .get("/api/v1/agents/{agent}/behaviors/acw-habits/measurements", AGENT1)
                .then().statusCode(200);
        WemService.SIGNAL.as(supervisor)
                .get("/api/v1/agents/{agent}/behaviors/hold-usage/measurements", AGENT2)
                .then().statusCode(200);

        await("supervisor1's read of agent1's measurements in agent1's transparency view").atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofSeconds(1)).until(() -> !readsBySupervisor1Since(start, OWN_RESOURCE).isEmpty());
        // the read of agent2's data has reached the audit log too, so its absence below is not a matter of timing
        await("supervisor1's read of agent2's measurements in the audit log").atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    JsonNode page = JsonTree.parse(WemService.GOVERNANCE.as(Tokens.user("ciso1"))
                            .queryParam("actor", "supervisor1").queryParam("subject", AGENT2)
                            .queryParam("from", start.toString()).queryParam("size", 50)
                            .get("/api/v1/audit/events").then().statusCode(200).extract().asString());
                    return !JsonTree.objects(page.path("items"), n -> OTHER_RESOURCE.equals(JsonTree.text(n, "resource")))
                            .isEmpty();
                });

        JsonNode view = transparency();
        assertEquals(AGENT1, view.path("agentId").asText(), view.toString());
        List<JsonNode> foreign = readsBySupervisor1Since(start, OTHER_RESOURCE);
        assertTrue(foreign.isEmpty(), "agent1's transparency view shows the read of agent2's data: " + foreign);
        JsonNode own = readsBySupervisor1Since(start, OWN_RESOURCE).get(0);
        assertEquals("READ", own.path("action").asText(), own.toString());
        assertEquals("signal-service", own.path("service").asText(), own.toString());
        assertFalse(own.path("purpose").asText().isBlank(), "a read without purpose: " + own);

        // the categories the suite holds and who can see them are part of the view, not only the access log
        JsonNode categories = view.path("dataHeld");
        assertTrue(categories.size() >= 5, "data categories: " + categories);
        for (JsonNode c : categories) {
            assertTrue(c.path("visibleToRoles").size() > 0, "no roles that can see " + c);
            assertFalse(c.path("retentionWindow").asText().isBlank(), "no retention window for " + c);
        }
        assertFalse(JsonTree.objects(categories, c -> "interaction-signal".equals(JsonTree.text(c, "dataClass"))).isEmpty(),
                "interaction-signal missing from " + categories);
    }

    /**
     * A read by another of the suite's services is a read of the agent's data too: coaching-service's account reading
     * agent1's measurements (as it does to evaluate an intervention) is listed in agent1's view with that account as
     * the actor (the client id, as the token names it). Before, signal-service's audit event naming coaching-service was refused by governance's
     * trust policy and dead-lettered, so such reads never reached the view.
     */
    @Test
    @DisplayName("a read of agent1's data by coaching-service's account is listed in agent1's transparency view")
    void peerServiceReadsAreListed() {
        Instant start = Instant.now().minusSeconds(1);
        WemService.SIGNAL.as(Tokens.service(WemService.COACHING))
                .get("/api/v1/agents/{agent}/behaviors/acw-habits/measurements", AGENT1)
                .then().statusCode(200);
        await("coaching-service's read of agent1's measurements in agent1's transparency view")
                .atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !JsonTree.objects(transparency().path("accesses"),
                        n -> List.of("coaching-service", "service-account-coaching-service").contains(JsonTree.text(n, "actor"))
                                && OWN_RESOURCE.equals(JsonTree.text(n, "resource"))
                                && JsonTree.text(n, "at") != null
                                && !Instant.parse(JsonTree.text(n, "at")).isBefore(start)).isEmpty());
    }

    /**
     * For every data class, every GET endpoint through which the page says someone reads agent1's data of that class
     * (with an {@code {agentId}} in its path), and every person of the realm: the endpoint answers 200 exactly when
     * the page names that person for that class and endpoint, and 403 otherwise.
     */
    @Test
    @DisplayName("who can see agent1's data, as the page names them, is who the endpoints actually let read it")
    void namedReadersAreExactlyWhoTheEndpointsAllow() {
        JsonNode view = transparency();
        assertTrue(view.path("peopleProblem").isMissingNode(), "named people unavailable: " + view.path("peopleProblem"));
        assertEquals(0, view.path("matrixIncomplete").size(), "matrix incomplete: " + view.path("matrixIncomplete"));
        List<String> people = List.of("agent1", "agent2", "agent3", "supervisor1", "supervisor2", "supervisor3", "coach1",
                "qa1", "wfm1", "process1", "ciso1", "govadmin1", "admin1");
        List<String> mismatches = new java.util.ArrayList<>();
        int probes = 0;
        for (JsonNode category : view.path("dataHeld")) {
            java.util.Set<String> endpoints = new java.util.TreeSet<>();
            category.path("readers").forEach(r -> r.path("via").forEach(v -> endpoints.add(v.asText())));
            for (String via : endpoints) {
                String[] parts = via.split(" ", 3); // service METHOD path
                if (!"GET".equals(parts[1]) || !parts[2].contains("{agentId}")) {
                    continue;
                }
                WemService service = WemService.valueOf(parts[0].substring(0, parts[0].indexOf('-')).toUpperCase());
                String path = AccessMatrixIT.concrete(parts[2]).replace("agent-north-01", AGENT1);
                for (String user : people) {
                    boolean named = JsonTree.objects(category.path("people"), n -> user.equals(JsonTree.text(n, "username"))
                            && n.path("via").toString().contains("\"" + via + "\"")).size() > 0;
                    int status = service.as(Tokens.user(user)).get(path).statusCode();
                    probes++;
                    if ((named && status != 200) || (!named && status != 403)) {
                        mismatches.add(category.path("dataClass").asText() + " " + via + " as " + user + ": page says "
                                + (named ? "can see" : "cannot see") + ", endpoint answered " + status);
                    }
                }
            }
        }
        assertTrue(probes >= 2 * people.size(), "too few probes (" + probes + "): " + view.path("dataHeld"));
        assertEquals(List.of(), mismatches);
    }

    private static JsonNode transparency() {
        return JsonTree.parse(WemService.GOVERNANCE.as(Tokens.user("agent1")).queryParam("limit", 500)
                .get("/api/v1/transparency/me").then().statusCode(200).extract().asString());
    }

    /** Access entries of agent1's view naming supervisor1 as the actor on {@code resource} at or after {@code start}. */
    private static List<JsonNode> readsBySupervisor1Since(Instant start, String resource) {
        return JsonTree.objects(transparency().path("accesses"), n -> "supervisor1".equals(JsonTree.text(n, "actor"))
                && resource.equals(JsonTree.text(n, "resource"))
                && JsonTree.text(n, "at") != null && !Instant.parse(JsonTree.text(n, "at")).isBefore(start));
    }
}
