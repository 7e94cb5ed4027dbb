package io.wem.common.messaging;

import io.wem.common.events.EventEnvelope;
import io.wem.common.events.MalformedEventException;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #18's shutdown loss, for every signed consumer (audit events, purge commands and results): a message that fails
 * because the replica is stopping is neither acknowledged nor nacked (nacked means dead-lettered), so the replica that
 * takes over the partition handles it; a message that cannot be handled is nacked; a handled one is acknowledged.
 */
class ConsumptionStoppingTest {

    @Test
    void aMessageThatFailsWhileTheReplicaStopsIsLeftForTheNextOwner() {
        AtomicReference<Throwable> nacked = new AtomicReference<>();
        AtomicBoolean acked = new AtomicBoolean();
        AtomicBoolean handled = new AtomicBoolean();
        CompletionStage<Void> outcome = consumption(true).signed("ch", message(acked, nacked), "t",
                e -> handled.set(true));
        assertFalse(handled.get(), "a stopping replica does not start the work (its database may be closing)");
        assertNull(nacked.get(), "nacked, so dead-lettered");
        assertFalse(acked.get());
        assertFalse(outcome.toCompletableFuture().isDone());
    }

    @Test
    void aMessageThatCannotBeHandledIsNackedWhileRunning() {
        AtomicReference<Throwable> nacked = new AtomicReference<>();
        AtomicBoolean acked = new AtomicBoolean();
        consumption(false).signed("ch", message(acked, nacked), "t", e -> {
            throw new MalformedEventException("no agent");
        });
        assertTrue(nacked.get() instanceof MalformedEventException, String.valueOf(nacked.get()));
        assertFalse(acked.get());
    }

    @Test
    void aHandledMessageIsAcknowledged() {
        AtomicReference<Throwable> nacked = new AtomicReference<>();
        AtomicBoolean acked = new AtomicBoolean();
        consumption(false).signed("ch", message(acked, nacked), "t", e -> { });
        assertTrue(acked.get());
        assertNull(nacked.get());
    }

    @Test
    void workThatFailsTransientlyIsRetriedThenAcknowledged() {
        AtomicReference<Throwable> nacked = new AtomicReference<>();
        AtomicBoolean acked = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        consumption(false).consume("ch", message(acked, nacked), () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException(new java.sql.SQLTransientConnectionException("database restarting"));
            }
        });
        assertTrue(attempts.get() == 3, "attempts: " + attempts.get());
        assertTrue(acked.get(), "a database outage parks nothing");
        assertNull(nacked.get());
    }

    @Test
    void workThatFailsPermanentlyIsNacked() {
        AtomicReference<Throwable> nacked = new AtomicReference<>();
        AtomicBoolean acked = new AtomicBoolean();
        consumption(false).consume("ch", message(acked, nacked), () -> {
            throw new MalformedEventException("no agent");
        });
        assertTrue(nacked.get() instanceof MalformedEventException, String.valueOf(nacked.get()));
        assertFalse(acked.get());
    }

    @Test
    void workThatFailsOnceTheReplicaStopsIsLeftForTheNextOwner() {
        AtomicReference<Throwable> nacked = new AtomicReference<>();
        AtomicBoolean acked = new AtomicBoolean();
        AtomicBoolean stopping = new AtomicBoolean();
        Consumption c = consumption(false);
        c.stopping = new Stopping() {
            @Override
            public boolean now() {
                return stopping.get();
            }
        };
        // the database closes under the work because the replica began to stop during it
        CompletionStage<Void> outcome = c.consume("ch", message(acked, nacked), () -> {
            stopping.set(true);
            throw new IllegalStateException("EntityManagerFactory is closed");
        });
        assertNull(nacked.get(), "nacked, so dead-lettered");
        assertFalse(acked.get());
        assertFalse(outcome.toCompletableFuture().isDone());
    }

    /** A Consumption whose signature check passes every message: what is under test is what happens after it. */
    private static Consumption consumption(boolean stoppingNow) {
        Consumption c = new Consumption() {
            @Override
            public void signed(String channel, String message, String expectedType, Consumer<EventEnvelope> handler) {
                retryTransient(channel, () -> {
                    if (stopping.now()) {
                        throw new IllegalStateException("stopping");
                    }
                    handler.accept(null);
                });
            }
        };
        c.initialDelay = Duration.ofMillis(1);
        c.maxDelay = Duration.ofMillis(4);
        c.stopping = new Stopping() {
            @Override
            public boolean now() {
                return stoppingNow;
            }
        };
        return c;
    }

    private static Message<String> message(AtomicBoolean acked, AtomicReference<Throwable> nacked) {
        return Message.of("{}", () -> {
            acked.set(true);
            return CompletableFuture.completedFuture(null);
        }, reason -> {
            nacked.set(reason);
            return CompletableFuture.completedFuture(null);
        });
    }
}
