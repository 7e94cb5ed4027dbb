package io.wem.wellbeing.messaging;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.wem.common.messaging.Consumption;
import io.wem.common.messaging.Stopping;
import io.wem.wellbeing.service.ActivityService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #18's shutdown loss for wellbeing's batch consumer of interactions: a ReplicasIT SIGTERM wave once
 * dead-lettered 6 batches (30 records) because recording failed as the replica's database layer closed. A batch that
 * fails while the replica stops is now neither acknowledged nor nacked; a database outage is retried; a batch that
 * cannot be recorded at all is nacked (the channel dead-letters it).
 */
class ActivityConsumerStoppingTest {

    @Test
    void aBatchThatFailsWhileTheReplicaStopsIsLeftForTheNextOwner() {
        AtomicBoolean stopping = new AtomicBoolean();
        Batch batch = new Batch();
        CompletionStage<Void> outcome = consumer(stopping, deliveries -> {
            stopping.set(true);
            throw new IllegalStateException("EntityManagerFactory is closed");
        }).on(batch);
        assertNull(batch.nacked.get(), "nacked, so dead-lettered");
        assertFalse(batch.acked.get(), "acknowledged, so its offsets could be committed");
        assertFalse(outcome.toCompletableFuture().isDone());
    }

    @Test
    void aDatabaseOutageIsRetriedAndTheBatchAcknowledged() {
        AtomicInteger attempts = new AtomicInteger();
        Batch batch = new Batch();
        consumer(new AtomicBoolean(), deliveries -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException(new java.sql.SQLTransientConnectionException("connection refused"));
            }
            assertEquals(1, deliveries.size());
            return null;
        }).on(batch);
        assertEquals(3, attempts.get());
        assertTrue(batch.acked.get());
        assertNull(batch.nacked.get());
    }

    @Test
    void aBatchThatCannotBeRecordedIsNacked() {
        Batch batch = new Batch();
        consumer(new AtomicBoolean(), deliveries -> {
            throw new IllegalArgumentException("constraint violated");
        }).on(batch);
        assertNotNull(batch.nacked.get());
        assertFalse(batch.acked.get());
    }

    private static ActivityConsumer consumer(AtomicBoolean stopping,
                                             Function<List<ActivityService.Delivery>, Void> record) {
        ActivityConsumer c = new ActivityConsumer();
        c.activities = new ActivityService() {
            @Override
            public void recordAll(String consumer, List<Delivery> deliveries) {
                record.apply(deliveries);
            }
        };
        Consumption consumption = new Consumption();
        set(consumption, "initialDelay", Duration.ofMillis(1));
        set(consumption, "maxDelay", Duration.ofMillis(4));
        set(consumption, "stopping", new Stopping() {
            @Override
            public boolean now() {
                return stopping.get();
            }
        });
        c.consumption = consumption;
        return c;
    }

    private static void set(Object target, String field, Object value) {
        try {
            java.lang.reflect.Field f = Consumption.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One well-formed interaction in a batch, recording how the consumer settled it. */
    static final class Batch implements KafkaRecordBatch<String, String> {
        final AtomicBoolean acked = new AtomicBoolean();
        final AtomicReference<Throwable> nacked = new AtomicReference<>();
        private final ConsumerRecords<String, String> records;

        Batch() {
            String value = ActivityRecordsTest.record("env-1", "io.wem.signal.AgentActivity.v1", ActivityRecordsTest.activity());
            TopicPartition tp = new TopicPartition("wem.signal.interactions.v1", 0);
            records = new ConsumerRecords<>(Map.of(tp, List.of(new ConsumerRecord<>(tp.topic(), 0, 7L, "agent-1",
                    value))), Map.of());
        }

        @Override
        public List<KafkaRecord<String, String>> getRecords() {
            return List.of();
        }

        @Override
        public Map<TopicPartition, KafkaRecord<String, String>> getLatestOffsetRecords() {
            return Map.of();
        }

        @Override
        public List<String> getPayload() {
            return List.of();
        }

        @Override
        public Metadata getMetadata() {
            return Metadata.of(new IncomingKafkaRecordBatchMetadata<>(records, "interactions", Map.of()));
        }

        @Override
        public CompletionStage<Void> ack() {
            acked.set(true);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> nack(Throwable reason, Metadata metadata) {
            nacked.set(reason);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public java.util.Iterator<KafkaRecord<String, String>> iterator() {
            return getRecords().iterator();
        }
    }
}
