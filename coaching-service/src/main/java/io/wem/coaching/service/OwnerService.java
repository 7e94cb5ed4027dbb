package io.wem.coaching.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.wem.coaching.domain.InterventionState;
import io.wem.coaching.domain.OwnerResolution;
import io.wem.coaching.domain.OwnerRole;
import io.wem.coaching.persistence.HistoryEntity;
import io.wem.coaching.persistence.InterventionEntity;
import io.wem.common.directory.AgentPlacement;
import io.wem.common.directory.DirectoryLookup;
import io.wem.common.directory.DirectoryUnavailableException;
import io.wem.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names the person who owns an intervention, from the organisation directory by the playbook's owner role: the
 * agent's coaches (their own, then the team's), the team's supervisors, trainers, process owner or WFM planner.
 * Nobody assigned (or the directory not answering) leaves it UNASSIGNED in the role's fallback queue: counted
 * ({@code wem.coaching.unassigned}), logged, and listed to the team's supervisors, who can reassign it.
 */
@ApplicationScoped
public class OwnerService {
    private static final Logger LOG = Logger.getLogger(OwnerService.class);

    @Inject
    DirectoryLookup directory;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry metrics;

    @Inject
    Clock clock;

    /** Sets owner person and backlog key of a new intervention. */
    public void assign(InterventionEntity i) {
        OwnerRole role = OwnerRole.fromKey(i.ownerRole).orElseThrow();
        List<String> candidates;
        try {
            candidates = candidates(role, i.agentId, i.teamId);
        } catch (DirectoryUnavailableException e) {
            metrics.counter("wem.coaching.unassigned", "role", role.key(), "reason", "directory-unavailable").increment();
            LOG.warnf("intervention %s of team %s UNASSIGNED: directory unavailable", i.id, i.teamId);
            set(i, OwnerResolution.resolve(role, i.teamId, List.of(), Map.of()));
            return;
        }
        OwnerResolution.Owner owner = OwnerResolution.resolve(role, i.teamId, candidates, openWork(candidates));
        if (owner.unassigned()) {
            metrics.counter("wem.coaching.unassigned", "role", role.key(), "reason", "nobody-assigned").increment();
            LOG.warnf("intervention %s UNASSIGNED: no %s for team %s in the directory; supervisors %s alerted via "
                    + "their backlog", i.id, role.key(), i.teamId, safeSupervisors(i.teamId));
        }
        set(i, owner);
    }

    /** Hands the intervention to {@code person}, who must hold the owner role for its team (or agent) now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reassign(InterventionEntity i, String person, String actor, String reason) {
        OwnerRole role = OwnerRole.fromKey(i.ownerRole).orElseThrow();
        if (InterventionState.valueOf(i.state).terminal()) {
            throw ProblemException.conflict("intervention " + i.id + " is closed");
        }
        if (!candidates(role, i.agentId, i.teamId).contains(person)) {
            throw ProblemException.badRequest("owner", person + " is not a " + role.key() + " of team " + i.teamId
                    + " in the directory");
        }
        String before = i.ownerPerson != null ? i.ownerPerson : OwnerResolution.UNASSIGNED;
        set(i, OwnerResolution.of(role, i.teamId, person));
        i.updatedAt = clock.instant();
        HistoryEntity h = new HistoryEntity();
        h.interventionId = i.id;
        h.fromState = i.state;
        h.toState = i.state;
        h.actor = actor;
        h.note = InterventionService.truncate("owner " + before + " -> " + person
                + (reason == null || reason.isBlank() ? "" : ": " + reason), 2000);
        h.occurredAt = clock.instant();
        h.persist();
    }

    private void set(InterventionEntity i, OwnerResolution.Owner owner) {
        i.ownerPerson = owner.person();
        i.ownerKey = owner.ownerKey();
    }

    private List<String> candidates(OwnerRole role, String agentId, String teamId) {
        if (agentId != null && (role == OwnerRole.COACH || role == OwnerRole.SUPERVISOR)) {
            Optional<AgentPlacement> p = directory.agent(agentId);
            if (p.isPresent() && teamId.equals(p.get().teamId())) {
                return role == OwnerRole.COACH ? p.get().coaches() : p.get().supervisors();
            }
            // the agent is not (or no longer) in this team per the directory: the team's holders of the role
        }
        return directory.assignees(teamId, role.key());
    }

    private Map<String, Integer> openWork(List<String> people) {
        Map<String, Integer> out = new HashMap<>();
        if (people.isEmpty()) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createQuery("select i.ownerPerson, count(i) from InterventionEntity i "
                        + "where i.ownerPerson in :people and i.state in :open group by i.ownerPerson")
                .setParameter("people", people).setParameter("open", BacklogService.OPEN).getResultList();
        rows.forEach(r -> out.put((String) r[0], ((Number) r[1]).intValue()));
        return out;
    }

    private List<String> safeSupervisors(String teamId) {
        try {
            return directory.assignees(teamId, "supervisor");
        } catch (DirectoryUnavailableException e) {
            return List.of();
        }
    }
}
