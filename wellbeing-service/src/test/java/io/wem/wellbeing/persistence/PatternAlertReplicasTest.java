package io.wem.wellbeing.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.wem.wellbeing.rest.GuardrailApiTest;
import io.wem.wellbeing.service.AlertService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two replicas of wellbeing-service check the same team's patterns at the same moment (each replica keeps its own set
 * of teams with new activity, and a team's agents are spread over both replicas' partitions). The cooldown that keeps
 * a standing pattern from being raised again is read from the database, so both checks must not both see "nothing
 * raised yet": the agent gets one alert, not one per replica.
 */
@QuarkusTest
class PatternAlertReplicasTest {

    @Inject
    AlertService alerts;

    @Inject
    EntityManager em;

    @Test
    void twoReplicasRaisingTheSamePatternAtOnceRaiseItOnce() throws Exception {
        String agent = GuardrailApiTest.unique("pattern-race");
        Instant now = Instant.now();
        CountDownLatch firstRaised = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        // replica A raises and keeps its transaction open until replica B has made its own decision (or is waiting)
        CompletableFuture<Boolean> a = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew().call(() -> {
            boolean raised = alerts.raisePattern(agent, "team-race", "COACHING_PRESSURE", "replica A", now);
            firstRaised.countDown();
            secondDone.await(3, TimeUnit.SECONDS); // B blocked on A's lock does not finish: A commits, B goes on
            return raised;
        }));
        firstRaised.await(30, TimeUnit.SECONDS);
        CompletableFuture<Boolean> b = CompletableFuture.supplyAsync(() -> {
            try {
                return QuarkusTransaction.requiringNew().call(() -> alerts.raisePattern(agent, "team-race",
                        "COACHING_PRESSURE", "replica B", now.plusMillis(5)));
            } finally {
                secondDone.countDown();
            }
        });
        int raised = (a.get(60, TimeUnit.SECONDS) ? 1 : 0) + (b.get(60, TimeUnit.SECONDS) ? 1 : 0);
        long stored = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM wellbeing_alert WHERE agent_id = ?1 AND kind = 'COACHING_PRESSURE'")
                .setParameter(1, agent).getSingleResult()).longValue());
        assertEquals(1, stored, "alerts stored for one pattern raised by two replicas at once");
        assertEquals(1, raised, "replicas that reported raising it");
    }

    /**
     * A standing pattern is reported once per its own window: the next day's check of the same week's coaching is
     * quiet (the 24-hour cooldown alone re-alerted it daily, docs/calibration.md), and a week later it is news again.
     */
    @Test
    void aStandingPatternIsQuietForItsWindowNotJustADay() {
        String agent = GuardrailApiTest.unique("pattern-window");
        Instant t0 = Instant.parse("2026-06-01T09:00:00Z");
        java.time.Duration week = java.time.Duration.ofDays(7);
        java.util.List<Boolean> raised = new java.util.ArrayList<>();
        for (int day : new int[] {0, 2, 6, 8}) {
            raised.add(QuarkusTransaction.requiringNew().call(() -> alerts.raisePattern(agent, "team-window",
                    "COACHING_PRESSURE", "day " + day, t0.plus(java.time.Duration.ofDays(day)), week)));
        }
        assertEquals(java.util.List.of(true, false, false, true), raised, "raised on days 0, 2, 6, 8");
    }
}
