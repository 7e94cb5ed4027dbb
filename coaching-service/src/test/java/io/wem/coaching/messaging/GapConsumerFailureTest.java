package io.wem.coaching.messaging;

import io.wem.common.events.MalformedEventException;
import io.wem.common.messaging.Consumption;
import io.wem.common.messaging.Stopping;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What GapConsumer does with a gap it could not handle (issue #18). ReplicasIT's SIGTERM wave showed the loss: a
 * stopping coaching replica was still handed gaps after its EntityManagerFactory had closed, failed on each, and the
 * nack put them on the dead-letter topic, so no intervention was ever made of them. A gap that fails while the
 * replica stops must stay unacknowledged (its offset uncommitted, for the next owner of the partition); only a gap
 * that fails while the replica runs is dead-lettered.
 */
class GapConsumerFailureTest {

    private final List<String> acks = new ArrayList<>();
    private final List<Throwable> nacks = new ArrayList<>();

    private Message<String> message(String payload) {
        return Message.of(payload, () -> {
            acks.add(payload);
            return CompletableFuture.completedFuture(null);
        }, e -> {
            nacks.add(e);
            return CompletableFuture.completedFuture(null);
        });
    }

    /** A consumer whose handling fails with {@code failure} (or succeeds when null), on a replica stopping or not. */
    private static GapConsumer consumer(RuntimeException failure, boolean stoppingNow) {
        GapConsumer c = new GapConsumer() {
            @Override
            void handle(String message) {
                if (failure != null) {
                    throw failure;
                }
            }
        };
        c.consumption = new Consumption() {
            @Override
            public void retryTransient(String channel, Runnable work) {
                work.run(); // the retry loop itself is Consumption's; these failures are not transient
            }
        };
        stopping(c.consumption, stoppingNow);
        return c;
    }

    /** Consumption's view of whether this replica stops (a package-private injected field). */
    static void stopping(Consumption consumption, boolean stoppingNow) {
        try {
            java.lang.reflect.Field f = Consumption.class.getDeclaredField("stopping");
            f.setAccessible(true);
            f.set(consumption, new Stopping() {
                @Override
                public boolean now() {
                    return stoppingNow;
                }
            });
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aGapThatFailsWhileTheReplicaStopsIsNeitherAcknowledgedNorDeadLettered() {
        CompletionStage<Void> done = consumer(new IllegalStateException("EntityManagerFactory is closed"), true)
                .on(message("gap-1"));
        assertFalse(done.toCompletableFuture().isDone(), "the channel must not move past the gap while stopping");
        assertEquals(List.of(), acks, "acknowledged: its offset would be committed and the gap lost");
        assertEquals(List.of(), nacks, "nacked: the gap would go to the dead-letter topic");
    }

    @Test
    void aGapThatFailsWhileTheReplicaRunsIsDeadLettered() {
        MalformedEventException malformed = new MalformedEventException("gap event e-1 lacks gapId");
        CompletionStage<Void> done = consumer(malformed, false).on(message("gap-2"));
        assertTrue(done.toCompletableFuture().isDone());
        assertEquals(1, nacks.size());
        assertSame(malformed, nacks.get(0));
        assertEquals(List.of(), acks);
    }

    @Test
    void aGapThatFailsTransientlyIsHandledAgainNotDeadLettered() throws Exception {
        int[] attempts = {0};
        GapConsumer flaky = new GapConsumer() {
            @Override
            void handle(String message) {
                if (++attempts[0] < 3) { // the database not answering twice
                    throw new IllegalStateException(new java.sql.SQLTransientConnectionException("no connection"));
                }
            }
        };
        Consumption consumption = new Consumption();
        for (String field : new String[] {"initialDelay", "maxDelay"}) {
            java.lang.reflect.Field f = Consumption.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(consumption, java.time.Duration.ofMillis(1));
        }
        stopping(consumption, false);
        flaky.consumption = consumption;
        CompletionStage<Void> done = flaky.on(message("gap-4"));
        assertTrue(done.toCompletableFuture().isDone());
        assertEquals(3, attempts[0]);
        assertEquals(List.of("gap-4"), acks);
        assertEquals(List.of(), nacks);
    }

    @Test
    void aHandledGapIsAcknowledged() {
        CompletionStage<Void> done = consumer(null, false).on(message("gap-3"));
        assertTrue(done.toCompletableFuture().isDone());
        assertEquals(List.of("gap-3"), acks);
        assertEquals(List.of(), nacks);
    }
}
