package io.wem.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scoping across the four services with real tokens: an agent sees only themself, a supervisor only their teams,
 * a CISO the audit log but no coaching notes. Every personal-data endpoint of every service is called by people
 * who may and who may not read it; the expected status is the rule, not what the code happens to do.
 */
class ScopingIT {

    static final String NORTH = "team-north";
    static final String SOUTH = "team-south";
    /** Realm agents: agent1 = agent-north-01 (team-north), agent3 = agent-south-01 (team-south). */
    static final String AGENT1 = "agent-north-01";
    static final String AGENT3 = "agent-south-01";

    private static String northIntervention;
    private static String southIntervention;
    private static String northAgent;

    @BeforeAll
    static void interventionsInBothTeams() {
        Stack.awaitAllReady(Duration.ofSeconds(120));
        // signal-service answers 404 for agents it has never seen: on a fresh stack make the realm agents known
        Signals.ensureKnown(AGENT1, NORTH);
        Signals.ensureKnown(AGENT3, SOUTH);
        northAgent = RunIds.agent(NORTH, "scope");
        String southAgent = RunIds.agent(SOUTH, "scope");
        String northGap = RunIds.next("gap-scope");
        String southGap = RunIds.next("gap-scope");
        try (KafkaProducer<String, String> producer = KafkaTool.producer()) {
            KafkaTool.send(producer, Gaps.TOPIC, northAgent, Gaps.skillGapEnvelope(Gaps.newEnvelopeId(), northGap, northAgent, NORTH));
            KafkaTool.send(producer, Gaps.TOPIC, southAgent, Gaps.skillGapEnvelope(Gaps.newEnvelopeId(), southGap, southAgent, SOUTH));
        }
        northIntervention = interventionOf(northGap);
        southIntervention = interventionOf(southGap);
    }

