package io.wem.wellbeing.messaging;

import io.smallrye.common.annotation.Blocking;
import io.wem.common.contracts.MonitoringEvent;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Events;
import io.wem.common.events.MalformedEventException;
import io.wem.common.messaging.ProcessedEvents;
import io.wem.wellbeing.service.MonitoringService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import io.wem.wellbeing.persistence.ConsumerPositionRepository;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;

/**
 * wem.wellbeing.monitoring-events.v1 → intensity facts, and how far the partition is recorded; malformed messages
 * go to the channel's dead-letter topic.
 */
@ApplicationScoped
public class MonitoringEventConsumer {

    @Inject
    ProcessedEvents processed;

    @Inject
    MonitoringService monitoring;

    @Inject
    ConsumerPositionRepository positions;

    @Inject
    Clock clock;

    @Incoming("monitoring-events")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = Events.parse(record.value());
        // The position moves with the facts, in this transaction: the guardrail reads it to know it is up to date.
        positions.advance(MonitoringCatchUp.CONSUMER, record.topic(), record.partition(), record.offset() + 1,
                clock.instant());
        if (!EventTypes.MONITORING.equals(envelope.type())) {
            throw new MalformedEventException("unexpected event type " + envelope.type() + " on monitoring events");
        }
        if (!processed.firstDelivery("monitoring-events", envelope.id())) {
            return;
        }
        monitoring.record(envelope.dataAs(MonitoringEvent.class));
    }
}
