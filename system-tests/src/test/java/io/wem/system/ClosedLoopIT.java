package io.wem.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The closed loop through all four services, from the public signal API: an agent of this run wraps up three
 * times longer than eight peers while customers are satisfied → signal-service detects an {@code acw-habits} SKILL
 * gap → coaching-service asks wellbeing-service's guardrail and assigns an intervention to team-east's coach or
 * supervisor → the owner coaches and completes it → the agent's follow-up interactions are back at the team norm →
 * coaching's evaluation closes it effective, and the playbook's effectiveness counts it.
 */
class ClosedLoopIT {

    /**
     * A realm team (its coach and supervisor must be able to act) that neither the bench (team-north, long wrap-ups
     * by design) nor this suite's other tests fill with wrap-up data: classification compares the outlier with its
     * team, and a team where many agents share the gap is rightly a PROCESS gap, not this agent's.
     */
    private static final String TEAM = "team-east";
    private static final String OUTLIER = RunIds.agent(TEAM, "loop-x");
    private static final List<String> PEERS = new ArrayList<>();
    private static final long SEED = RunIds.RUN.hashCode();

    @BeforeAll
    static void aWeekOfInteractions() {
        Stack.awaitAllReady(Duration.ofSeconds(120));
        for (int p = 0; p < 8; p++) {
            PEERS.add(RunIds.agent(TEAM, "loop-p" + p));
        }
        // Each run draws other data (a run found the change-point scan's crash this way); the seed is in every message.
        SplittableRandom rnd = new SplittableRandom(SEED);
        Instant start = Instant.now().minus(Duration.ofDays(5));
        List<Map<String, Object>> signals = new ArrayList<>();
        for (String agent : concat(PEERS, OUTLIER)) {
            boolean outlier = agent.equals(OUTLIER);
            for (int i = 0; i < 30; i++) {
                Instant at = start.plus(Duration.ofMinutes(i * 90L + rnd.nextInt(30)));
                String interactionId = RunIds.next("int");
                int acw = outlier ? 165 + rnd.nextInt(40) - 20 : 55 + rnd.nextInt(30) - 15;
                signals.add(Signals.interaction(interactionId, agent, TEAM, at, 280 + rnd.nextInt(120), 0, acw,
                        0, "billing-question"));
                signals.add(Signals.survey(interactionId, at.plusSeconds(600), outlier ? 5 : 4));
            }
        }
        Signals.postAll(signals);
    }

