package io.wem.common.messaging;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsumptionTest {

    static Consumption consumption() {
        Consumption c = new Consumption();
        c.initialDelay = Duration.ofMillis(1);
        c.maxDelay = Duration.ofMillis(4);
        return c;
    }

    @Test
    void aDatabaseOutageIsRetriedUntilItEnds() {
        AtomicInteger attempts = new AtomicInteger();
        consumption().retryTransient("ch", () -> {
            if (attempts.incrementAndGet() <= 5) {
                // what the PostgreSQL driver reports when the server goes away, wrapped as Hibernate/JTA do
                throw new IllegalStateException("tx failed", new RuntimeException("could not execute statement",
                        new SQLException("An I/O error occurred while sending to the backend.", "08006")));
            }
        });
        assertEquals(6, attempts.get());
    }

    @Test
    void permanentFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(IllegalArgumentException.class, () -> consumption().retryTransient("ch", () -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("bad", new SQLException("duplicate key", "23505"));
        }));
        assertEquals(1, attempts.get());
    }

    @Test
    void classification() {
        assertTrue(Transience.isTransient(new SQLException("terminating connection", "57P01")));
        assertTrue(Transience.isTransient(new SQLException("deadlock", "40P01")));
        assertTrue(Transience.isTransient(new SQLException("Acquisition timeout while waiting for new connection")));
        assertTrue(Transience.isTransient(new TransientFailure("governance down", null)));
        assertTrue(Transience.isTransient(new RuntimeException(new java.net.ConnectException("refused"))));
        assertFalse(Transience.isTransient(new SQLException("syntax", "42601")));
        assertFalse(Transience.isTransient(new io.wem.common.events.MalformedEventException("x")));
        assertFalse(Transience.isTransient(new io.wem.common.signing.RejectedMessageException("x")));
    }

    /** Every service that rejects the same forged record reports it under one audit id: governance keeps one entry. */
    @Test
    void oneForgedRecordHasOneRejectionIdWhoeverRejectsIt() {
        String forged = "{\"id\":\"cmd-1\",\"type\":\"io.wem.governance.PurgeCommand.v1\"}";
        String topic = "wem.governance.purge-commands.v1";
        assertEquals(Consumption.rejectionId(topic, forged), Consumption.rejectionId(topic, forged));
        assertFalse(Consumption.rejectionId(topic, forged).equals(Consumption.rejectionId(topic, forged + " ")));
        assertFalse(Consumption.rejectionId(topic, forged).equals(
                Consumption.rejectionId("wem.governance.audit-events.v1", forged)));
    }
}
