package io.wem.signal.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.wem.common.contracts.AgentActivity;
import io.wem.common.contracts.MonitoringEvent;
import io.wem.common.events.Events;
import io.wem.testing.TestKafka;
import io.wem.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.wem.signal.support.Signals.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What wellbeing-service receives: activity facts (no text) and monitoring events. */
@QuarkusTest
class OutputsTest {

    @Test
    void interactionsBreaksAndMonitoringArePublished() {
        String agent = uid("agent");
        String team = uid("team");
        String iid = uid("int");
        String qaEvent = uid("e");
        String autoEvent = uid("e");
        String live = uid("e");
        String adherence = uid("e");
        try (TestKafka.Reader activity = TestKafka.reader("wem.signal.interactions.v1");
             TestKafka.Reader breaks = TestKafka.reader("wem.signal.interactions.v1");
             TestKafka.Reader m1 = TestKafka.reader("wem.wellbeing.monitoring-events.v1");
             TestKafka.Reader m2 = TestKafka.reader("wem.wellbeing.monitoring-events.v1");
             TestKafka.Reader m3 = TestKafka.reader("wem.wellbeing.monitoring-events.v1");
             TestKafka.Reader m4 = TestKafka.reader("wem.wellbeing.monitoring-events.v1")) {
            given().auth().oauth2(TestTokens.service("cc", List.of("integration"))).contentType("application/json")
                    .body(batch(interaction(uid("e"), iid, agent, team, Instant.now().minusSeconds(60), 30, 0, 0, true,
                                    "complaint"),
                            qa(qaEvent, agent, team, iid, false, 70, true), qa(autoEvent, agent, team, iid, true, 55, false),
                            liveMonitoring(live, agent, team),
                            adherence(adherence, agent, team, 70, Instant.now().minusSeconds(7200))))
                    .when().post("/api/v1/signals").then().statusCode(202);

            ConsumerRecord<String, String> a = activity.await(r -> r.value().contains(iid), Duration.ofSeconds(20));
            assertNotNull(a);
            assertEquals(agent, a.key());
            AgentActivity act = Events.parse(a.value()).dataAs(AgentActivity.class);
            assertEquals("INTERACTION", act.kind());
            assertTrue(act.repeatContact());
            assertEquals("complaint", act.contactReason());

            ConsumerRecord<String, String> b = breaks.await(r -> r.value().contains(adherence + "-break-0"),
                    Duration.ofSeconds(20));
            assertNotNull(b);
            assertEquals("BREAK", Events.parse(b.value()).dataAs(AgentActivity.class).kind());

            MonitoringEvent qa = monitoring(m1, "eval-" + qaEvent);
            assertEquals("QA_EVALUATION", qa.kind());
            assertEquals(70.0, qa.score());
            assertFalse(qa.automated());
            MonitoringEvent auto = monitoring(m2, "eval-" + autoEvent);
            assertEquals("AUTOMATED_SCORE", auto.kind());
            assertTrue(auto.automated());
            assertEquals("LIVE_MONITORING", monitoring(m3, live).kind());
            assertEquals("ADHERENCE_ALERT", monitoring(m4, adherence).kind());
        }
    }

    private static MonitoringEvent monitoring(TestKafka.Reader reader, String reference) {
        ConsumerRecord<String, String> r = reader.await(x -> x.value().contains("\"reference\":\"" + reference + "\""),
                Duration.ofSeconds(20));
        assertNotNull(r, "monitoring event for " + reference);
        return Events.parse(r.value()).dataAs(MonitoringEvent.class);
    }
}