    @Test
    @DisplayName("signals → gap → guardrail → owned intervention → follow-up → measured effectiveness")
    void closedLoop() {
        AccessToken coach = Tokens.user("coach1");
        // the gap, as signal-service detected it: specific to this agent
        JsonNode gap = await("an open acw-habits gap for the outlier in signal-service (data seed " + SEED + ")").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2)).until(() -> gapOf(coach), n -> n != null);
        assertEquals("SKILL", gap.path("gapType").asText(), "gap type: " + gap.path("causeExplanation").asText());
        // gap and intervention: found through coaching's own listing, as the owner sees it
        JsonNode intervention = await("an acw-habits intervention for the outlier").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(2)).until(() -> find(coach), n -> n != null);
        assertEquals("acw-habits", intervention.path("behaviorId").asText());
        assertEquals("SKILL", intervention.path("gapType").asText(), intervention.toString());
        assertTrue(List.of("coach", "supervisor").contains(intervention.path("ownerRole").asText()), intervention.toString());
        assertTrue(intervention.path("ownerKey").asText().contains(TEAM), intervention.toString());
        assertTrue(intervention.path("observed").asDouble() > 2 * intervention.path("baseline").asDouble(), intervention.toString());
        assertTrue(intervention.path("evidenceInteractionIds").size() > 0, "no evidence: " + intervention);
        String id = intervention.path("id").asText();
        // the guardrail answered (a fresh agent is far below every cap): the work is assigned, not waiting
        await("guardrail passed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> get(coach, id).path("state").asText(), s -> s.equals("ASSIGNED"));
        // the peers, at the team norm, got nothing (no noise)
        long peerWork = Db.count("wem_coaching", "select count(*) from intervention where agent_id = any(?)",
                (Object) PEERS.toArray(String[]::new));
        assertEquals(0, peerWork, "interventions for agents at the team norm");

        transition(coach, id, "IN_PROGRESS", "Session held: replayed two calls, agreed a wrap-up template");
        transition(coach, id, "COMPLETED", "Template in use");
        JsonNode done = get(coach, id);
        assertEquals("FOLLOW_UP", done.path("state").asText(), done.toString());
        Instant coached = Instant.parse(done.path("firstCoachingAt").asText());

        // follow-up: the outlier now wraps up like the team, dated after the coaching and before now
        Signals.sleep(Duration.ofSeconds(3));
        SplittableRandom rnd = new SplittableRandom(7);
        List<Map<String, Object>> followUp = new ArrayList<>();
        for (String agent : concat(PEERS, OUTLIER)) {
            for (int i = 0; i < 25; i++) {
                Instant at = coached.plusMillis(100L + i * 80L);
                String interactionId = RunIds.next("int");
                followUp.add(Signals.interaction(interactionId, agent, TEAM, at, 300, 0, 55 + rnd.nextInt(30) - 15, 0,
                        "billing-question"));
            }
        }
        Signals.postAll(followUp);

        JsonNode evaluated = JsonTree.parse(WemService.COACHING.as(Tokens.user("admin1")).contentType(ContentType.JSON)
                .post("/api/v1/interventions/{id}/evaluate", id).then().statusCode(200).extract().asString());
        assertEquals("CLOSED_EFFECTIVE", evaluated.path("state").asText(), evaluated.toString());
        JsonNode evaluation = evaluated.path("evaluation");
        assertTrue(evaluation.path("after").asDouble() < evaluation.path("before").asDouble() / 2, evaluation.toString());
        assertNotNull(evaluation.get("netImprovement"), evaluation.toString());

        JsonNode effectiveness = JsonTree.parse(WemService.COACHING.as(coach)
                .get("/api/v1/playbooks/{id}/effectiveness", intervention.path("playbookId").asText())
                .then().statusCode(200).extract().asString());
        // One agent evaluated: below the minimum group size, so the outcome counts are suppressed (SmallCells), never
        // published for a single person; the volume counts stay.
        assertTrue(effectiveness.path("measured").asInt() >= 1, effectiveness.toString());
        assertTrue(effectiveness.path("suppressed").asBoolean(), effectiveness.toString());
        // Absent, as the services write a field without a value (issue #20).
        assertTrue(effectiveness.path("closedEffective").isMissingNode(), effectiveness.toString());
    }

    private static JsonNode find(AccessToken coach) {
        JsonNode list = JsonTree.parse(WemService.COACHING.as(coach).queryParam("teamId", TEAM)
                .get("/api/v1/interventions").then().statusCode(200).extract().asString());
        for (JsonNode i : list) {
            if (OUTLIER.equals(i.path("agentId").asText()) && "acw-habits".equals(i.path("behaviorId").asText())) {
                return i;
            }
        }
        // the listing is capped at 500 by priority: on a busy stack, look the id up and read it through the API
        List<Map<String, Object>> rows = Db.rows("wem_coaching",
                "select id::text as id from intervention where agent_id = ? and behavior_id = 'acw-habits'", OUTLIER);
        return rows.isEmpty() ? null : get(coach, (String) rows.get(0).get("id"));
    }

    private static JsonNode gapOf(AccessToken coach) {
        JsonNode list = JsonTree.parse(WemService.SIGNAL.as(coach).queryParam("teamId", TEAM)
                .get("/api/v1/gaps").then().statusCode(200).extract().asString());
        for (JsonNode g : list) {
            if (OUTLIER.equals(g.path("gap").path("agentId").asText())
                    && "acw-habits".equals(g.path("gap").path("behaviorId").asText())) {
                return g.path("gap");
            }
        }
        return null;
    }

    private static JsonNode get(AccessToken who, String id) {
        return JsonTree.parse(WemService.COACHING.as(who).get("/api/v1/interventions/{id}", id)
                .then().statusCode(200).extract().asString());
    }

    private static void transition(AccessToken who, String id, String to, String note) {
        WemService.COACHING.as(who).contentType(ContentType.JSON).body(Map.of("to", to, "note", note))
                .post("/api/v1/interventions/{id}/transitions", id).then().statusCode(200);
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new ArrayList<>(a);
        out.add(b);
        return out;
    }
}