    private static String interventionOf(String gapId) {
        await("intervention for " + gapId).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Db.count("wem_coaching", "select count(*) from intervention where gap_id = ?", gapId) == 1);
        return (String) Db.rows("wem_coaching", "select id::text as id from intervention where gap_id = ?", gapId)
                .get(0).get("id");
    }

    record Call(WemService service, String path, String user, int expected) {
        @Override
        public String toString() {
            return user + " GET " + service.shortName() + path + " -> " + expected;
        }
    }

    static Stream<Call> matrix() {
        List<Call> calls = new ArrayList<>();
        // signal-service: an agent's own behavior trends; measurements per agent; the gap listing per team
        calls.add(new Call(WemService.SIGNAL, "/api/v1/me/behaviors", "agent1", 200));
        calls.add(new Call(WemService.SIGNAL, "/api/v1/me/behaviors", "supervisor1", 403));
        calls.add(new Call(WemService.SIGNAL, "/api/v1/me/behaviors", "ciso1", 403));
        String own = "/api/v1/agents/" + AGENT1 + "/behaviors/acw-habits/measurements";
        String other = "/api/v1/agents/" + AGENT3 + "/behaviors/acw-habits/measurements";
        calls.add(new Call(WemService.SIGNAL, own, "agent1", 200));
        calls.add(new Call(WemService.SIGNAL, other, "agent1", 403));
        calls.add(new Call(WemService.SIGNAL, own, "supervisor1", 200));
        calls.add(new Call(WemService.SIGNAL, other, "supervisor1", 403));
        calls.add(new Call(WemService.SIGNAL, other, "supervisor2", 200));
        calls.add(new Call(WemService.SIGNAL, other, "supervisor3", 403));
        calls.add(new Call(WemService.SIGNAL, own, "ciso1", 403));
        calls.add(new Call(WemService.SIGNAL, "/api/v1/gaps?teamId=" + NORTH, "supervisor1", 200));
        calls.add(new Call(WemService.SIGNAL, "/api/v1/gaps?teamId=" + SOUTH, "supervisor1", 403));
        // agent1 asking for team-south's gaps is answered with agent1's own gaps in that team (none): see
        // agentSeesOnlyThemself
        calls.add(new Call(WemService.SIGNAL, "/api/v1/gaps?teamId=" + SOUTH, "agent1", 200));
        calls.add(new Call(WemService.SIGNAL, "/api/v1/gaps?teamId=" + SOUTH, "ciso1", 403));
        // coaching-service: interventions carry coaching notes
        calls.add(new Call(WemService.COACHING, "/api/v1/interventions?teamId=" + NORTH, "supervisor1", 200));
        calls.add(new Call(WemService.COACHING, "/api/v1/interventions?teamId=" + SOUTH, "supervisor1", 403));
        calls.add(new Call(WemService.COACHING, "/api/v1/interventions?teamId=" + SOUTH, "supervisor2", 200));
        calls.add(new Call(WemService.COACHING, "/api/v1/interventions", "agent1", 403));
        calls.add(new Call(WemService.COACHING, "/api/v1/interventions", "ciso1", 403));
        calls.add(new Call(WemService.COACHING, "/api/v1/interventions/" + northIntervention, "supervisor1", 200));
        calls.add(new Call(WemService.COACHING, "/api/v1/interventions/" + southIntervention, "supervisor1", 403));
        calls.add(new Call(WemService.COACHING, "/api/v1/interventions/" + southIntervention, "supervisor2", 200));
        calls.add(new Call(WemService.COACHING, "/api/v1/interventions/" + southIntervention, "supervisor3", 403));
        calls.add(new Call(WemService.COACHING, "/api/v1/interventions/" + southIntervention, "coach1", 200));
        calls.add(new Call(WemService.COACHING, "/api/v1/interventions/" + northIntervention, "agent1", 403));
        calls.add(new Call(WemService.COACHING, "/api/v1/interventions/" + northIntervention, "ciso1", 403));
        calls.add(new Call(WemService.COACHING, "/api/v1/me/interventions", "agent1", 200));
        calls.add(new Call(WemService.COACHING, "/api/v1/me/interventions", "supervisor1", 403));
        calls.add(new Call(WemService.COACHING, "/api/v1/reviews?teamId=" + SOUTH, "supervisor1", 403));
        calls.add(new Call(WemService.COACHING, "/api/v1/reviews?teamId=" + NORTH, "supervisor1", 200));
        calls.add(new Call(WemService.COACHING, "/api/v1/backlog?teamId=" + SOUTH, "supervisor1", 403));
        calls.add(new Call(WemService.COACHING, "/api/v1/backlog?teamId=" + NORTH, "supervisor1", 200));
        // governance-service: the audit log is the CISO's; transparency is each agent's own
        calls.add(new Call(WemService.GOVERNANCE, "/api/v1/audit/events?size=5", "ciso1", 200));
        calls.add(new Call(WemService.GOVERNANCE, "/api/v1/audit/events?size=5", "supervisor1", 403));
        calls.add(new Call(WemService.GOVERNANCE, "/api/v1/audit/events?size=5", "agent1", 403));
        calls.add(new Call(WemService.GOVERNANCE, "/api/v1/audit/events?size=5", "admin1", 403));
        calls.add(new Call(WemService.GOVERNANCE, "/api/v1/audit/verify", "ciso1", 200));
        calls.add(new Call(WemService.GOVERNANCE, "/api/v1/audit/verify", "supervisor1", 403));
        calls.add(new Call(WemService.GOVERNANCE, "/api/v1/transparency/me", "agent1", 200));
        calls.add(new Call(WemService.GOVERNANCE, "/api/v1/transparency/me", "supervisor1", 403));
        // wellbeing-service: alerts per team
        calls.add(new Call(WemService.WELLBEING, "/api/v1/alerts?teamId=" + NORTH, "supervisor1", 200));
        calls.add(new Call(WemService.WELLBEING, "/api/v1/alerts?teamId=" + SOUTH, "supervisor1", 403));
        calls.add(new Call(WemService.WELLBEING, "/api/v1/alerts?teamId=" + SOUTH, "supervisor2", 200));
        calls.add(new Call(WemService.WELLBEING, "/api/v1/alerts?teamId=" + SOUTH, "wfm1", 200));
        calls.add(new Call(WemService.WELLBEING, "/api/v1/alerts?teamId=" + NORTH, "agent1", 403));
        calls.add(new Call(WemService.WELLBEING, "/api/v1/alerts?teamId=" + NORTH, "ciso1", 403));
        calls.add(new Call(WemService.WELLBEING, "/api/v1/guardrails/policies/" + SOUTH, "supervisor1", 403));
        calls.add(new Call(WemService.WELLBEING, "/api/v1/guardrails/policies/" + NORTH, "supervisor1", 200));
        return calls.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void scopedRead(Call call) {
        var response = call.service().as(Tokens.user(call.user())).get(call.path());
        assertEquals(call.expected(), response.statusCode(), call + ": " + response.asString());
        if (call.expected() == 403) {
            assertTrue(response.contentType().startsWith("application/problem+json"), call + ": " + response.contentType());
        }
    }

    @Test
    @DisplayName("an agent's own views list only their own data")
    void agentSeesOnlyThemself() {
        JsonNode plan = JsonTree.parse(WemService.COACHING.as(Tokens.user("agent1")).get("/api/v1/me/interventions")
                .then().statusCode(200).extract().asString());
        plan.forEach(i -> assertEquals(AGENT1, i.path("agentId").asText(), "agent1 sees " + i.path("id")));
        JsonNode trends = JsonTree.parse(WemService.SIGNAL.as(Tokens.user("agent1")).get("/api/v1/me/behaviors")
                .then().statusCode(200).extract().asString());
        List<JsonNode> foreign = JsonTree.objects(trends, n -> n.has("agentId") && !n.path("agentId").isNull()
                && !AGENT1.equals(n.path("agentId").asText()));
        assertTrue(foreign.isEmpty(), "agent1's trends name other agents: " + foreign);
        for (String query : List.of("", "?teamId=" + NORTH, "?teamId=" + SOUTH, "?status=ALL")) {
            JsonNode gaps = JsonTree.parse(WemService.SIGNAL.as(Tokens.user("agent1")).get("/api/v1/gaps" + query)
                    .then().statusCode(200).extract().asString());
            gaps.forEach(g -> assertEquals(AGENT1, g.path("gap").path("agentId").asText(), "agent1 sees gap " + g));
        }
    }

    @Test
    @DisplayName("a supervisor's lists hold only their teams")
    void supervisorSeesOnlyTheirTeams() {
        for (var entry : Map.of(WemService.COACHING, "/api/v1/interventions", WemService.SIGNAL, "/api/v1/gaps?teamId=" + NORTH)
                .entrySet()) {
            JsonNode body = JsonTree.parse(entry.getKey().as(Tokens.user("supervisor1")).get(entry.getValue())
                    .then().statusCode(200).extract().asString());
            List<JsonNode> foreign = JsonTree.objects(body, n -> n.has("teamId") && !NORTH.equals(n.path("teamId").asText()));
            assertTrue(foreign.isEmpty(), entry + " shows other teams: " + foreign.size());
        }
        JsonNode list = JsonTree.parse(WemService.COACHING.as(Tokens.user("supervisor1")).get("/api/v1/interventions")
                .then().statusCode(200).extract().asString());
        List<String> ids = new ArrayList<>();
        list.forEach(i -> ids.add(i.path("id").asText()));
        assertFalse(ids.contains(southIntervention), "supervisor1 lists a team-south intervention");
    }

    @Test
    @DisplayName("the CISO reads the audit of coaching reads, but never the coaching notes themselves")
    void cisoReadsAuditNotNotes() {
        java.time.Instant start = java.time.Instant.now().minusSeconds(1);
        WemService.COACHING.as(Tokens.user("supervisor1")).get("/api/v1/interventions/" + northIntervention)
                .then().statusCode(200);
        var refused = WemService.COACHING.as(Tokens.user("ciso1")).get("/api/v1/interventions/" + northIntervention);
        assertEquals(403, refused.statusCode(), refused.asString());
        assertFalse(refused.asString().contains(northAgent), "the refusal names the agent: " + refused.asString());
        await("supervisor1's read of the intervention in the audit log").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    JsonNode page = JsonTree.parse(WemService.GOVERNANCE.as(Tokens.user("ciso1"))
                            .queryParam("actor", "supervisor1").queryParam("service", "coaching-service")
                            .queryParam("subject", northAgent).queryParam("from", start.toString()).queryParam("size", 50)
                            .get("/api/v1/audit/events").then().statusCode(200).extract().asString());
                    return !JsonTree.objects(page.path("items"), n -> "READ".equals(n.path("action").asText())).isEmpty();
                });
    }
}
