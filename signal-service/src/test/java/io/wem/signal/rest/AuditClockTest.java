package io.wem.signal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.wem.common.events.Topics;
import io.wem.signal.support.AdjustableClock;
import io.wem.testing.TestDirectory;
import io.wem.testing.TestKafka;
import io.wem.testing.TestTokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.wem.signal.support.Signals.batch;
import static io.wem.signal.support.Signals.interaction;
import static io.wem.signal.support.Signals.uid;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The time of an audit record is the service's clock (one Clock per service), not the JVM's wall clock. */
@QuarkusTest
class AuditClockTest {

    @Inject
    AdjustableClock clock;

    @Test
    void anAuditRecordCarriesTheServiceClocksTime() throws Exception {
        String team = uid("team");
        String agent = uid("agent");
        TestDirectory.placeAgent(agent, team);
        given().auth().oauth2(TestTokens.service("cc", List.of("integration"))).contentType("application/json")
                .body(batch(interaction(uid("e"), uid("int"), agent, team, Instant.now().minusSeconds(60), 30, 20, 0,
                        false, "general"))).when().post("/api/v1/signals").then().statusCode(202);
        String supervisor = uid("sup");
        // An odd offset, so that no wall-clock time can land in the window by chance.
        Duration ahead = Duration.ofDays(3).plusHours(7);
        try (TestKafka.Reader audit = TestKafka.reader(Topics.AUDIT)) {
            clock.moveAhead(ahead);
            Instant before = Instant.now().plus(ahead);
            try {
                given().auth().oauth2(TestTokens.supervisor(supervisor, team))
                        .when().get("/api/v1/agents/" + agent + "/behaviors").then().statusCode(200);
            } finally {
                clock.reset();
            }
            Instant after = Instant.now().plus(ahead);
            ConsumerRecord<String, String> read = audit.await(r -> r.value().contains("\"actor\":\"" + supervisor + "\""),
                    Duration.ofSeconds(20));
            assertNotNull(read, "read audited");
            JsonNode data = new ObjectMapper().readTree(read.value()).path("data");
            Instant at = Instant.parse(data.path("occurredAt").asText());
            assertTrue(!at.isBefore(before.minusSeconds(1)) && !at.isAfter(after.plusSeconds(1)),
                    "occurredAt " + at + " is the service clock's time, between " + before + " and " + after);
        }
    }
}
