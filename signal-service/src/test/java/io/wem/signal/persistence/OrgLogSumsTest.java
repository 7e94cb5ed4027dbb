package io.wem.signal.persistence;

import io.quarkus.test.junit.QuarkusTest;
import io.wem.common.contracts.BuiltInBehaviors;
import io.wem.signal.domain.Behavior;
import io.wem.signal.domain.BuiltIns;
import io.wem.signal.domain.LogRatio;
import io.wem.signal.domain.TeamData;
import io.wem.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static io.wem.signal.support.Signals.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The organisation reference of durations, as PostgreSQL computes it (one grouped scan): per team, reason and queue,
 * the count, the calls above zero and the sum and sum of squares of their logs equal the same sums computed in Java
 * over the posted signals (generated holds with zeros, generated reason names).
 */
@QuarkusTest
class OrgLogSumsTest {

    @Inject
    ObservationRepository repository;

    @Test
    void logSumsPerTeamReasonAndQueueMatchJava() {
        Random r = new Random(20261204);
        String queue = uid("queue");
        Behavior hold = BuiltIns.all().stream().filter(b -> b.id().equals(BuiltInBehaviors.HOLD_USAGE)).findFirst()
                .orElseThrow().withFilter("queue", queue);
        // 60 days back: outside every behavior's window as of today, so these calls never become another test's
        // organisation reference (the test database is shared by the suite and kept between runs).
        Instant now = Instant.now().minus(Duration.ofDays(60));
        List<String> signals = new ArrayList<>();
        Map<List<String>, LogRatio.Sums> expected = new HashMap<>();
        String[] reasons = {uid("r"), uid("r")};
        for (int t = 0; t < 2; t++) {
            String team = uid("team");
            for (int a = 0; a < 3; a++) {
                String agent = uid("agent");
                for (int k = 0; k < 15; k++) {
                    String reason = reasons[r.nextInt(2)];
                    int h = r.nextDouble() < 0.4 ? 0 : 1 + (int) (200 * -Math.log(1 - r.nextDouble()) / 3);
                    signals.add(interaction(uid("e"), uid("int"), agent, team, now.minusSeconds(600 + k), 30, h, 0,
                            false, reason).replace("\"billing\"", "\"" + queue + "\""));
                    expected.merge(List.of(team, reason), LogRatio.Sums.of(h), LogRatio.Sums::plus);
                }
            }
        }
        given().auth().oauth2(TestTokens.service("cc", List.of("integration"))).contentType("application/json")
                .body(batch(signals.toArray(String[]::new))).when().post("/api/v1/signals").then().statusCode(202);

        // Stored when the request returns today; waited for anyway, should ingestion ever store behind it.
        OrgReference.Summaries s = await().atMost(Duration.ofSeconds(30)).until(
                () -> repository.allAgents(hold, now.minusSeconds(3600), now.plusSeconds(60)),
                x -> x.cells().stream().mapToInt(c -> c.sums().n()).sum() >= signals.size());
        Map<List<String>, LogRatio.Sums> actual = new HashMap<>();
        for (TeamData.OrgCell c : s.cells()) {
            assertEquals(queue, c.queue());
            actual.merge(List.of(c.teamId(), c.reason()), c.sums(), LogRatio.Sums::plus);
        }
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, e) -> {
            LogRatio.Sums a = actual.get(k);
            assertNotNull(a, k.toString());
            assertEquals(e.n(), a.n(), k.toString());
            assertEquals(e.k(), a.k(), k.toString());
            assertEquals(e.sum(), a.sum(), 1e-6, k.toString());
            assertEquals(e.sumLog(), a.sumLog(), 1e-6, k.toString());
            assertEquals(e.sumLog2(), a.sumLog2(), 1e-6, k.toString());
        });
    }
}
