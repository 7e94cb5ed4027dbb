package io.wem.wellbeing.persistence;

import io.wem.wellbeing.domain.RecoveryState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Recovery bookkeeping of a consumed batch in a fixed number of statements, whatever its size: lock its agents, read
 * their states and which activities are already recorded, then write all activity rows and all changed states with
 * one multi-row statement each ({@code INSERT ... SELECT FROM unnest(arrays)}). Row at a time it was five or six
 * round trips per activity. Runs in the caller's transaction.
 */
@ApplicationScoped
public class ActivityBatchStore {

    @Inject
    EntityManager em;

    /** An agent's row of agent_state: team and recovery bookkeeping. */
    public record AgentState(String agentId, String teamId, RecoveryState recovery) {
    }

    /** A row of agent_activity. */
    public record ActivityRow(String activityId, String agentId, String teamId, String kind, String queue,
                              Instant startAt, Instant endAt, String difficulty) {
    }

    /**
     * Takes the same per-agent lock as {@link IntensityRepository#lockAgent} (the guardrail's) for every agent, in a
     * fixed (sorted) order so that two batches locking overlapping agents cannot deadlock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockAgents(Collection<String> agentIds) {
        if (agentIds.isEmpty()) {
            return;
        }
        String[] keys = new TreeSet<>(agentIds).stream().map(a -> "wellbeing:" + a).toArray(String[]::new);
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(k)) FROM (SELECT k, n FROM unnest(CAST(?1 AS "
                        + "text[])) WITH ORDINALITY AS u(k, n) ORDER BY n) s")
                .setParameter(1, keys)
                .getResultList();
    }

    /** Which of these activities are already recorded. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Set<String> recorded(Collection<String> activityIds) {
        Set<String> out = new HashSet<>();
        if (activityIds.isEmpty()) {
            return out;
        }
        List<Object> rows = em.createNativeQuery("SELECT activity_id FROM agent_activity "
                        + "WHERE activity_id = ANY(CAST(?1 AS text[]))")
                .setParameter(1, activityIds.toArray(String[]::new))
                .getResultList();
        rows.forEach(r -> out.add(String.valueOf(r)));
        return out;
    }

    /** The stored state of each of these agents; agents without one are absent. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Map<String, AgentState> states(Collection<String> agentIds) {
        Map<String, AgentState> out = new HashMap<>();
        if (agentIds.isEmpty()) {
            return out;
        }
        List<Object[]> rows = em.createNativeQuery("SELECT agent_id, team_id, difficult_streak, recovery_due, "
                        + "due_since, violated, debt_minutes, last_activity_at FROM agent_state "
                        + "WHERE agent_id = ANY(CAST(?1 AS text[]))")
                .setParameter(1, agentIds.toArray(String[]::new))
                .getResultList();
        for (Object[] r : rows) {
            out.put((String) r[0], new AgentState((String) r[0], (String) r[1],
                    new RecoveryState(((Number) r[2]).intValue(), (Boolean) r[3], IntensityRepository.instant(r[4]),
                            (Boolean) r[5], ((Number) r[6]).intValue(), IntensityRepository.instant(r[7]))));
        }
        return out;
    }

    /** Writes the activity rows (an already recorded id is skipped) and the agents' new states. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(List<ActivityRow> activities, Collection<AgentState> states, Instant now) {
        if (!activities.isEmpty()) {
            em.createNativeQuery("INSERT INTO agent_activity (activity_id, agent_id, team_id, kind, queue, start_at, "
                            + "end_at, difficulty) SELECT * FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[]), "
                            + "CAST(?3 AS text[]), CAST(?4 AS text[]), CAST(?5 AS text[]), CAST(?6 AS timestamptz[]), "
                            + "CAST(?7 AS timestamptz[]), CAST(?8 AS text[])) ON CONFLICT (activity_id) DO NOTHING")
                    .setParameter(1, col(activities, ActivityRow::activityId))
                    .setParameter(2, col(activities, ActivityRow::agentId))
                    .setParameter(3, col(activities, ActivityRow::teamId))
                    .setParameter(4, col(activities, ActivityRow::kind))
                    .setParameter(5, col(activities, ActivityRow::queue))
                    .setParameter(6, col(activities, a -> ts(a.startAt())))
                    .setParameter(7, col(activities, a -> ts(a.endAt())))
                    .setParameter(8, col(activities, ActivityRow::difficulty))
                    .executeUpdate();
        }
        if (!states.isEmpty()) {
            List<AgentState> l = List.copyOf(states);
            em.createNativeQuery("INSERT INTO agent_state (agent_id, team_id, difficult_streak, recovery_due, "
                            + "due_since, violated, debt_minutes, last_activity_at, updated_at) SELECT u.*, ?9 FROM "
                            + "unnest(CAST(?1 AS text[]), CAST(?2 AS text[]), CAST(?3 AS int[]), CAST(?4 AS bool[]), "
                            + "CAST(?5 AS timestamptz[]), CAST(?6 AS bool[]), CAST(?7 AS int[]), "
                            + "CAST(?8 AS timestamptz[])) AS u ON CONFLICT (agent_id) DO UPDATE SET "
                            + "team_id = EXCLUDED.team_id, difficult_streak = EXCLUDED.difficult_streak, "
                            + "recovery_due = EXCLUDED.recovery_due, due_since = EXCLUDED.due_since, "
                            + "violated = EXCLUDED.violated, debt_minutes = EXCLUDED.debt_minutes, "
                            + "last_activity_at = EXCLUDED.last_activity_at, updated_at = EXCLUDED.updated_at")
                    .setParameter(1, col(l, AgentState::agentId))
                    .setParameter(2, col(l, AgentState::teamId))
                    .setParameter(3, col(l, s -> String.valueOf(s.recovery().difficultStreak())))
                    .setParameter(4, col(l, s -> String.valueOf(s.recovery().due())))
                    .setParameter(5, col(l, s -> ts(s.recovery().dueSince())))
                    .setParameter(6, col(l, s -> String.valueOf(s.recovery().violated())))
                    .setParameter(7, col(l, s -> String.valueOf(s.recovery().debtMinutes())))
                    .setParameter(8, col(l, s -> ts(s.recovery().lastActivityAt())))
                    .setParameter(9, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                    .executeUpdate();
        }
    }

    private static <T> String[] col(List<T> rows, Function<T, String> f) {
        String[] out = new String[rows.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = f.apply(rows.get(k));
        }
        return out;
    }

    private static String ts(Instant i) {
        return i == null ? null : i.toString();
    }
}
