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
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** wem.wellbeing.monitoring-events.v1 → intensity facts; malformed messages go to the channel's dead-letter topic. */
@ApplicationScoped
public class MonitoringEventConsumer {

    @Inject
    ProcessedEvents processed;

    @Inject
    MonitoringService monitoring;

    @Incoming("monitoring-events")
    @Blocking
    @Transactional
    public void on(String message) {
        EventEnvelope envelope = Events.parse(message);
        if (!EventTypes.MONITORING.equals(envelope.type())) {
            throw new MalformedEventException("unexpected event type " + envelope.type() + " on monitoring events");
        }
        if (!processed.firstDelivery("monitoring-events", envelope.id())) {
            return;
        }
        monitoring.record(envelope.dataAs(MonitoringEvent.class));
    }
}
