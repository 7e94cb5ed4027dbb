package io.wem.wellbeing.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.wem.common.events.MalformedEventException;
import io.wem.common.messaging.Consumption;
import io.wem.common.messaging.DeadLetters;
import io.wem.wellbeing.service.ActivityService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * wem.signal.interactions.v1 → recovery bookkeeping, in batches (one transaction and a fixed number of statements per
 * batch; the topic carries every interaction and break of the contact center), each record read in one pass
 * ({@link ActivityRecords}). A malformed record goes alone to wem.dlq.wellbeing-service.interactions.v1 and the rest
 * of its batch is recorded. Recording the batch goes through {@link Consumption}: transient failures (database down)
 * are retried, a permanent failure nacks the batch to the channel's dead-letter strategy (replaying it is safe:
 * recording is idempotent), and a batch that fails because this replica is stopping is left unacknowledged for the
 * partition's next owner (issue #18: a rolling restart dead-lettered whole batches).
 */
@ApplicationScoped
public class ActivityConsumer {
    static final String CONSUMER = "interactions";
    static final String CHANNEL = "interactions";

    @Inject
    ActivityService activities;

    @Inject
    Consumption consumption;

    @Inject
    @Channel("interactions-dead-letter")
    Emitter<String> deadLetters;

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        @SuppressWarnings("unchecked")
        ConsumerRecords<String, String> records = batch.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .map(m -> (ConsumerRecords<String, String>) m.getRecords())
                .orElseThrow(() -> new IllegalStateException("a Kafka batch without its records"));
        DeadLetters parked = new DeadLetters(deadLetters);
        List<ActivityService.Delivery> deliveries = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> r : records) {
            try {
                ActivityRecords.ActivityEnvelope envelope = ActivityRecords.read(r.value());
                ActivityService.validate(envelope.data());
                deliveries.add(new ActivityService.Delivery(envelope.id(), envelope.data()));
            } catch (MalformedEventException e) {
                parked.park(r, e.getMessage());
            }
        }
        parked.awaitAcknowledged();
        return consumption.consume(CHANNEL, batch, () -> {
            if (!deliveries.isEmpty()) {
                activities.recordAll(CONSUMER, deliveries);
            }
        });
    }
}
