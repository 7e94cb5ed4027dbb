package io.wem.wellbeing.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.wem.common.contracts.MonitoringEvent;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Events;
import io.wem.common.events.MalformedEventException;
import io.wem.common.messaging.Consumption;
import io.wem.common.messaging.ProcessedEvents;
import io.wem.wellbeing.persistence.ConsumerPositionRepository;
import io.wem.wellbeing.service.MonitoringService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Clock;
import java.util.concurrent.CompletionStage;

/**
 * wem.wellbeing.monitoring-events.v1 → intensity facts, and how far the partition is recorded. Only a message that
 * cannot be handled (malformed, an unknown event type) goes to the channel's dead-letter topic. A database that does
 * not answer is waited for, and a message that fails because this replica is stopping is left unacknowledged for the
 * replica that takes over the partition (issue #18): {@link Consumption#consume}.
 */
@ApplicationScoped
public class MonitoringEventConsumer {
    static final String CHANNEL = "monitoring-events";

    @Inject
    ProcessedEvents processed;

    @Inject
    MonitoringService monitoring;

    @Inject
    ConsumerPositionRepository positions;

    @Inject
    Consumption consumption;

    @Inject
    Clock clock;

    @Inject
    MonitoringCatchUp catchUp;

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> on(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
        return consumption.consume(CHANNEL, message, () -> {
            handle(kafka, message.getPayload());
            if (kafka != null) {
                // committed: the guardrail on this replica may now count these facts without asking the database
                catchUp.recordedHere(kafka.getPartition(), kafka.getOffset() + 1);
            }
        });
    }

    /** One monitoring event in its own transaction (a retry starts a fresh one). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void handle(IncomingKafkaRecordMetadata<?, ?> kafka, String value) {
        EventEnvelope envelope = Events.parse(value);
        if (kafka != null) {
            // The position moves with the facts, in this transaction: the guardrail reads it to know it is up to date.
            positions.advance(MonitoringCatchUp.CONSUMER, kafka.getTopic(), kafka.getPartition(), kafka.getOffset() + 1,
                    clock.instant());
        }
        if (!EventTypes.MONITORING.equals(envelope.type())) {
            throw new MalformedEventException("unexpected event type " + envelope.type() + " on monitoring events");
        }
        if (!processed.firstDelivery(CHANNEL, envelope.id())) {
            return;
        }
        monitoring.record(envelope.dataAs(MonitoringEvent.class));
    }
}
