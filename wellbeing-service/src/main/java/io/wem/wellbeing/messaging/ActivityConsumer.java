package io.wem.wellbeing.messaging;

import io.smallrye.common.annotation.Blocking;
import io.wem.common.events.MalformedEventException;
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

/**
 * wem.signal.interactions.v1 → recovery bookkeeping, in batches (one transaction and a fixed number of statements per
 * batch; the topic carries every interaction and break of the contact center), each record read in one pass
 * ({@link ActivityRecords}). A malformed record goes alone to
 * wem.dlq.wellbeing-service.interactions.v1 and the rest of its batch is recorded; if recording the batch itself
 * fails, the channel's dead-letter strategy parks the batch (replaying it is safe: recording is idempotent).
 */
@ApplicationScoped
public class ActivityConsumer {
    static final String CONSUMER = "interactions";

    @Inject
    ActivityService activities;

    @Inject
    @Channel("interactions-dead-letter")
    Emitter<String> deadLetters;

    @Incoming("interactions")
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        DeadLetters parked = new DeadLetters(deadLetters);
        List<ActivityService.Delivery> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> r : records) {
            try {
                ActivityRecords.ActivityEnvelope envelope = ActivityRecords.read(r.value());
                ActivityService.validate(envelope.data());
                batch.add(new ActivityService.Delivery(envelope.id(), envelope.data()));
            } catch (MalformedEventException e) {
                parked.park(r, e.getMessage());
            }
        }
        if (!batch.isEmpty()) {
            activities.recordAll(CONSUMER, batch);
        }
        parked.awaitAcknowledged();
    }
}
