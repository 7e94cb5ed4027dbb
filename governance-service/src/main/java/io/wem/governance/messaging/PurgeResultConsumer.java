package io.wem.governance.messaging;

import io.smallrye.common.annotation.Blocking;
import io.wem.common.contracts.PurgeResult;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.Events;
import io.wem.common.events.MalformedEventException;
import io.wem.common.messaging.ProcessedEvents;
import io.wem.governance.service.RetentionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps every service's purge results (wem.governance.purge-results.v1) as retention evidence. Idempotent by
 * envelope id and by (command, service, data class); malformed results go to
 * wem.dlq.governance-service.purge-results.v1.
 */
@ApplicationScoped
public class PurgeResultConsumer {

    @Inject
    RetentionService retention;

    @Inject
    ProcessedEvents processed;

    @Incoming("purge-results")
    @Blocking
    @Transactional
    public void on(String message) {
        EventEnvelope envelope = Events.parse(message);
        PurgeResult r = envelope.dataAs(PurgeResult.class);
        if (r.commandId() == null || r.service() == null || r.dataClass() == null || r.completedAt() == null
                || r.purged() < 0 || r.retainedByHold() < 0) {
            throw new MalformedEventException("purge result " + envelope.id()
                    + " lacks commandId, service, dataClass or completedAt, or has negative counts");
        }
        if (processed.firstDelivery("purge-results", envelope.id())) {
            retention.recordResult(r);
        }
    }
}
