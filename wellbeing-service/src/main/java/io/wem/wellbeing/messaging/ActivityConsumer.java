package io.wem.wellbeing.messaging;

import io.smallrye.common.annotation.Blocking;
import io.wem.common.contracts.AgentActivity;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Events;
import io.wem.common.events.MalformedEventException;
import io.wem.common.messaging.ProcessedEvents;
import io.wem.wellbeing.service.ActivityService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** wem.signal.interactions.v1 → recovery bookkeeping; malformed messages go to the channel's dead-letter topic. */
@ApplicationScoped
public class ActivityConsumer {

    @Inject
    ProcessedEvents processed;

    @Inject
    ActivityService activities;

    @Incoming("interactions")
    @Blocking
    @Transactional
    public void on(String message) {
        EventEnvelope envelope = Events.parse(message);
        if (!EventTypes.AGENT_ACTIVITY.equals(envelope.type())) {
            throw new MalformedEventException("unexpected event type " + envelope.type() + " on interactions");
        }
        if (!processed.firstDelivery("interactions", envelope.id())) {
            return;
        }
        activities.record(envelope.dataAs(AgentActivity.class));
    }
}
