package io.wem.signal.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.wem.common.contracts.BehaviorGapDetected;
import io.wem.common.contracts.BehaviorGapResolved;
import io.wem.common.events.Events;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Detected gaps. The partial unique index behavior_gap_one_open keeps one open gap per agent and behavior. */
@ApplicationScoped
public class GapRepository {

    @Inject
    EntityManager em;

    public record StoredGap(BehaviorGapDetected detected, String status, Instant resolvedAt,
                            BehaviorGapResolved resolution) {
    }

    /** Inserts an open gap unless one is open for the agent and behavior; true when inserted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean open(BehaviorGapDetected g) {
        return em.createNativeQuery("INSERT INTO behavior_gap (gap_id, agent_id, team_id, behavior_id, gap_type, status, "
                        + "detected, detected_at) VALUES (?1, ?2, ?3, ?4, ?5, 'OPEN', CAST(?6 AS jsonb), ?7) "
                        + "ON CONFLICT (agent_id, behavior_id) WHERE status = 'OPEN' DO NOTHING")
                .setParameter(1, g.gapId()).setParameter(2, g.agentId()).setParameter(3, g.teamId())
                .setParameter(4, g.behaviorId()).setParameter(5, g.gapType().name())
                .setParameter(6, Events.toJson(g)).setParameter(7, Timestamp.from(g.detectedAt()))
                .executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean resolve(BehaviorGapResolved r) {
        return em.createNativeQuery("UPDATE behavior_gap SET status = 'RESOLVED', resolved_at = ?2, "
                        + "resolution = CAST(?3 AS jsonb) WHERE gap_id = ?1 AND status = 'OPEN'")
                .setParameter(1, r.gapId()).setParameter(2, Timestamp.from(r.resolvedAt()))
                .setParameter(3, Events.toJson(r)).executeUpdate() == 1;
    }

    public List<StoredGap> openForTeamAndBehavior(String teamId, String behaviorId) {
        return query("WHERE team_id = ?1 AND behavior_id = ?2 AND status = 'OPEN'", teamId, behaviorId);
    }

    /** status null = any; teamId / agentId null = any; newest first. */
    public List<StoredGap> find(String teamId, String agentId, String status, int limit) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (teamId != null) {
            params.add(teamId);
            where.add("team_id = ?" + params.size());
        }
        if (agentId != null) {
            params.add(agentId);
            where.add("agent_id = ?" + params.size());
        }
        if (status != null) {
            params.add(status);
            where.add("status = ?" + params.size());
        }
        String clause = (where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where))
                + " ORDER BY detected_at DESC LIMIT " + Math.max(1, Math.min(limit, 1000));
        return query(clause, params.toArray());
    }

    /** Teams with at least one open gap (re-evaluated periodically so gaps resolve as windows roll on). */
    @SuppressWarnings("unchecked")
    public List<String> teamsWithOpenGaps() {
        return em.createNativeQuery("SELECT DISTINCT team_id FROM behavior_gap WHERE status = 'OPEN'").getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<StoredGap> query(String clause, Object... params) {
        var q = em.createNativeQuery("SELECT detected::text, status, resolved_at, resolution::text FROM behavior_gap "
                + clause);
        for (int k = 0; k < params.length; k++) {
            q.setParameter(k + 1, params[k]);
        }
        List<StoredGap> out = new ArrayList<>();
        for (Object o : (List<Object[]>) q.getResultList()) {
            Object[] r = (Object[]) o;
            try {
                BehaviorGapDetected d = Events.mapper().readValue((String) r[0], BehaviorGapDetected.class);
                BehaviorGapResolved res = r[3] == null ? null
                        : Events.mapper().readValue((String) r[3], BehaviorGapResolved.class);
                out.add(new StoredGap(d, (String) r[1], instant(r[2]), res));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable gap", e);
            }
        }
        return out;
    }

    static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof Timestamp ts) {
            return ts.toInstant();
        }
        return (Instant) o;
    }
}
