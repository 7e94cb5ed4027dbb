package io.wem.common.audit;

import io.wem.common.contracts.AuditEvent;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Topics;
import io.wem.common.outbox.Outbox;
import io.wem.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Reports reads and changes of personal data to governance-service (through the outbox, so an audit record is
 * never lost when Kafka is briefly down). Call it from the resource after the scope check.
 */
@ApplicationScoped
public class Audit {

    @Inject
    Outbox outbox;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @Inject
    Clock clock;

    public void read(Caller caller, String subjectAgentId, String resource, String purpose) {
        record(caller, subjectAgentId, "READ", resource, purpose, "SUCCESS");
    }

    public void change(Caller caller, String subjectAgentId, String action, String resource, String purpose) {
        record(caller, subjectAgentId, action, resource, purpose, "SUCCESS");
    }

    public void denied(Caller caller, String subjectAgentId, String action, String resource) {
        record(caller, subjectAgentId, action, resource, "access attempt", "DENIED");
    }

    /**
     * A refusal, recorded in a transaction of its own: the request's transaction rolls back with the 403, and the
     * record of the attempt must survive it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void deniedAlone(Caller caller, String subjectAgentId, String action, String resource) {
        denied(caller, subjectAgentId, action, resource);
    }

    public void record(Caller caller, String subjectAgentId, String action, String resource, String purpose,
                       String outcome) {
        recordAs(UUID.randomUUID().toString(), caller, subjectAgentId, action, resource, purpose, outcome);
    }

    /**
     * An audit record with a given id: governance keeps the first event of an id and skips the rest (its consumer is
     * idempotent), so services that record one fact each under the same id leave one entry.
     */
    public void recordAs(String auditId, Caller caller, String subjectAgentId, String action, String resource,
                         String purpose, String outcome) {
        AuditEvent event = new AuditEvent(auditId, service, caller.actor(),
                List.copyOf(caller.roles()), subjectAgentId, action, resource, purpose, outcome, clock.instant(),
                traceId());
        String key = subjectAgentId != null ? subjectAgentId : caller.actor();
        outbox.addInAnyTransaction(Topics.AUDIT, key,
                EventEnvelope.withId(event.auditId(), EventTypes.AUDIT, service, subjectAgentId, event));
    }

    private static String traceId() {
        Object id = org.jboss.logging.MDC.get(TraceIdFilter.MDC_KEY);
        return id == null ? null : id.toString();
    }
}
