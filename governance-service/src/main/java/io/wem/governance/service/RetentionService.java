package io.wem.governance.service;

import io.quarkus.scheduler.Scheduled;
import io.wem.common.contracts.DataClasses;
import io.wem.common.contracts.PurgeCommand;
import io.wem.common.contracts.PurgeResult;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Topics;
import io.wem.common.outbox.Outbox;
import io.wem.common.problem.ProblemException;
import io.wem.common.retention.RetentionFloors;
import io.wem.common.security.Caller;
import io.wem.governance.config.GovernanceConfig;
import io.wem.governance.domain.approval.ChangeKind;
import io.wem.governance.domain.approval.FourEyes;
import io.wem.governance.domain.approval.Proposal;
import io.wem.governance.domain.retention.ComplianceAssessor;
import io.wem.governance.domain.retention.LegalHold;
import io.wem.governance.domain.retention.PurgePlanner;
import io.wem.governance.domain.retention.RetentionPolicy;
import io.wem.governance.domain.retention.RetentionWindow;
import io.wem.governance.persistence.RetentionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Retention policies, legal holds, purge orchestration and the compliance report. */
@ApplicationScoped
public class RetentionService {
    private static final Logger LOG = Logger.getLogger(RetentionService.class);
    static final String SERVICE = "governance-service";

    @Inject
    RetentionRepository repository;

    @Inject
    Outbox outbox;

    @Inject
    AuditLogService auditLog;

    @Inject
    GovernanceConfig config;

    @Inject
    ApprovalService approvals;

    @Inject
    Clock clock;

    @Transactional
    public List<RetentionPolicy> policies() {
        return repository.policies();
    }

    /** The outcome of a policy change: applied at once, or proposed for four-eyes approval (window shortened). */
    public record PolicyChange(RetentionPolicy applied, Proposal proposed) {
    }

    /**
     * Changes a policy: lengthening the window (or changing only basis or owner) applies at once; shortening it
     * becomes a proposal a different ciso must approve ({@link ApprovalService}).
     */
    @Transactional
    public PolicyChange update(Caller caller, String dataClass, String window, String legalBasis, String owner) {
        RetentionPolicy current = validPolicy(dataClass, window);
        RetentionWindow parsed = RetentionWindow.parse(window);
        if (FourEyes.shortens(RetentionWindow.parse(current.window()), parsed, clock.instant())) {
            return new PolicyChange(null, approvals.propose(caller, ChangeKind.RETENTION_SHORTEN, dataClass,
                    Map.of("window", parsed.text(), "legalBasis", legalBasis.trim(), "owner", owner.trim()),
                    "retention window of " + dataClass + " from " + current.window() + " to " + parsed.text(), List.of()));
        }
        return new PolicyChange(applyPolicy(caller, dataClass, window, legalBasis, owner, null), null);
    }

    /** No policy, proposal or approval may go below the data class's retention floor (wem-common RetentionFloors). */
    private void aboveFloor(String dataClass, RetentionWindow window) {
        RetentionFloors.Floor floor = RetentionFloors.of(dataClass);
        Instant now = clock.instant();
        if (floor == null || !floor.permits(window.cutoff(now), now)) {
            throw ProblemException.badRequest("window", "must be at least " + (floor == null ? "a defined floor"
                    : floor.minimum() + " (" + floor.legalBasis() + ")"));
        }
    }

    private RetentionPolicy validPolicy(String dataClass, String window) {
        if (!DataClasses.ALL.contains(dataClass)) {
            throw ProblemException.notFound("no retention data class " + dataClass);
        }
        try {
            aboveFloor(dataClass, RetentionWindow.parse(window));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("window", e.getMessage());
        }
        RetentionPolicy current = repository.policy(dataClass, true);
        if (current == null) {
            throw ProblemException.notFound("no retention policy for " + dataClass);
        }
        return current;
    }

    /** Applies a policy change (at once, or as approved); audited with the values before and after. */
    @Transactional(Transactional.TxType.MANDATORY)
    RetentionPolicy applyPolicy(Caller caller, String dataClass, String window, String legalBasis, String owner,
                                String proposedBy) {
        if (!DataClasses.ALL.contains(dataClass)) {
            throw ProblemException.notFound("no retention data class " + dataClass);
        }
        RetentionWindow parsed;
        try {
            parsed = RetentionWindow.parse(window);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("window", e.getMessage());
        }
        aboveFloor(dataClass, parsed);
        RetentionPolicy before = repository.policy(dataClass, true);
        if (before == null) {
            throw ProblemException.notFound("no retention policy for " + dataClass);
        }
        RetentionPolicy after = new RetentionPolicy(dataClass, before.service(), parsed.text(), legalBasis.trim(),
                owner.trim(), clock.instant(), caller.actor());
        repository.update(after);
        auditLog.recordOwn(caller, null, "UPDATE", "governance-service:retention-policy/" + dataClass,
                truncate((proposedBy == null ? "" : "approved proposal of " + proposedBy + " | ")
                        + "before: window=" + before.window() + ", legalBasis=" + before.legalBasis() + ", owner="
                        + before.owner() + " | after: window=" + after.window() + ", legalBasis=" + after.legalBasis()
                        + ", owner=" + after.owner(), 500));
        return after;
    }

    // -- legal holds

