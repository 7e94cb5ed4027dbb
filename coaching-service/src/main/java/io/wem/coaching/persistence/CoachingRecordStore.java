package io.wem.coaching.persistence;

import io.wem.common.contracts.DataClasses;
import io.wem.common.contracts.LegalHoldScope;
import io.wem.common.retention.PersonalDataStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Data class coaching-record: interventions with their gaps, affected agents and history (notes, reflections,
 * disputes). Purge goes by the intervention's creation time and keeps every intervention a legal hold protects,
 * by agent (the coached agent or any affected one) or by one of its evidence interactions.
 */
@ApplicationScoped
public class CoachingRecordStore implements PersonalDataStore {

    @Inject
    EntityManager em;

    @Override
    public String dataClass() {
        return DataClasses.COACHING_RECORD;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public PurgeOutcome purge(Instant cutoff, List<LegalHoldScope> holds) {
        List<InterventionEntity> old = InterventionEntity.list("createdAt < ?1", cutoff);
        long purged = 0;
        long kept = 0;
        for (InterventionEntity i : old) {
            if (held(i, holds)) {
                kept++;
            } else {
                i.delete();
                purged++;
            }
        }
        return new PurgeOutcome(purged, kept);
    }

    private boolean held(InterventionEntity i, List<LegalHoldScope> holds) {
        if (holds.isEmpty()) {
            return false;
        }
        List<String> agents = new ArrayList<>();
        if (i.agentId != null) {
            agents.add(i.agentId);
        }
        agents.addAll(affected(i.id));
        List<String> evidence = JsonLists.read(i.evidenceInteractionIds);
        for (LegalHoldScope h : holds) {
            for (String a : agents) {
                if (h.protects(a, null, i.createdAt)) {
                    return true;
                }
            }
            for (String e : evidence) {
                if (h.protects(null, e, i.createdAt)) {
                    return true;
                }
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private List<String> affected(String interventionId) {
        return em.createNativeQuery("SELECT agent_id FROM intervention_affected_agent WHERE intervention_id = ?1")
                .setParameter(1, interventionId).getResultList();
    }

    @Override
    @Transactional
    public Instant oldestRecord() {
        return em.createQuery("select min(i.createdAt) from InterventionEntity i", Instant.class).getSingleResult();
    }

    @Override
    @Transactional
    public List<?> export(String agentId) {
        List<Object> out = new ArrayList<>();
        for (InterventionEntity i : InterventionEntity.<InterventionEntity>list("agentId = ?1 order by createdAt", agentId)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("interventionId", i.id);
            m.put("gapId", i.gapId);
            m.put("behaviorId", i.behaviorId);
            m.put("gapType", i.gapType);
            m.put("kind", i.kind);
            m.put("state", i.state);
            m.put("goal", i.goal);
            m.put("proposedGoal", i.proposedGoal);
            m.put("evidenceInteractionIds", JsonLists.read(i.evidenceInteractionIds));
            m.put("reflection", i.reflection);
            m.put("disputeReason", i.disputeReason);
            m.put("evaluation", i.evaluatedAt == null ? null : Map.of("before", i.evalBefore, "after", i.evalAfter,
                    "netImprovement", i.evalNetImprovement, "explanation", String.valueOf(i.evalExplanation)));
            m.put("createdAt", i.createdAt);
            m.put("history", HistoryEntity.of(i.id).stream().map(h -> {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("from", h.fromState);
                e.put("to", h.toState);
                e.put("actor", h.actor);
                e.put("note", h.note);
                e.put("at", h.occurredAt);
                return e;
            }).toList());
            out.add(m);
        }
        @SuppressWarnings("unchecked")
        List<String> teamLevel = em.createNativeQuery("SELECT intervention_id FROM intervention_affected_agent "
                + "WHERE agent_id = ?1 ORDER BY intervention_id").setParameter(1, agentId).getResultList();
        for (String id : teamLevel) {
            out.add(Map.of("teamLevelInterventionId", id, "role", "affected agent"));
        }
        return out;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public long erase(String agentId) {
        long count = 0;
        for (InterventionEntity i : InterventionEntity.<InterventionEntity>list("agentId = ?1", agentId)) {
            i.delete();
            count++;
        }
        count += em.createNativeQuery("DELETE FROM intervention_affected_agent WHERE agent_id = ?1")
                .setParameter(1, agentId).executeUpdate();
        // Team-level work stays (it is about a process), but no longer says which agent's gap joined it.
        em.createNativeQuery("UPDATE intervention_gap SET agent_id = NULL WHERE agent_id = ?1")
                .setParameter(1, agentId).executeUpdate();
        return count;
    }
}
