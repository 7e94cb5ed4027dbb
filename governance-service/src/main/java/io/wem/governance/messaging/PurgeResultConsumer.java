package io.wem.governance.messaging;

import org.eclipse.microprofile.reactive.messaging.Message;
import java.util.concurrent.CompletionStage;
import io.smallrye.common.annotation.Blocking;
import io.wem.common.contracts.PurgeResult;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.MalformedEventException;
import io.wem.common.messaging.Consumption;
import io.wem.common.messaging.ProcessedEvents;
import io.wem.governance.service.RetentionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps every service's purge results (wem.governance.purge-results.v1) as retention evidence. A result must be
 * signed by the service it reports for (Consumption, TrustPolicy). Idempotent by envelope id and by (command,
 * service, data class); malformed and untrusted results go to wem.dlq.governance-service.purge-results.v1.
 */
@ApplicationScoped
public class PurgeResultConsumer {
    static final String CHANNEL = "purge-results";

    @Inject
    RetentionService retention;

    @Inject
    ProcessedEvents processed;

    @Inject
    Consumption consumption;

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> on(Message<String> message) {
        return consumption.signed(CHANNEL, message, EventTypes.PURGE_RESULT, this::record);
    }

    void record(EventEnvelope envelope) {
        PurgeResult r = envelope.dataAs(PurgeResult.class);
        if (r.commandId() == null || r.service() == null || r.dataClass() == null || r.completedAt() == null
                || r.purged() < 0 || r.retainedByHold() < 0) {
            throw new MalformedEventException("purge result " + envelope.id()
                    + " lacks commandId, service, dataClass or completedAt, or has negative counts");
        }
        store(envelope.id(), r);
    }

    @Transactional
    void store(String eventId, PurgeResult r) {
        if (processed.firstDelivery("purge-results", eventId)) {
            retention.recordResult(r);
        }
    }
}
