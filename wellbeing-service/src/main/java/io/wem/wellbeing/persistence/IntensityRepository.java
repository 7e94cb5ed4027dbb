package io.wem.wellbeing.persistence;

import io.wem.wellbeing.domain.CoachingTheme;
import io.wem.wellbeing.domain.FactCount;
import io.wem.wellbeing.domain.MonitoringKind;
import io.wem.wellbeing.domain.RecoveryState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact per-agent state behind the guardrail: hourly fact counts per kind and theme, plus the agent row.
 * The guardrail's hot path reads both in one round trip and never scans raw events.
 */
@ApplicationScoped
public class IntensityRepository {

    @Inject
    EntityManager em;

    /** What the guardrail needs about one agent. {@code teamId} and {@code recovery} are null for unknown agents. */
    public record Snapshot(List<FactCount> facts, String teamId, RecoveryState recovery) {
    }

    /** Serializes guardrail decisions per agent (across replicas) until the transaction ends. */
    public void lockAgent(String agentId) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "wellbeing:" + agentId)
                .getSingleResult();
    }

    public Snapshot snapshot(String agentId, Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT 'F', kind, theme, bucket_start, count, NULL::varchar, NULL::boolean, NULL::int, "
                                + "NULL::boolean, NULL::timestamptz FROM intensity_bucket "
                                + "WHERE agent_id = ?1 AND bucket_start > ?2 "
                                + "UNION ALL SELECT 'S', NULL, NULL, due_since, difficult_streak, team_id, recovery_due, "
                                + "debt_minutes, violated, last_activity_at FROM agent_state WHERE agent_id = ?1")
                .setParameter(1, agentId)
                .setParameter(2, OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC))
                .getResultList();
        List<FactCount> facts = new ArrayList<>(rows.size());
        String team = null;
        RecoveryState recovery = null;
        for (Object[] r : rows) {
            if ("F".equals(r[0].toString())) {
                facts.add(fact((String) r[1], (String) r[2], instant(r[3]), ((Number) r[4]).intValue()));
            } else {
                team = (String) r[5];
                recovery = new RecoveryState(((Number) r[4]).intValue(), (Boolean) r[6], instant(r[3]),
                        (Boolean) r[8], ((Number) r[7]).intValue(), instant(r[9]));
            }
        }
        return new Snapshot(facts, team, recovery);
    }

    /** Facts of every agent of a team since a time, by agent. */
    public Map<String, List<FactCount>> teamFacts(String teamId, Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT agent_id, kind, theme, bucket_start, count "
                        + "FROM intensity_bucket WHERE team_id = ?1 AND bucket_start > ?2")
                .setParameter(1, teamId)
                .setParameter(2, OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC))
                .getResultList();
        Map<String, List<FactCount>> byAgent = new HashMap<>();
        for (Object[] r : rows) {
            byAgent.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                    .add(fact((String) r[1], (String) r[2], instant(r[3]), ((Number) r[4]).intValue()));
        }
        return byAgent;
    }

    public void increment(String agentId, String teamId, Instant at, MonitoringKind kind, CoachingTheme theme) {
        em.createNativeQuery("INSERT INTO intensity_bucket (agent_id, bucket_start, kind, theme, team_id, count) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, 1) ON CONFLICT (agent_id, bucket_start, kind, theme) "
                        + "DO UPDATE SET count = intensity_bucket.count + 1, "
                        + "team_id = COALESCE(EXCLUDED.team_id, intensity_bucket.team_id)")
                .setParameter(1, agentId)
                .setParameter(2, OffsetDateTime.ofInstant(FactCount.bucketOf(at), java.time.ZoneOffset.UTC))
                .setParameter(3, kind.name())
                .setParameter(4, theme == null ? "" : theme.name())
                .setParameter(5, teamId)
                .executeUpdate();
    }

    /** Takes one fact back (an overturned automated decision); never below zero. */
    public void decrement(String agentId, Instant at, MonitoringKind kind, CoachingTheme theme) {
        em.createNativeQuery("UPDATE intensity_bucket SET count = count - 1 WHERE agent_id = ?1 AND bucket_start = ?2 "
                        + "AND kind = ?3 AND theme = ?4 AND count > 0")
                .setParameter(1, agentId)
                .setParameter(2, OffsetDateTime.ofInstant(FactCount.bucketOf(at), java.time.ZoneOffset.UTC))
                .setParameter(3, kind.name())
                .setParameter(4, theme == null ? "" : theme.name())
                .executeUpdate();
    }

    private static FactCount fact(String kind, String theme, Instant bucket, int count) {
        return new FactCount(MonitoringKind.valueOf(kind), CoachingTheme.parse(theme), bucket, count);
    }

    static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (o instanceof java.time.ZonedDateTime z) {
            return z.toInstant();
        }
        throw new IllegalStateException("unexpected time type " + o.getClass());
    }
}
