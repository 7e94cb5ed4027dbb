package io.wem.governance.messaging;

import org.eclipse.microprofile.reactive.messaging.Message;
import java.util.concurrent.CompletionStage;
import io.smallrye.common.annotation.Blocking;
import io.wem.common.contracts.AuditEvent;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.MalformedEventException;
import io.wem.common.messaging.Consumption;
import io.wem.governance.service.AuditLogService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Stores every service's audit events (wem.governance.audit-events.v1) in the hash chain. Each event must be signed
 * by the service it names in {@code service} (and may not name another service as actor): see Consumption and
 * TrustPolicy. Idempotent by audit id (the unique audit_id column, checked under the chain lock); malformed and
 * untrusted messages go to wem.dlq.governance-service.audit-events.v1, while a database outage is retried.
 */
@ApplicationScoped
public class AuditEventConsumer {
    static final String CHANNEL = "audit-events";

    @Inject
    AuditLogService auditLog;

    @Inject
    Consumption consumption;

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> on(Message<String> message) {
        return consumption.signed(CHANNEL, message, EventTypes.AUDIT, this::store);
    }

    void store(EventEnvelope envelope) {
        AuditEvent e = envelope.dataAs(AuditEvent.class);
        if (e.auditId() == null || blank(e.service()) || blank(e.actor()) || blank(e.action()) || blank(e.resource())
                || blank(e.outcome()) || e.occurredAt() == null) {
            throw new MalformedEventException("audit event " + envelope.id()
                    + " lacks auditId, service, actor, action, resource, outcome or occurredAt");
        }
        if (e.auditId().length() > 100 || e.actor().length() > 200 || e.resource().length() > 300
                || e.action().length() > 40 || e.outcome().length() > 20 || e.service().length() > 100
                || (e.subject() != null && e.subject().length() > 200)
                || (e.purpose() != null && e.purpose().length() > 500)) {
            throw new MalformedEventException("audit event " + envelope.id() + " has a field over its length limit");
        }
        auditLog.append(e);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
