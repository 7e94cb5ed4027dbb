package io.wem.governance.messaging;

import io.smallrye.common.annotation.Blocking;
import io.wem.common.contracts.AuditEvent;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.Events;
import io.wem.common.events.MalformedEventException;
import io.wem.governance.service.AuditLogService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Stores every service's audit events (wem.governance.audit-events.v1) in the hash chain. Idempotent by audit id
 * (the unique audit_id column, checked under the chain lock); malformed messages go to
 * wem.dlq.governance-service.audit-events.v1 and the consumer goes on.
 */
@ApplicationScoped
public class AuditEventConsumer {

    @Inject
    AuditLogService auditLog;

    @Incoming("audit-events")
    @Blocking
    @Transactional
    public void on(String message) {
        EventEnvelope envelope = Events.parse(message);
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
