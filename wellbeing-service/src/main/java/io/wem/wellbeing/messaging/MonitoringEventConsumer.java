package io.wem.wellbeing.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.wem.common.contracts.MonitoringEvent;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Events;
import io.wem.common.events.MalformedEventException;
import io.wem.common.messaging.Consumption;
import io.wem.common.messaging.DeadLetterMonitor;
import io.wem.common.messaging.ProcessedEvents;
import io.wem.common.messaging.Stopping;
import io.wem.wellbeing.persistence.ConsumerPositionRepository;
import io.wem.wellbeing.service.MonitoringService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * wem.wellbeing.monitoring-events.v1 → intensity facts, and how far the partition is recorded. Only a message that
 * cannot be handled (malformed, an unknown event type) goes to the channel's dead-letter topic. A database that does
 * not answer is waited for ({@link Consumption#retryTransient}), and a message that fails because this replica is
 * stopping is left unacknowledged for the replica that takes over the partition (issue #18), as coaching's gaps are.
 */
@ApplicationScoped
public class MonitoringEventConsumer {
    private static final Logger LOG = Logger.getLogger(MonitoringEventConsumer.class);
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
    Stopping stopping;

    @Inject
    Clock clock;

    @ConfigProperty(name = "mp.messaging.incoming.monitoring-events.topic")
    String topic;

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> on(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
        try {
            consumption.retryTransient(CHANNEL, () -> {
                if (stopping.now()) { // no retry while stopping: the next owner of the partition will handle it
                    throw new IllegalStateException("stopping");
                }
                handle(kafka, message.getPayload());
            });
        } catch (RuntimeException e) {
            if (stopping.now()) {
                // Not this event's fault: never acknowledged, its offset is not committed, and the next owner of the
                // partition records it; a nack would dead-letter it.
                LOG.infof("monitoring event left for the next consumer: this replica is stopping (%s)", e.toString());
                return new CompletableFuture<>();
            }
            DeadLetterMonitor.parked(topic);
            return message.nack(e);
        }
        return message.ack();
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
