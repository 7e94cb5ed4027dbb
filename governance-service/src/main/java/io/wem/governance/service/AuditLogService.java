package io.wem.governance.service;

import io.wem.common.audit.TraceIdFilter;
import io.wem.common.contracts.AuditEvent;
import io.wem.common.security.Caller;
import io.wem.governance.domain.audit.AuditChain;
import io.wem.governance.domain.audit.AuditKeys;
import io.wem.governance.domain.audit.AuditRecord;
import io.wem.governance.persistence.AuditLogRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
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

    @Inject
    AuditKeys keys;

    @Inject
    AuditCheckpointService checkpoints;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** Appends a reported event; returns null when this audit id is already stored (redelivery). */
    @Transactional(Transactional.TxType.REQUIRED)
    public AuditRecord append(AuditEvent e) {
        return repository.append(new AuditRecord(0, e.auditId(), e.service(), e.actor(), e.actorRoles(), e.subject(),
                e.action(), e.resource(), e.purpose(), e.outcome(), e.occurredAt(), e.traceId(), null, null, null),
                keys, clock.instant());
    }

    /** Records an access by governance-service itself. */
    @Transactional(Transactional.TxType.REQUIRED)
    public AuditRecord recordOwn(Caller caller, String subject, String action, String resource, String purpose) {
        Object trace = org.jboss.logging.MDC.get(TraceIdFilter.MDC_KEY);
        return append(new AuditEvent(UUID.randomUUID().toString(), service, caller.actor() == null ? "unknown"
                : caller.actor(), List.copyOf(caller.roles()), subject, action, resource, purpose, "SUCCESS",
                clock.instant(), trace == null ? null : trace.toString()));
    }

    /** A verification and the checkpoint it was compared with (source "topic" or "database"; null: none). */
    public record Verified(AuditChain.Verification verification, String checkpointSource) {
    }

    /**
     * Recomputes the whole chain from the latest purge anchor (streamed, constant memory) and compares its end with
     * the newest signed checkpoint, read from the checkpoint topic first (outside this database).
     */
    public Verified verify() {
        Object[] anchor = anchor();
        long legacyUntil = legacyUntil();
        Optional<AuditCheckpointService.Latest> latest = checkpoints.latest();
        AuditChain.Verifier verifier = new AuditChain.Verifier(anchor == null ? null : (String) anchor[1],
                anchor == null ? null : (Long) anchor[0], keys, legacyUntil)
                .against(latest.map(AuditCheckpointService.Latest::checkpoint).orElse(null));
        repository.stream(null, verifier::accept);
        return new Verified(verifier.result(), latest.map(AuditCheckpointService.Latest::source).orElse(null));
    }

    /** The newest validly signed checkpoint (topic or database copy). */
    public Optional<io.wem.governance.domain.audit.Checkpoint> latestCheckpoint() {
        return checkpoints.latest().map(AuditCheckpointService.Latest::checkpoint);
    }

    @Transactional
    Object[] anchor() {
        return repository.latestAnchor();
    }

    @Transactional
    long legacyUntil() {
        return repository.keying().legacyUntilSequence();
    }
}
