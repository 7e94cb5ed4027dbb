package io.wem.signal.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.wem.common.contracts.BehaviorGapDetected;
import io.wem.common.contracts.GapType;
import io.wem.common.events.Events;
import io.wem.testing.TestKafka;
import io.wem.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static io.wem.signal.support.Signals.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A behavior evaluated per contact reason ("contactReason": "*"): repeats that concentrate in one reason are found even
 * though the agents' overall repeat rate looks normal (the demo's billing-dispute knowledge gap).
 */
@QuarkusTest
class PerReasonGapTest {
    static final String QA = TestTokens.withRoles("qa-lead", "qa-analyst");

    @Test
    void repeatsConcentratedInOneReasonAreATeamProcessGap() {
        String queue = uid("queue");
        String behavior = uid("repeats-per-reason");
        given().auth().oauth2(QA).contentType("application/json").body("{\"id\":\"" + behavior + "\",\"name\":\"Repeats\","
                        + "\"metric\":\"repeat_rate\",\"filters\":{\"queue\":\"" + queue + "\",\"contactReason\":\"*\"},"
                        + "\"comparison\":\"TEAM_MEDIAN\",\"direction\":\"HIGHER_IS_WORSE\",\"window\":\"P1D\","
                        + "\"minSample\":10,\"minEffectSize\":0.4,\"customerImpact\":0.8}")
                .when().post("/api/v1/behaviors").then().statusCode(201);
        Instant now = Instant.now();
        List<String> signals = new ArrayList<>();
        String[] reasons = {"billing-dispute", "payment", "technical-issue", "account-change", "complaint"};
        // Other teams: a few repeats on payments, none on billing disputes.
        for (int t = 0; t < 2; t++) {
            String org = uid("team-org");
            for (int a = 0; a < 4; a++) {
                String agent = uid("org");
                for (int k = 0; k < 60; k++) {
                    signals.add(interaction(uid("e"), uid("int"), agent, org, now.minusSeconds(900 + k), 30, 20, 0,
                            k % 20 == 1, reasons[k % reasons.length]).replace("\"billing\"", "\"" + queue + "\""));
                }
            }
        }
        // This team: billing disputes repeat 50% of the time for every agent; other reasons as everywhere.
        String team = uid("team");
        List<String> agents = new ArrayList<>();
        for (int a = 0; a < 5; a++) {
            String agent = uid("agent");
            agents.add(agent);
            for (int k = 0; k < 60; k++) {
                String reason = reasons[k % reasons.length];
                boolean repeat = reason.equals("billing-dispute") ? (k / reasons.length) % 2 == 0 : k % 20 == 1;
                signals.add(interaction(uid("e"), uid("int"), agent, team, now.minusSeconds(600 + k), 30, 20, 0,
                        repeat, reason).replace("\"billing\"", "\"" + queue + "\""));
            }
        }
        try (TestKafka.Reader gaps = TestKafka.reader("wem.signal.gaps.v1")) {
            given().auth().oauth2(TestTokens.service("cc", List.of("integration"))).contentType("application/json")
                    .body(batch(signals.toArray(String[]::new))).when().post("/api/v1/signals").then().statusCode(202);
            for (String agent : agents) {
                ConsumerRecord<String, String> r = gaps.await(x -> agent.equals(x.key())
                        && x.value().contains(behavior), Duration.ofSeconds(30));
                assertNotNull(r, "gap for " + agent);
                BehaviorGapDetected g = Events.parse(r.value()).dataAs(BehaviorGapDetected.class);
                assertEquals(GapType.PROCESS, g.gapType(), g.causeExplanation());
                assertEquals("billing-dispute", g.contactReason());
                assertEquals(Set.copyOf(agents), Set.copyOf(g.affectedAgentIds()));
            }
        }
    }
}
