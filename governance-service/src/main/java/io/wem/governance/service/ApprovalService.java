package io.wem.governance.service;

import io.wem.common.problem.Problem;
import io.wem.common.problem.ProblemException;
import io.wem.common.security.Caller;
import io.wem.governance.config.GovernanceConfig;
import io.wem.governance.domain.approval.ChangeKind;
import io.wem.governance.domain.approval.FourEyes;
import io.wem.governance.domain.approval.Proposal;
import io.wem.governance.domain.approval.ProposalStatus;
import io.wem.governance.persistence.ApprovalRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Four-eyes changes: records proposals, and applies one only when a different ciso approves it. Both steps are in
 * the audit log. The rules are {@link FourEyes}'; what a change does is {@link RetentionService}'s.
 */
@ApplicationScoped
public class ApprovalService {

    @Inject
    ApprovalRepository repository;

    @Inject
    RetentionService retention;

    @Inject
    AuditLogService auditLog;

    @Inject
    GovernanceConfig config;

    @Inject
    Clock clock;

    /** Records a proposal (nothing changes yet) and audits it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Proposal propose(Caller caller, ChangeKind kind, String target, Map<String, String> change,
                            String summary, List<String> subjects) {
        Instant now = clock.instant();
        Proposal p = new Proposal(UUID.randomUUID().toString(), kind, target, Map.copyOf(change),
                RetentionService.truncate(summary, 500), caller.actor(), caller.subject(), now,
                FourEyes.expiry(now, config.approvals().ttl()), ProposalStatus.PENDING, null, null, null);
        repository.insert(p);
        // Every person the change concerns finds it in their own trail (one entry each; none names nobody).
        String purpose = RetentionService.truncate("proposed " + kind + ": " + p.summary() + " (expires "
                + p.expiresAt() + ")", 500);
        for (String subject : subjects.isEmpty() ? Collections.<String>singletonList(null) : subjects) {
            auditLog.recordOwn(caller, subject, "PROPOSE", resource(p), purpose);
        }
        return p;
    }

    @Transactional
    public List<Proposal> list(boolean all) {
        Instant now = clock.instant();
        return repository.list(!all).stream()
                .map(p -> p.statusAt(now) == p.status() ? p : p.decided(ProposalStatus.EXPIRED, null, null, null))
                .filter(p -> all || p.status() == ProposalStatus.PENDING)
                .toList();
    }

    /** Approves and applies the change, as one transaction; a refused approval changes nothing. */
    @Transactional
    public Proposal approve(Caller caller, String id) {
        Proposal p = pending(caller, id, true);
        switch (p.kind()) {
            case RETENTION_SHORTEN -> retention.applyPolicy(caller, p.target(), p.change().get("window"),
                    p.change().get("legalBasis"), p.change().get("owner"), p.proposedBy());
            case HOLD_RELEASE -> retention.applyRelease(caller, p.target(), p.proposedBy());
            default -> throw new IllegalStateException("unknown change kind " + p.kind());
        }
        return record(caller, p.decided(ProposalStatus.APPROVED, caller.actor(), clock.instant(), null), "APPROVE");
    }

    @Transactional
    public Proposal reject(Caller caller, String id, String reason) {
        Proposal p = pending(caller, id, false);
        return record(caller, p.decided(ProposalStatus.REJECTED, caller.actor(), clock.instant(),
                reason == null ? null : RetentionService.truncate(reason.trim(), 500)), "REJECT");
    }

    private Proposal pending(Caller caller, String id, boolean approve) {
        Proposal p = repository.find(id, true).orElseThrow(() -> ProblemException.notFound("no proposal " + id));
        try {
            FourEyes.decide(p, caller.subject(), caller.actor(), caller.roles(), clock.instant(), approve);
        } catch (FourEyes.RefusedException e) {
            int status = switch (e.refusal()) {
                case SAME_PERSON, NOT_APPROVER -> 403;
                case ALREADY_DECIDED, EXPIRED -> 409;
            };
            throw new ProblemException(Problem.of(status, "four-eyes", "Four-eyes rule", e.getMessage()));
        }
        return p;
    }

    private Proposal record(Caller caller, Proposal decided, String action) {
        if (!repository.decide(decided)) {
            throw ProblemException.conflict("proposal " + decided.id() + " was decided concurrently");
        }
        auditLog.recordOwn(caller, null, action, resource(decided), RetentionService.truncate(action.toLowerCase()
                + "d " + decided.kind() + " proposed by " + decided.proposedBy() + ": " + decided.summary()
                + (decided.decisionReason() == null ? "" : " (reason: " + decided.decisionReason() + ")"), 500));
        return decided;
    }

    private static String resource(Proposal p) {
        return "governance-service:approval/" + p.id();
    }
}
