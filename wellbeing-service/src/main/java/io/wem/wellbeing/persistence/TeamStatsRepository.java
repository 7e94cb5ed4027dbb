package io.wem.wellbeing.persistence;

import io.wem.wellbeing.domain.EmotionalLoadAnalyzer.QueueTally;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Team-level reads for views and the pattern check (not on the guardrail's hot path). */
@ApplicationScoped
public class TeamStatsRepository {

    @Inject
    EntityManager em;

    /** Agents whose last known team is this one. */
    @SuppressWarnings("unchecked")
    public List<AgentStateEntity> members(String teamId) {
        return AgentStateEntity.list("teamId", teamId);
    }

    public long memberCount(String teamId) {
        return AgentStateEntity.count("teamId", teamId);
    }

    @SuppressWarnings("unchecked")
    public List<String> teams() {
        return em.createNativeQuery("SELECT DISTINCT team_id FROM agent_state WHERE team_id IS NOT NULL")
                .getResultList();
    }

    /** Interactions and difficult interactions per agent and queue since a time. */
    public List<QueueTally> queueTallies(String teamId, Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT agent_id, COALESCE(queue, ''), count(*), "
                        + "count(*) FILTER (WHERE difficulty <> 'NORMAL') FROM agent_activity "
                        + "WHERE team_id = ?1 AND kind = 'INTERACTION' AND start_at >= ?2 GROUP BY agent_id, queue")
                .setParameter(1, teamId)
                .setParameter(2, OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .getResultList();
        return rows.stream().map(r -> new QueueTally((String) r[0], (String) r[1], ((Number) r[2]).intValue(),
                ((Number) r[3]).intValue())).toList();
    }

    /** Average QA score per agent (human QA evaluations and automated scores) since a time. */
    public Map<String, Double> averageScores(String teamId, Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT agent_id, avg(score) FROM monitoring_event "
                        + "WHERE team_id = ?1 AND kind IN ('QA_EVALUATION', 'AUTOMATED_SCORE') AND score IS NOT NULL "
                        + "AND occurred_at >= ?2 GROUP BY agent_id")
                .setParameter(1, teamId)
                .setParameter(2, OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .getResultList();
        Map<String, Double> scores = new HashMap<>();
        rows.forEach(r -> scores.put((String) r[0], ((Number) r[1]).doubleValue()));
        return scores;
    }

    /** Alerts per kind raised for the team since a time. */
    public Map<String, Long> alertCounts(String teamId, Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT kind, count(*) FROM wellbeing_alert "
                        + "WHERE team_id = ?1 AND raised_at >= ?2 GROUP BY kind")
                .setParameter(1, teamId)
                .setParameter(2, OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .getResultList();
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }
}
