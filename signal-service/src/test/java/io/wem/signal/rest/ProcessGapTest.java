package io.wem.signal.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
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
import static org.awaitility.Awaitility.await;
import static io.wem.signal.support.Signals.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A gap most of a team shares, measured against the rest of the organisation, is a PROCESS gap. */
@QuarkusTest
class ProcessGapTest {
    static final String QA = TestTokens.withRoles("qa-lead", "qa-analyst");

    @Test
    void aSharedGapIsAProcessGapNamingTheAffectedAgents() {
        String queue = uid("queue");
        String behavior = uid("process-holds");
        given().auth().oauth2(QA).contentType("application/json").body("{\"id\":\"" + behavior + "\",\"name\":\"Holds\","
                        + "\"metric\":\"hold_seconds\",\"filters\":{\"queue\":\"" + queue + "\"},\"comparison\":"
                        + "\"TEAM_MEDIAN\",\"direction\":\"HIGHER_IS_WORSE\",\"window\":\"P1D\",\"minSample\":10,"
                        + "\"minEffectSize\":0.8,\"customerImpact\":0.5}")
                .when().post("/api/v1/behaviors").then().statusCode(201);
        Instant now = Instant.now();
        List<String> signals = new ArrayList<>();
        String org = uid("team-org");
        for (int a = 0; a < 6; a++) {
            String agent = uid("org");
            for (int k = 0; k < 12; k++) {
                signals.add(interaction(uid("e"), uid("int"), agent, org, now.minusSeconds(900 + k), 30,
                        20 + (k * 5 + a) % 11, 0, false, "general").replace("\"billing\"", "\"" + queue + "\""));
            }
        }
        String team = uid("team");
        List<String> affected = new ArrayList<>();
        for (int a = 0; a < 5; a++) {
            String agent = uid("agent");
            boolean slow = a < 3;
            if (slow) {
                affected.add(agent);
            }
            for (int k = 0; k < 12; k++) {
                int hold = slow ? 95 + (k * 7 + a) % 20 : 20 + (k * 5 + a) % 11;
                signals.add(interaction(uid("e"), uid("int"), agent, team, now.minusSeconds(600 + k), 30, hold, 0,
                        false, "general").replace("\"billing\"", "\"" + queue + "\""));
            }
        }
        try (TestKafka.Reader gaps = TestKafka.reader("wem.signal.gaps.v1")) {
            given().auth().oauth2(TestTokens.service("cc", List.of("integration"))).contentType("application/json")
                    .body(batch(signals.toArray(String[]::new))).when().post("/api/v1/signals").then().statusCode(202);
            for (String agent : affected) {
                ConsumerRecord<String, String> r = gaps.await(x -> agent.equals(x.key())
                        && x.value().contains(behavior), Duration.ofSeconds(30));
                assertNotNull(r, "gap for " + agent);
                BehaviorGapDetected g = Events.parse(r.value()).dataAs(BehaviorGapDetected.class);
                assertEquals(GapType.PROCESS, g.gapType(), g.causeExplanation());
                assertEquals("ORG_MEDIAN", g.baselineKind());
                assertEquals(Set.copyOf(affected), Set.copyOf(g.affectedAgentIds()));
                assertEquals(queue, g.queue());
            }
        }
        // the gap view: an affected agent learns the gap is shared by 3, not by whom; the team's supervisor does
        String me = affected.get(0);
        JsonPath mine = await().atMost(Duration.ofSeconds(30))
                .until(() -> given().auth().oauth2(TestTokens.agent(me, team)).queryParam("status", "ALL")
                        .when().get("/api/v1/gaps").then().statusCode(200).extract().jsonPath(),
                        p -> p.getList("findAll { it.gap.behaviorId == '" + behavior + "' }").size() == 1);
        assertEquals(List.of(me), mine.getList("find { it.gap.behaviorId == '" + behavior + "' }.gap.affectedAgentIds"));
        assertEquals(3, mine.getInt("find { it.gap.behaviorId == '" + behavior + "' }.affectedAgentCount"));
        JsonPath team1 = given().auth().oauth2(TestTokens.supervisor("sup-" + team, team))
                .queryParam("status", "ALL").when().get("/api/v1/teams/" + team + "/gaps").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(Set.copyOf(affected), Set.copyOf(team1.getList(
                "find { it.gap.agentId == '" + me + "' && it.gap.behaviorId == '" + behavior + "' }.gap.affectedAgentIds",
                String.class)));
    }
}
