package io.wem.governance.service;

import io.wem.common.directory.AgentPlacement;
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

import io.wem.common.directory.AgentPlacement;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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

    @Inject
    DirectoryService directory;

    @Inject
    RoleHolders roleHolders;

    @Inject
    Clock clock;

    /**
     * @param visibleToRoles people's roles that can read this class of the agent's data (any scope)
     * @param usedByServices service-account roles that can read it
     * @param readers        per role: scope (SELF, TEAM, ALL) and the endpoints ("service METHOD path")
     * @param people         the named people behind {@code readers} today (Keycloak role holders, directory teams)
     */
    public record Category(String dataClass, String description, String heldBy, String retentionWindow,
                           String legalBasis, String owner, List<String> visibleToRoles, List<String> usedByServices,
                           List<Visibility.Reader> readers, List<Visibility.Reader> serviceReaders,
                           List<Visibility.Person> people) {
    }

    public record Access(Instant at, String actor, List<String> actorRoles, String service, String action,
                         String resource, String purpose, String outcome) {
    }

    /**
     * @param agentTeam        the agent's team in the directory now (TEAM readers are people placed in it)
     * @param matrixIncomplete services whose endpoints could not be read now, so the readers may be incomplete
     * @param peopleProblem    why named people could not be listed (Keycloak or the directory did not answer), or null
     */
    public record Transparency(String agentId, String agentTeam, String scopeRule, List<Category> dataHeld,
                               long accessesTotal, List<Access> accesses, List<String> matrixIncomplete,
                               String peopleProblem) {
    }

    @Transactional
    public Transparency forAgent(Caller caller, int limit) {
        String agentId = caller.agentId();
        AccessMatrix matrix = access.matrix();
        Instant now = clock.instant();
        String agentTeam = directory.agent(agentId, now).map(AgentPlacement::teamId).orElse(null);
        Map<String, List<String>> holders = Map.of();
        Map<String, Set<String>> teams = new HashMap<>();
        String peopleProblem = null;
        try {
            holders = roleHolders.byRole();
        } catch (RuntimeException e) {
            peopleProblem = "Keycloak's admin API did not answer (" + e.getClass().getSimpleName()
                    + "): roles are listed, named people are not";
        }
        Function<String, Set<String>> teamsOf = u -> teams.computeIfAbsent(u, x -> directory.person(x, now).teams());
        List<Category> categories = new ArrayList<>();
        for (RetentionPolicy p : retention.policies()) {
            List<Visibility.Reader> people = Visibility.people(matrix, p.dataClass());
            List<Visibility.Reader> machines = Visibility.services(matrix, p.dataClass());
            categories.add(new Category(p.dataClass(), DESCRIPTIONS.getOrDefault(p.dataClass(), p.dataClass()),
                    p.service(), p.window(), p.legalBasis(), p.owner(), roles(people), roles(machines), people,
                    machines, Visibility.named(people, caller.username(), agentTeam, holders, teamsOf)));
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
        return new Transparency(agentId, agentTeam, SCOPE_NOTE, categories, page.total(), accesses,
                matrix.incomplete(), peopleProblem);
    }

    private static List<String> roles(List<Visibility.Reader> readers) {
        return readers.stream().map(Visibility.Reader::role).distinct().sorted().toList();
    }
}
