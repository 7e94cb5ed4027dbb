package io.wem.wellbeing.messaging;

import io.wem.common.messaging.Consumption;
import io.wem.common.messaging.Stopping;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #18's shutdown loss, for wellbeing's monitoring events: a message handed to a replica that is stopping is
 * neither acknowledged nor dead-lettered (the next owner of the partition records it); the same message when the
 * replica is not stopping and the message is malformed is nacked, which the channel dead-letters.
 */
class MonitoringEventConsumerStoppingTest {

    @Test
    void aMessageArrivingWhileTheReplicaStopsIsLeftForTheNextOwner() {
        AtomicReference<Throwable> nacked = new AtomicReference<>();
        CompletionStage<Void> outcome = consumer(true).on(message("{\"not\":\"an envelope\"}", nacked));
        assertNull(nacked.get(), "nacked, so dead-lettered");
        assertFalse(outcome.toCompletableFuture().isDone(), "acknowledged, so its offset could be committed");
    }

    @Test
    void aMalformedMessageIsNackedWhenTheReplicaIsRunning() {
        AtomicReference<Throwable> nacked = new AtomicReference<>();
        consumer(false).on(message("{\"not\":\"an envelope\"}", nacked));
        assertNotNull(nacked.get(), "a malformed message goes to the dead-letter topic");
        assertTrue(nacked.get() instanceof io.wem.common.events.MalformedEventException, nacked.get().toString());
    }

    private static MonitoringEventConsumer consumer(boolean stoppingNow) {
        MonitoringEventConsumer c = new MonitoringEventConsumer();
        c.consumption = consumption(new Stopping() {
            @Override
            public boolean now() {
                return stoppingNow;
            }
        });
        return c;
    }

    /** A Consumption as configured by default (its delays and stopping are package-private fields). */
    private static Consumption consumption(Stopping stopping) {
        Consumption c = new Consumption();
        try {
            for (String field : new String[] {"initialDelay", "maxDelay"}) {
                java.lang.reflect.Field f = Consumption.class.getDeclaredField(field);
                f.setAccessible(true);
                f.set(c, java.time.Duration.ofMillis(10));
            }
            java.lang.reflect.Field f = Consumption.class.getDeclaredField("stopping");
            f.setAccessible(true);
            f.set(c, stopping);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return c;
    }

    private static Message<String> message(String payload, AtomicReference<Throwable> nacked) {
        return Message.of(payload, () -> CompletableFuture.completedFuture(null), reason -> {
            nacked.set(reason);
            return CompletableFuture.completedFuture(null);
        });
    }
}
