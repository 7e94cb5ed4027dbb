package io.wem.governance.service;

import io.wem.common.audit.TraceIdFilter;
import io.wem.common.contracts.AuditEvent;
import io.wem.common.security.Caller;
import io.wem.governance.domain.audit.AuditChain;
import io.wem.governance.domain.audit.AuditRecord;
import io.wem.governance.persistence.AuditLogRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The audit log: appends reported events and governance's own accesses to the hash chain, and verifies it.
 * Governance appends its own records directly (not through Kafka) so its reads of the log are in the log before
 * the answer leaves.
 */
@ApplicationScoped
public class AuditLogService {

    @Inject
    AuditLogRepository repository;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** Appends a reported event; returns null when this audit id is already stored (redelivery). */
    @Transactional(Transactional.TxType.REQUIRED)
    public AuditRecord append(AuditEvent e) {
        return repository.append(new AuditRecord(0, e.auditId(), e.service(), e.actor(), e.actorRoles(), e.subject(),
                e.action(), e.resource(), e.purpose(), e.outcome(), e.occurredAt(), e.traceId(), null, null, null));
    }

    /** Records an access by governance-service itself. */
    @Transactional(Transactional.TxType.REQUIRED)
    public AuditRecord recordOwn(Caller caller, String subject, String action, String resource, String purpose) {
        Object trace = org.jboss.logging.MDC.get(TraceIdFilter.MDC_KEY);
        return append(new AuditEvent(UUID.randomUUID().toString(), service, caller.actor() == null ? "unknown"
                : caller.actor(), List.copyOf(caller.roles()), subject, action, resource, purpose, "SUCCESS",
                Instant.now(), trace == null ? null : trace.toString()));
    }

    /** Recomputes the whole chain from the latest purge anchor (streamed, constant memory). */
    public AuditChain.Verification verify() {
        Object[] anchor = anchor();
        AuditChain.Verifier verifier = new AuditChain.Verifier(anchor == null ? null : (String) anchor[1],
                anchor == null ? null : (Long) anchor[0]);
        repository.stream(null, verifier::accept);
        return verifier.result();
    }

    @Transactional
    Object[] anchor() {
        return repository.latestAnchor();
    }
}
