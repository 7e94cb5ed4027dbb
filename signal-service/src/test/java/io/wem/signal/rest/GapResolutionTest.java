package io.wem.signal.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.wem.common.contracts.BehaviorGapResolved;
import io.wem.common.events.Events;
import io.wem.signal.service.DetectionService;
import io.wem.signal.support.AdjustableClock;
import io.wem.testing.TestKafka;
import io.wem.testing.TestTokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.wem.signal.support.Signals.*;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A gap opens, the agent's recent behavior returns to normal, the window rolls on: the gap resolves. */
@QuarkusTest
class GapResolutionTest {
    static final String INTEGRATION = TestTokens.service("cc", List.of("integration"));
    static final String QA = TestTokens.withRoles("qa-lead", "qa-analyst");

    @Inject
    DetectionService detection;

    @Inject
    AdjustableClock clock;

    @Test
    void aGapResolvesWhenItNoLongerHolds() {
        String queue = uid("queue");
        String behavior = uid("holds");
        // A one-day behavior on this test's own queue, so no other test's data is involved.
        given().auth().oauth2(QA).contentType("application/json").body("{\"id\":\"" + behavior + "\",\"name\":\"Holds\","
                        + "\"metric\":\"hold_seconds\",\"filters\":{\"queue\":\"" + queue + "\"},\"comparison\":"
                        + "\"TEAM_MEDIAN\",\"direction\":\"HIGHER_IS_WORSE\",\"window\":\"P1D\",\"minSample\":10,"
                        + "\"minEffectSize\":0.8,\"customerImpact\":0.5}")
                .when().post("/api/v1/behaviors").then().statusCode(201);
        String team = uid("team");
        io.wem.testing.TestDirectory.addTeam(team);
        String agent = uid("holder");
        Instant now = Instant.now();
        List<String> signals = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            String peer = uid("peer");
            for (int k = 0; k < 10; k++) {
                signals.add(onQueue(interaction(uid("e"), uid("int"), peer, team, now.minusSeconds(600 + k),
                        30, 20 + (k * 3 + p) % 11, 0, false, "general"), queue));
            }
        }
        for (int k = 0; k < 10; k++) {
            signals.add(onQueue(interaction(uid("e"), uid("int"), agent, team, now.minus(Duration.ofHours(20))
                    .plusSeconds(k), 30, 120 + k, 0, false, "general"), queue));
        }
        try (TestKafka.Reader gaps = TestKafka.reader("wem.signal.gaps.v1")) {
            post(signals);
            assertNotNull(gaps.await(r -> agent.equals(r.key()) && r.value().contains("BehaviorGapDetected")
                    && r.value().contains(behavior), Duration.ofSeconds(30)), "gap detected");
        }
        // The agent's recent interactions are normal again; 5 hours on, the long holds have left the window.
        // Resolution needs evidence that it is over (hysteresis): enough new observations that the worse end of
        // their interval is back within half the threshold — 30 here; 10 (the minimum sample) no longer suffice.
        List<String> normal = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            normal.add(onQueue(interaction(uid("e"), uid("int"), agent, team, now.minusSeconds(300 + k), 30,
                    22 + k % 7, 0, false, "general"), queue));
        }
        post(normal);
        // The service's own detection rolls the window on: moving its clock (not evaluating beside the scheduler,
        // whose evaluation at the real time would open the gap again) and marking the team as the hourly sweep does.
        try (TestKafka.Reader gaps = TestKafka.reader("wem.signal.gaps.v1")) {
            clock.moveAhead(Duration.ofHours(5));
            detection.markDirty(team);
            ConsumerRecord<String, String> r = gaps.await(x -> agent.equals(x.key())
                    && x.value().contains("BehaviorGapResolved"), Duration.ofSeconds(30));
            assertNotNull(r, "gap resolved");
            BehaviorGapResolved resolved = Events.parse(r.value()).dataAs(BehaviorGapResolved.class);
            assertEquals(behavior, resolved.behaviorId());
            given().auth().oauth2(QA).queryParam("status", "RESOLVED").when().get("/api/v1/teams/" + team + "/gaps")
                    .then().statusCode(200).body("find { it.gap.agentId == '" + agent + "' }.status", equalTo("RESOLVED"));
            given().auth().oauth2(QA).when().get("/api/v1/teams/" + team + "/gaps").then().statusCode(200)
                    .body("findAll { it.gap.behaviorId == '" + behavior + "' }.size()", equalTo(0));
        } finally {
            clock.reset();
        }
    }

    private static String onQueue(String interactionJson, String queue) {
        return interactionJson.replace("\"queue\":\"billing\"", "\"queue\":\"" + queue + "\"");
    }

    private static void post(List<String> signals) {
        given().auth().oauth2(INTEGRATION).contentType("application/json").body(batch(signals.toArray(String[]::new)))
                .when().post("/api/v1/signals").then().statusCode(202);
    }
}
