package io.wem.governance.service;

import io.wem.common.security.Caller;
import io.wem.governance.domain.access.AccessMatrix;
import io.wem.governance.domain.access.Visibility;
import io.wem.governance.domain.audit.AuditRecord;
import io.wem.governance.domain.retention.RetentionPolicy;
import io.wem.governance.persistence.AuditLogRepository;
import io.wem.governance.persistence.RetentionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the suite holds about an agent, who may see it, and who did. */
@ApplicationScoped
public class TransparencyService {

    static final Map<String, String> DESCRIPTIONS = Map.of(
            "interaction-signal", "Per-interaction performance signals (handle time, after-call work, holds, "
                    + "transfers, survey scores) and the behavior baselines and gaps computed from them",
            "transcript", "Call and chat transcripts and agent notes, stored only after card data was redacted",
            "qa-evaluation", "Quality evaluations and automated scores of your interactions",
            "coaching-record", "Coaching interventions assigned to you, their goals, your reflections and outcomes",
            "wellbeing-metric", "How intensely you are monitored, recovery time between difficult contacts, "
                    + "emotional-load indicators",
            "guardrail-decision", "Decisions of the wellbeing guardrails about monitoring or coaching you "
                    + "(allowed, deferred, sent to human review) and your contests of them",
            "audit-event", "The record of every read and change of your data: who, when, what, and why");

    static final String SCOPE_NOTE = "Generated from the code of the four services. Scope SELF: only you; TEAM: "
            + "people with that role in your teams; ALL: everyone with that role, for any agent. Service roles are "
            + "the suite's own services. 'accesses' lists every recorded read, change and refused attempt on your data.";

    @Inject
    RetentionRepository retention;

    @Inject
    AuditLogRepository auditRepository;

    @Inject
    AuditLogService auditLog;

    @Inject
    AccessService access;

    /**
     * @param visibleToRoles people's roles that can read this class of the agent's data (any scope)
     * @param usedByServices service-account roles that can read it
     * @param readers        per role: scope (SELF, TEAM, ALL) and the endpoints ("service METHOD path")
     */
    public record Category(String dataClass, String description, String heldBy, String retentionWindow,
                           String legalBasis, String owner, List<String> visibleToRoles, List<String> usedByServices,
                           List<Visibility.Reader> readers, List<Visibility.Reader> serviceReaders) {
    }

    public record Access(Instant at, String actor, List<String> actorRoles, String service, String action,
                         String resource, String purpose, String outcome) {
    }

    /** {@code matrixIncomplete}: services whose endpoints could not be read now, so the readers may be incomplete. */
    public record Transparency(String agentId, String scopeRule, List<Category> dataHeld, long accessesTotal,
                               List<Access> accesses, List<String> matrixIncomplete) {
    }

    @Transactional
    public Transparency forAgent(Caller caller, int limit) {
        String agentId = caller.agentId();
        AccessMatrix matrix = access.matrix();
        List<Category> categories = new ArrayList<>();
        for (RetentionPolicy p : retention.policies()) {
            List<Visibility.Reader> people = Visibility.people(matrix, p.dataClass());
            List<Visibility.Reader> machines = Visibility.services(matrix, p.dataClass());
            categories.add(new Category(p.dataClass(), DESCRIPTIONS.getOrDefault(p.dataClass(), p.dataClass()),
                    p.service(), p.window(), p.legalBasis(), p.owner(), roles(people), roles(machines), people,
                    machines));
        }
        AuditLogRepository.Page page = auditRepository.find(
                new AuditLogRepository.Filter(null, agentId, null, null, null, null), 0, limit);
        List<Access> accesses = new ArrayList<>();
        for (AuditRecord r : page.items()) {
            accesses.add(new Access(r.occurredAt(), r.actor(), r.actorRoles(), r.service(), r.action(), r.resource(),
                    r.purpose(), r.outcome()));
        }
        // Recorded after the query so the agent's own look does not crowd the list.
        auditLog.recordOwn(caller, agentId, "READ", "governance-service:transparency", "agent transparency view");
        return new Transparency(agentId, SCOPE_NOTE, categories, page.total(), accesses, matrix.incomplete());
    }

    private static List<String> roles(List<Visibility.Reader> readers) {
        return readers.stream().map(Visibility.Reader::role).distinct().sorted().toList();
    }
}
