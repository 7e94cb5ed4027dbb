package io.wem.wellbeing.service;

import io.quarkus.test.junit.QuarkusTest;
import io.wem.testing.TestTokens;
import io.wem.wellbeing.rest.GuardrailApiTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Through the service: a cap breach that the whole team's programme produces is one MONITORING_PROGRAMME alert for
 * the team, not one MONITORING_CAP per agent; an agent watched far more than the peers is still alerted personally,
 * in the same team, at once.
 */
@QuarkusTest
class TeamProgrammeAlertTest {

    static final String PLANNER = TestTokens.withRoles("planner", "wfm-planner");

    @Inject
    PatternCheck patterns;

    @Test
    void aQaPlanThatTakesTheWholeTeamOverTheCapIsOneTeamAlert() {
        String team = GuardrailApiTest.uniqueTeam("qa-programme");
        List<String> agents = new ArrayList<>();
        Instant monday = Instant.now().minus(Duration.ofDays(3));
        for (int a = 0; a < 6; a++) {
            String agent = GuardrailApiTest.unique("qa-agent");
            agents.add(agent);
            for (int i = 0; i < 4; i++) {
                IndexEpisodeAlertTest.watched(agent, team, "QA_EVALUATION", monday.plus(Duration.ofHours(i)));
            }
        }
        for (String agent : agents) {
            awaitCount(agent, team, "QA_EVALUATION", 4);
        }
        // the plan's fifth evaluation this week, for everyone: over the cap of 4, as every peer will be
        for (String agent : agents) {
            IndexEpisodeAlertTest.watched(agent, team, "QA_EVALUATION", Instant.now().minus(Duration.ofHours(1)));
        }
        for (String agent : agents) {
            awaitCount(agent, team, "QA_EVALUATION", 5);
        }
        given().auth().oauth2(PLANNER).when().get("/api/v1/alerts?teamId=" + team + "&kind=MONITORING_PROGRAMME")
                .then().statusCode(200).body("size()", equalTo(1))
                .body("[0].message", containsString("cap of 4 qa evaluation"))
                .body("[0].teamId", equalTo(team));
        given().auth().oauth2(PLANNER).when().get("/api/v1/alerts?teamId=" + team + "&kind=MONITORING_CAP")
                .then().statusCode(200).body("size()", equalTo(0));

        // One agent of the same team is then watched live three times while the peers were not: that is about them.
        String singled = agents.get(2);
        for (int i = 0; i < 3; i++) {
            IndexEpisodeAlertTest.watched(singled, team, "LIVE_MONITORING", Instant.now().minus(Duration.ofMinutes(30 - i)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(PLANNER)
                .when().get("/api/v1/alerts?teamId=" + team + "&kind=MONITORING_CAP").then().statusCode(200)
                .extract().jsonPath().getList("$").size() == 1);
        given().auth().oauth2(PLANNER).when().get("/api/v1/alerts?teamId=" + team + "&kind=MONITORING_CAP")
                .then().body("[0].agentId", equalTo(singled)).body("[0].message", containsString("cap 2"));
    }

    @Test
    void indexEpisodesOfAWholeTeamAreOneTeamAlertAndAnOutlierIsAlertedPersonally() {
        String team = GuardrailApiTest.uniqueTeam("index-programme");
        Instant since = Instant.now().minus(Duration.ofHours(20));
        List<String> agents = new ArrayList<>();
        for (int a = 0; a < 5; a++) {
            String agent = GuardrailApiTest.unique("index-agent");
            agents.add(agent);
            IndexEpisodeAlertTest.overTheIndexSince(agent, team, since);
        }
        // An outlier of the same team: the same, plus three QA evaluations, ten adherence alerts and forty automated
        // scores, each kind within its own cap: an index of 31 against the others' 13.
        String outlier = GuardrailApiTest.unique("index-outlier");
        IndexEpisodeAlertTest.overTheIndexSince(outlier, team, since);
        Instant before = since.minus(Duration.ofHours(2));
        for (int i = 0; i < 3; i++) {
            IndexEpisodeAlertTest.watched(outlier, team, "QA_EVALUATION", before);
        }
        for (int i = 0; i < 10; i++) {
            IndexEpisodeAlertTest.watched(outlier, team, "ADHERENCE_ALERT", before);
        }
        for (int i = 0; i < 40; i++) {
            IndexEpisodeAlertTest.watched(outlier, team, "AUTOMATED_SCORE", before);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(TestTokens.agent(outlier, team))
                .when().get("/api/v1/me/wellbeing").then().statusCode(200).extract().jsonPath()
                .getDouble("intensity.index") == 31.0);

        // the five at 13 over the cap of 12 are the programme's level: one alert for the team; the outlier is theirs
        assertEquals(2, patterns.checkTeam(team));
        given().auth().oauth2(PLANNER).when().get("/api/v1/alerts?teamId=" + team + "&kind=MONITORING_PROGRAMME")
                .then().statusCode(200).body("size()", equalTo(1))
                .body("[0].message", containsString("6 of 6 agents are above it"));
        given().auth().oauth2(PLANNER).when().get("/api/v1/alerts?teamId=" + team + "&kind=MONITORING_CAP")
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].agentId", equalTo(outlier))
                .body("[0].message", containsString("cap of 12.0"));
        // both stand: the next check repeats neither
        assertEquals(0, patterns.checkTeam(team));
    }

    private static void awaitCount(String agent, String team, String kind, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(TestTokens.agent(agent, team))
                .when().get("/api/v1/me/wellbeing").then().statusCode(200).extract().jsonPath()
                .getList("intensity.kinds.findAll { it.kind == '" + kind + "' }.count", Integer.class)
                .stream().mapToInt(Integer::intValue).sum() == count);
    }
}
