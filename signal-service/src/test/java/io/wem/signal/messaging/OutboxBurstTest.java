package io.wem.signal.messaging;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * A backlog far larger than one relay batch (what a demo or a platform catching up produces: one activity event per
 * interaction) must drain. The relay hands a whole batch to the outbox emitter at once; a batch larger than what
 * the emitter and the Kafka sink accept in flight fails every time ("Insufficient downstream requests") and the
 * outbox stops moving for good.
 */
@QuarkusTest
class OutboxBurstTest {

    @Inject
    DataSource db;

    @Test
    void aBacklogOfManyBatchesDrains() throws Exception {
        String prefix = "burst-" + UUID.randomUUID() + "-";
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_event (event_id, topic, event_key, payload) "
                     + "SELECT ? || g, 'wem.signal.outbox-burst-test.v1', 'k', '{\"n\":' || g || '}' "
                     + "FROM generate_series(1, 5000) g")) {
            ps.setString(1, prefix);
            ps.executeUpdate();
        }
        await("5,000 outbox rows relayed").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> remaining(prefix) == 0);
    }

    private long remaining(String prefix) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM outbox_event WHERE event_id LIKE ?")) {
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
