package io.wem.wellbeing.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.wem.common.contracts.AgentActivity;
import io.wem.common.contracts.MonitoringEvent;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Topics;
import io.wem.testing.TestKafka;
import io.wem.testing.TestTokens;
import io.wem.wellbeing.service.PatternCheck;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class WellbeingViewTest {

    @Inject
    PatternCheck patterns;

    static void interaction(String agent, String team, String queue, String reason, Instant start) {
        AgentActivity a = new AgentActivity(GuardrailApiTest.unique("act"), "INTERACTION", agent, team, queue, "voice",
                reason, start, start.plus(Duration.ofMinutes(4)), 0.2, false, false, false);
        TestKafka.send(Topics.ACTIVITY, agent, EventEnvelope.of(EventTypes.AGENT_ACTIVITY, "signal-service", agent, a));
    }

    static void monitoring(String agent, String team, String kind, Double score, String theme) {
        MonitoringEvent m = new MonitoringEvent(GuardrailApiTest.unique("mon"), agent, team, kind, false, score,
                theme, "coaching-service", GuardrailApiTest.unique("ref"), Instant.now());
        TestKafka.send(Topics.MONITORING, agent, EventEnvelope.of(EventTypes.MONITORING, "coaching-service", agent, m));
    }

    static JsonPath team(String token, String team) {
        return given().auth().oauth2(token).when().get("/api/v1/teams/" + team + "/wellbeing").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void smallTeamAggregatesAreWithheld() {
        String team = GuardrailApiTest.uniqueTeam("tiny");
        for (int i = 0; i < 3; i++) {
            interaction(team + "-a" + i, team, "billing", "billing", Instant.now().minus(Duration.ofHours(2)));
        }
        String sup = TestTokens.supervisor("sup", team);
        await().atMost(Duration.ofSeconds(30)).until(() -> team(sup, team).getList("agents").size() == 3);
        given().auth().oauth2(TestTokens.withRoles("planner", "wfm-planner")).when()
                .get("/api/v1/teams/" + team + "/wellbeing").then().statusCode(200)
                .body("withheld", equalTo(true)).body("reason", equalTo("fewer than 5 agents"))
                .body("aggregates", nullValue()).body("agents", org.hamcrest.Matchers.empty());
        JsonPath forSupervisor;
        try (TestKafka.Reader audit = TestKafka.reader(Topics.AUDIT)) {
            forSupervisor = team(sup, team);
            // Each agent row the supervisor received is an audited read of that agent's data.
            // One predicate collects all three: Reader.await drops the rest of a poll batch after its match.
            java.util.Set<String> audited = new java.util.HashSet<>();
            audit.await(r -> {
                if (r.key() != null && r.key().startsWith(team + "-a")
                        && r.value().contains("wellbeing-service:team-wellbeing") && r.value().contains("\"READ\"")) {
                    audited.add(r.key());
                }
                return audited.size() == 3;
            }, Duration.ofSeconds(30));
            assertEquals(java.util.Set.of(team + "-a0", team + "-a1", team + "-a2"), audited);
        }
        assertEquals(true, forSupervisor.getBoolean("withheld"));
        assertNull(forSupervisor.get("aggregates"));
        // The agent's own view leaves out the team comparison too.
        given().auth().oauth2(TestTokens.agent(team + "-a0", team)).when().get("/api/v1/me/wellbeing").then()
                .statusCode(200).body("load.interactions", equalTo(1)).body("load.teamDifficultShare", nullValue());
    }

    @Test
    void teamOfFiveGetsAggregatesAndStrongPerformerOnHardQueueIsFlagged() {
        String team = GuardrailApiTest.uniqueTeam("team");
        String star = team + "-star";
        List<String> others = List.of(team + "-a2", team + "-a3", team + "-a4", team + "-a5");
        Instant t = Instant.now().minus(Duration.ofDays(1));
        for (int i = 0; i < 10; i++) {
            interaction(star, team, "escalations", "complaint", t.plus(Duration.ofMinutes(5L * i)));
        }
        interaction(star, team, "billing", "billing", t.plus(Duration.ofMinutes(60)));
        interaction(star, team, "billing", "billing", t.plus(Duration.ofMinutes(65)));
        for (String o : others) {
            interaction(o, team, "billing", "complaint", t);
            for (int i = 1; i < 12; i++) {
                interaction(o, team, "billing", "billing", t.plus(Duration.ofMinutes(5L * i)));
            }
        }
        monitoring(star, team, "QA_EVALUATION", 95.0, null);
        double[] scores = {70, 75, 80, 72};
        for (int i = 0; i < 4; i++) {
            monitoring(others.get(i), team, "QA_EVALUATION", scores[i], null);
        }
        String pressured = others.get(0);
        for (int i = 0; i < 3; i++) {
            monitoring(pressured, team, "COACHING_SESSION", null, "HANDLE_TIME");
        }
        monitoring(others.get(1), team, "COACHING_SESSION", null, "DEVELOPMENT");
        monitoring(others.get(2), team, "RECOGNITION", null, null);

        String admin = TestTokens.withRoles("admin", "platform-admin");
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonPath v = team(admin, team);
            return !v.getBoolean("withheld") && v.getInt("aggregates.watchedEvents") == 5
                    && v.getInt("aggregates.supportedEvents") == 2
                    && v.getInt("aggregates.coaching.pressureSessions") == 3;
        });
        JsonPath v = team(admin, team);
        assertEquals(5, v.getInt("aggregates.agentCount"));
        assertEquals(2.5f, v.getFloat("aggregates.watchedToSupportedRatio"));
        assertEquals(List.of("escalations"), v.getList("aggregates.hardQueues"));
        // Attack: one star and one pressured agent among five; a count of 1 would point at them. Small cells are withheld.
        assertNull(v.get("aggregates.strongPerformersOnHardQueues"));
        assertNull(v.get("aggregates.agentsWithCoachingPressure"));
        assertEquals(List.of(), v.getList("agents"), "per-agent rows only for the team supervisors");

        JsonPath bySupervisor = team(TestTokens.supervisor("sup", team), team);
        assertEquals(5, bySupervisor.getList("agents").size());
        assertEquals(true, bySupervisor.getBoolean("agents.find { it.agentId == '" + star + "' }.emotionalLoadFlag"));

        assertTrue(patterns.checkTeam(team) >= 1);
        String planner = TestTokens.withRoles("planner", "wfm-planner");
        given().auth().oauth2(planner).when().get("/api/v1/alerts?teamId=" + team + "&kind=EMOTIONAL_LOAD").then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].agentId", equalTo(star));
        given().auth().oauth2(planner).when().get("/api/v1/alerts?teamId=" + team + "&kind=COACHING_PRESSURE").then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].agentId", equalTo(pressured));
        // Cooldown: a second check does not repeat the standing patterns.
        assertEquals(0, patterns.checkTeam(team));

        given().auth().oauth2(TestTokens.agent(star, team)).when().get("/api/v1/me/wellbeing").then().statusCode(200)
                .body("agentId", equalTo(star))
                .body("intensity.kinds.find { it.kind == 'QA_EVALUATION' }.count", equalTo(1))
                .body("intensity.kinds.find { it.kind == 'QA_EVALUATION' }.cap", equalTo(4))
                .body("load.interactions", equalTo(12)).body("load.difficult", equalTo(10))
                .body("load.teamDifficultShare", notNullValue())
                // Twenty minutes were owed after the two streaks, but that was a day ago: time off is the break.
                .body("recovery.recoveryDebtMinutes", equalTo(0)).body("recovery.breakDue", equalTo(false));
        given().auth().oauth2(TestTokens.agent(pressured, team)).when().get("/api/v1/me/wellbeing").then()
                .statusCode(200).body("coaching.pressureSessions", equalTo(3))
                .body("coaching.pressurePattern", equalTo(true));
    }

    @Test
    void viewSecurity() {
        String team = GuardrailApiTest.uniqueTeam("team");
        given().when().get("/api/v1/me/wellbeing").then().statusCode(401);
        given().auth().oauth2(TestTokens.supervisor("sup", team)).when().get("/api/v1/me/wellbeing").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.agent("a-" + team, team)).when().get("/api/v1/me/wellbeing").then()
                .statusCode(200).body("intensity.index", equalTo(0.0f));
        given().when().get("/api/v1/teams/" + team + "/wellbeing").then().statusCode(401);
        given().auth().oauth2(TestTokens.agent("a-" + team, team)).when().get("/api/v1/teams/" + team + "/wellbeing")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.withRoles("qa", "qa-analyst")).when()
                .get("/api/v1/teams/" + team + "/wellbeing").then().statusCode(403);
        given().auth().oauth2(TestTokens.supervisor("sup", "team-other")).when()
                .get("/api/v1/teams/" + team + "/wellbeing").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.supervisor("sup", team)).when().get("/api/v1/teams/" + team + "/wellbeing")
                .then().statusCode(200).body("withheld", equalTo(true)).body("agents.size()", equalTo(0));
    }
}
