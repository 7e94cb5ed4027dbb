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
import io.wem.common.security.Caller;
import io.wem.governance.config.GovernanceConfig;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    @Transactional
    public List<RetentionPolicy> policies() {
        return repository.policies();
    }

    /** Changes a policy; the change is audited with the values before and after. */
    @Transactional
    public RetentionPolicy update(Caller caller, String dataClass, String window, String legalBasis, String owner) {
        if (!DataClasses.ALL.contains(dataClass)) {
            throw ProblemException.notFound("no retention data class " + dataClass);
        }
        RetentionWindow parsed;
        try {
            parsed = RetentionWindow.parse(window);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("window", e.getMessage());
        }
        RetentionPolicy before = repository.policy(dataClass, true);
        if (before == null) {
            throw ProblemException.notFound("no retention policy for " + dataClass);
        }
        RetentionPolicy after = new RetentionPolicy(dataClass, before.service(), parsed.text(), legalBasis.trim(),
                owner.trim(), Instant.now(), caller.actor());
        repository.update(after);
        auditLog.recordOwn(caller, null, "UPDATE", "governance-service:retention-policy/" + dataClass,
                truncate("before: window=" + before.window() + ", legalBasis=" + before.legalBasis() + ", owner="
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
                interactions, from, to, caller.actor(), Instant.now(), null, null);
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

    @Transactional
    public LegalHold release(Caller caller, String id) {
        LegalHold hold = repository.hold(id);
        if (hold == null) {
            throw ProblemException.notFound("no legal hold " + id);
        }
        if (!repository.release(id, caller.actor(), Instant.now())) {
            throw ProblemException.conflict("legal hold " + id + " is already released");
        }
        auditLog.recordOwn(caller, hold.agentIds().isEmpty() ? null : hold.agentIds().get(0), "UPDATE",
                "governance-service:legal-hold/" + id, truncate("released legal hold for case "
                        + hold.caseReference() + " (agents " + hold.agentIds() + ")", 500));
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
    void scheduledPurge() {
        issuePurges("scheduler");
    }

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
