package io.wem.signal.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.wem.signal.support.GovernanceStub;
import io.wem.testing.TestKafka;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

import static io.wem.signal.support.Signals.interaction;
import static io.wem.signal.support.Signals.transcript;
import static io.wem.signal.support.Signals.uid;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SignalConsumerTest {
    static final String TOPIC = "wem.signal.signals.v1";
    static final String DLQ = "wem.dlq.signal-service.signals.v1";

    @Inject
    DataSource db;

    static String envelope(String signalJson) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + uid("env") + "\",\"source\":\"cc-platform\","
                + "\"type\":\"io.wem.signal.SignalReceived.v1\",\"time\":\"" + Instant.now() + "\","
                + "\"datacontenttype\":\"application/json\",\"data\":" + signalJson + "}";
    }

    @Inject
    io.smallrye.faulttolerance.api.CircuitBreakerMaintenance breakers;

    @Test
    void consumesABatchAndParksOnlyTheBadRecords() {
        // Another class sharing this application may have left the redaction breaker open (its stub answered 503, or
        // slow answers timed out on a loaded machine): a CI run parked the card transcript as redaction-unavailable.
        // This test is about parking bad records, so it starts with closed breakers.
        breakers.resetAll();
        String agent = uid("agent");
        String team = uid("team");
        String badAgent = uid("agent");
        // One reader per expected record, so each await starts from the same point of the topic.
        try (TestKafka.Reader dlq = TestKafka.reader(DLQ); TestKafka.Reader dlq2 = TestKafka.reader(DLQ);
             TestKafka.Reader dlq3 = TestKafka.reader(DLQ)) {
            for (int k = 0; k < 40; k++) {
                TestKafka.send(TOPIC, agent, envelope(interaction(uid("e"), uid("int"), agent, team,
                        Instant.now().minusSeconds(600 + k), 60, 0, 0, false, "billing")));
            }
            String malformedMarker = uid("not-json");
            TestKafka.send(TOPIC, badAgent, "{" + malformedMarker);
            String invalid = envelope(interaction(uid("e"), uid("int"), "", team, Instant.now(), 60, 0, 0, false, "x"))
                    .replace("\"agentId\":\"\"", "\"agentId\":\"\",\"note\":\"" + badAgent + "\"");
            TestKafka.send(TOPIC, badAgent, invalid);
            String redacted = uid("e");
            TestKafka.send(TOPIC, agent, envelope(transcript(redacted, uid("int"), agent, team, GovernanceStub.CARD_TEXT)));

            await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM signal_interaction "
                    + "WHERE agent_id = ?", agent) == 40);
            await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM signal_transcript "
                    + "WHERE event_id = ?", redacted) == 1);
            // Governance "down" (the stub answers 503 for this text): sent after the card transcript was stored,
            // because one redaction call covers all texts of a poll and would refuse both.
            String unredactable = uid("e");
            TestKafka.send(TOPIC, badAgent, envelope(transcript(unredactable, uid("int"), badAgent, team,
                    GovernanceStub.DOWN_MARKER + " " + GovernanceStub.CARD)));

            ConsumerRecord<String, String> m = dlq.await(r -> r.value().contains(malformedMarker), Duration.ofSeconds(30));
            assertNotNull(m, "malformed record parked");
            assertTrue(reason(m).contains("not a JSON event envelope"));
            ConsumerRecord<String, String> v = dlq2.await(r -> r.value().contains("\"note\":\"" + badAgent + "\""),
                    Duration.ofSeconds(30));
            assertNotNull(v, "invalid signal parked");
            assertTrue(reason(v).contains("data.agentId"), reason(v));
            ConsumerRecord<String, String> t = dlq3.await(r -> r.value().contains(unredactable), Duration.ofSeconds(30));
            assertNotNull(t, "unredactable transcript parked");
            assertTrue(reason(t).startsWith("redaction-unavailable"), reason(t));
            assertEquals(0, count("SELECT count(*) FROM signal_transcript WHERE event_id = ?", unredactable));
            assertEquals(0, count("SELECT count(*) FROM signal_transcript WHERE redacted_text LIKE ?",
                    "%" + GovernanceStub.CARD + "%"));
        }
    }

    private static String reason(ConsumerRecord<String, String> r) {
        return new String(r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }

    private long count(String sql, String arg) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