    @Transactional
    public LegalHold createHold(Caller caller, String caseReference, String reason, List<String> agentIds,
                                List<String> interactionIds, Instant from, Instant to) {
        List<String> agents = agentIds == null ? List.of()
                : agentIds.stream().map(s -> s == null ? "" : s.trim()).distinct().toList();
        List<String> interactions = interactionIds == null ? List.of()
                : interactionIds.stream().map(s -> s == null ? "" : s.trim()).distinct().toList();
        if (agents.isEmpty() && interactions.isEmpty()) {
            throw ProblemException.badRequest("agentIds", "name at least one agent id or interaction id");
        }
        if (agents.stream().anyMatch(String::isEmpty) || interactions.stream().anyMatch(String::isEmpty)) {
            throw ProblemException.badRequest(agents.stream().anyMatch(String::isEmpty) ? "agentIds" : "interactionIds",
                    "ids must not be blank");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw ProblemException.badRequest("to", "must be after from");
        }
        LegalHold hold = new LegalHold(UUID.randomUUID().toString(), caseReference.trim(), reason.trim(), agents,
                interactions, from, to, caller.actor(), clock.instant(), null, null);
        repository.insert(hold);
        for (String agent : agents) {
            auditLog.recordOwn(caller, agent, "CREATE", "governance-service:legal-hold/" + hold.id(),
                    truncate("legal hold for case " + hold.caseReference(), 500));
        }
        if (agents.isEmpty()) {
            auditLog.recordOwn(caller, null, "CREATE", "governance-service:legal-hold/" + hold.id(),
                    truncate("legal hold for case " + hold.caseReference() + " on interactions " + interactions, 500));
        }
        return hold;
    }

    /** Releasing a hold is a four-eyes change: this records the proposal; the hold stays until a ciso approves. */
    @Transactional
    public Proposal release(Caller caller, String id) {
        LegalHold hold = activeHold(id);
        return approvals.propose(caller, ChangeKind.HOLD_RELEASE, id, Map.of("caseReference", hold.caseReference()),
                "release legal hold " + id + " for case " + hold.caseReference() + " (agents " + hold.agentIds()
                        + ", interactions " + hold.interactionIds().size() + ")",
                hold.agentIds());
    }

    private LegalHold activeHold(String id) {
        LegalHold hold = repository.hold(id);
        if (hold == null) {
            throw ProblemException.notFound("no legal hold " + id);
        }
        if (hold.releasedAt() != null) {
            throw ProblemException.conflict("legal hold " + id + " is already released");
        }
        return hold;
    }

    /** Releases a hold whose release was approved. */
    @Transactional(Transactional.TxType.MANDATORY)
    LegalHold applyRelease(Caller approver, String id, String proposedBy) {
        LegalHold hold = activeHold(id);
        if (!repository.release(id, approver.actor(), clock.instant())) {
            throw ProblemException.conflict("legal hold " + id + " is already released");
        }
        // One entry per agent the hold named: each agent's trail shows the release, not only the first agent's.
        String purpose = truncate("released legal hold for case " + hold.caseReference() + " (agents "
                + hold.agentIds() + "), proposed by " + proposedBy, 500);
        for (String agent : hold.agentIds().isEmpty() ? Collections.<String>singletonList(null)
                : hold.agentIds()) {
            auditLog.recordOwn(approver, agent, "UPDATE", "governance-service:legal-hold/" + id, purpose);
        }
        return repository.hold(id);
    }

    /** The holds; a listing names agents, so each agent named is audited as a read of their data. */
    @Transactional
    public List<LegalHold> holds(Caller caller, boolean activeOnly) {
        List<LegalHold> holds = repository.holds(activeOnly);
        holds.stream().flatMap(h -> h.agentIds().stream()).distinct().forEach(agent -> auditLog.recordOwn(caller,
                agent, "READ", "governance-service:legal-holds", "legal hold listing"));
        return holds;
    }

    // -- purges

    /** Publishes one purge command per service and data class (through the outbox) and logs what was asked. */
    @Transactional
    public List<PurgeCommand> issuePurges(String issuedBy) {
        List<PurgeCommand> commands = PurgePlanner.plan(repository.policies(), repository.holds(true), Instant.now());
        for (PurgeCommand c : commands) {
            repository.logCommand(c, issuedBy);
            outbox.add(Topics.PURGE_COMMANDS, c.service(),
                    EventEnvelope.withId(c.commandId(), EventTypes.PURGE_COMMAND, SERVICE, null, c));
        }
        LOG.infof("issued %d purge commands (%s)", commands.size(), issuedBy);
        return commands;
    }

    @Scheduled(cron = "${wem.governance.retention.purge-cron:0 30 2 * * ?}", identity = "retention-purge",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void scheduledPurge() {
        // every replica fires the cron: the first issues the run, the others find its commands and skip
        if (!repository.claimScheduledPurge(clock.instant().minus(SCHEDULED_PURGE_ONCE_WITHIN))) {
            LOG.info("scheduled purge already issued by another replica: skipped");
            return;
        }
        issuePurges("scheduler");
    }

    /** Scheduled purges closer together than this are one run fired on several replicas (a cron is never this short). */
    static final Duration SCHEDULED_PURGE_ONCE_WITHIN = Duration.ofMinutes(10);

    @Transactional
    public boolean recordResult(PurgeResult r) {
        return repository.storeEvidence(r);
    }

    @Transactional
    public List<ComplianceAssessor.Assessment> compliance() {
        Instant now = Instant.now();
        List<ComplianceAssessor.Assessment> out = new ArrayList<>();
        for (RetentionPolicy p : repository.policies()) {
            out.add(ComplianceAssessor.assess(p, repository.latestEvidence(p.service(), p.dataClass()), now,
                    config.retention().grace()));
        }
        return out;
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
