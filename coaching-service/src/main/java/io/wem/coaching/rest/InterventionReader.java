package io.wem.coaching.rest;

import io.wem.coaching.domain.InterventionAccess;
import io.wem.coaching.domain.OwnerRole;
import io.wem.coaching.persistence.HistoryEntity;
import io.wem.coaching.persistence.InterventionEntity;
import io.wem.coaching.service.InterventionService;
import io.wem.common.audit.Audit;
import io.wem.common.contracts.GapType;
import io.wem.common.problem.ProblemException;
import io.wem.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Scope checks, views and audit records shared by the intervention resources. */
@ApplicationScoped
public class InterventionReader {

    @Inject
    InterventionService interventions;

    @Inject
    Audit audit;

    @Inject
    DeniedAccessAudit deniedAudit;

    @Inject
    Clock clock;

    static InterventionAccess.Target target(InterventionEntity i) {
        return new InterventionAccess.Target(i.agentId, i.teamId, GapType.valueOf(i.gapType),
                OwnerRole.fromKey(i.ownerRole).orElseThrow(), i.ownerPerson);
    }

    /** Loads the intervention and throws 403 unless the caller may read it (denials are audited too). */
    public InterventionEntity readable(Caller caller, String id) {
        InterventionEntity i = interventions.get(id);
        if (!InterventionAccess.canRead(caller, target(i))) {
            deniedAudit.denied(caller, i.agentId, "READ", "coaching-service:intervention/" + id);
            throw ProblemException.forbidden("not allowed to see intervention " + id);
        }
        return i;
    }

    public InterventionView full(Caller caller, InterventionEntity i, String purpose) {
        List<String> affected = interventions.affectedAgents(i.id);
        InterventionView view = InterventionView.of(i, affected, HistoryEntity.of(i.id), clock.instant());
        audit.read(caller, i.agentId, "coaching-service:intervention/" + i.id, purpose);
        // a team-level intervention names the agents who share the gap: each of them learns of this read
        affected.stream().filter(a -> !a.equals(i.agentId)).distinct().forEach(agent ->
                audit.read(caller, agent, "coaching-service:intervention/" + i.id, purpose + " (listed as affected)"));
        return view;
    }

    public List<InterventionView> summaries(Caller caller, List<InterventionEntity> list, String purpose) {
        List<InterventionView> views = new ArrayList<>();
        Set<String> shown = new LinkedHashSet<>();
        java.util.Map<String, List<String>> affectedById = interventions.affectedAgents(list.stream().map(i -> i.id).toList());
        for (InterventionEntity i : list) {
            List<String> affected = affectedById.get(i.id);
            views.add(InterventionView.of(i, affected, null, clock.instant()));
            shown.add(i.agentId);
            shown.addAll(affected);
        }
        // One audit record per agent whose data was shown: the agent of agent-level work, and every agent a
        // team-level row lists as affected (a row without either audits as a read without subject).
        shown.forEach(agent -> audit.read(caller, agent, "coaching-service:interventions", purpose));
        return views;
    }
}
