package io.wem.wellbeing.service;

import io.quarkus.test.junit.QuarkusTest;
import io.wem.common.contracts.MonitoringEvent;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Topics;
import io.wem.testing.TestKafka;
import io.wem.testing.TestTokens;
import io.wem.wellbeing.rest.GuardrailApiTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * MONITORING_CAP for the intensity index through the service: monitoring events that keep an agent's index above
 * the cap (no kind over its own cap) are alerted by the pattern check once the index has stayed above it for the
 * on-delay (12 h), once; the same index reached two hours ago is not alerted yet.
 */
@QuarkusTest
class IndexEpisodeAlertTest {

    @Inject
    PatternCheck patterns;

    static void watched(String agent, String team, String kind, Instant at) {
        MonitoringEvent m = new MonitoringEvent(GuardrailApiTest.unique("mon"), agent, team, kind, false, null, null,
                "qa-suite", GuardrailApiTest.unique("ref"), at);
        TestKafka.send(Topics.MONITORING, agent, EventEnvelope.of(EventTypes.MONITORING, "qa-suite", agent, m));
    }

    /** Two live sessions (3 each), three screen reviews (2 each), one QA evaluation: 13 over a cap of 12. */
    static void overTheIndexSince(String agent, String team, Instant since) {
        for (String kind : new String[] {"LIVE_MONITORING", "LIVE_MONITORING", "SCREEN_RECORDING_REVIEW",
                "SCREEN_RECORDING_REVIEW", "SCREEN_RECORDING_REVIEW"}) {
            watched(agent, team, kind, since.minus(Duration.ofHours(1)));
        }
        watched(agent, team, "QA_EVALUATION", since);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(TestTokens.agent(agent, team))
                .when().get("/api/v1/me/wellbeing").then().statusCode(200).extract().jsonPath()
                .getDouble("intensity.index") == 13.0);
    }

    @Test
    void anIndexAboveTheCapForLongerThanTheOnDelayIsAlertedOnce() {
        String team = GuardrailApiTest.uniqueTeam("index-episode");
        String longOver = GuardrailApiTest.unique("long-over");
        String justOver = GuardrailApiTest.unique("just-over");
        overTheIndexSince(longOver, team, Instant.now().minus(Duration.ofHours(20)));
        overTheIndexSince(justOver, team, Instant.now().minus(Duration.ofHours(2)));

        assertEquals(1, patterns.checkTeam(team));
        String planner = TestTokens.withRoles("planner", "wfm-planner");
        given().auth().oauth2(planner).when().get("/api/v1/alerts?teamId=" + team + "&kind=MONITORING_CAP").then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].agentId", equalTo(longOver))
                .body("[0].message", containsString("cap of 12.0"));
        // the episode stands: the next checks do not repeat it
        assertEquals(0, patterns.checkTeam(team));
    }
}
