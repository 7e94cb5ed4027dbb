package io.wem.signal.persistence;

import io.wem.common.events.EventEnvelope;
import io.wem.common.events.Events;
import io.wem.signal.api.Signal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes signals with one multi-row statement per kind ({@code INSERT ... SELECT FROM unnest(arrays)}), so a batch
 * of 1,000 signals costs a handful of round trips, not 1,000. {@code ON CONFLICT (event_id) DO NOTHING RETURNING}
 * makes re-sent signals no-ops and tells which ones are new. Runs in the caller's JTA transaction (Agroal enlists
 * the connection), together with the outbox rows it writes.
 */
@ApplicationScoped
public class SignalStore {

    @Inject
    DataSource dataSource;

    /** A Kafka record to write to the outbox in the same transaction. */
    public record OutboxRow(String topic, String key, EventEnvelope event) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> insert(List<Signal> signals) {
        Set<String> inserted = new HashSet<>();
        try (Connection c = dataSource.getConnection()) {
            inserted.addAll(interactions(c, only(signals, Signal.Interaction.class)));
            inserted.addAll(qa(c, only(signals, Signal.QaEvaluation.class)));
            inserted.addAll(surveys(c, only(signals, Signal.Survey.class)));
            inserted.addAll(sentiments(c, only(signals, Signal.Sentiment.class)));
            inserted.addAll(adherence(c, only(signals, Signal.Adherence.class)));
            inserted.addAll(staffing(c, only(signals, Signal.Staffing.class)));
            inserted.addAll(transcripts(c, only(signals, Signal.Transcript.class)));
            inserted.addAll(liveMonitoring(c, only(signals, Signal.LiveMonitoring.class)));
            markDirty(c, signals, inserted);
        } catch (SQLException e) {
            throw new IllegalStateException("could not store signals: " + e.getMessage(), e);
        }
        return inserted;
    }

    /**
     * The customer sentiment stored for each of these interactions (the latest score when several arrived),
     * including sentiment written earlier in the same transaction; interactions without one are absent.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Double> sentimentOf(Collection<String> interactionIds) {
        Map<String, Double> out = new HashMap<>();
        if (interactionIds.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT DISTINCT ON (interaction_id) interaction_id, score "
                     + "FROM signal_sentiment WHERE interaction_id = ANY(?) ORDER BY interaction_id, occurred_at DESC")) {
            ps.setArray(1, c.createArrayOf("varchar", interactionIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getDouble(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read sentiment: " + e.getMessage(), e);
        }
        return out;
    }

    /** Outbox rows in one statement (same table and format the common Outbox/OutboxRelay use). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void outbox(List<OutboxRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_event (event_id, topic, event_key, payload) "
                     + "SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[])")) {
            ps.setArray(1, arr(c, rows, r -> r.event().id()));
            ps.setArray(2, arr(c, rows, OutboxRow::topic));
            ps.setArray(3, arr(c, rows, OutboxRow::key));
            ps.setArray(4, arr(c, rows, r -> Events.toJson(r.event())));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write outbox: " + e.getMessage(), e);
        }
    }

    private Set<String> interactions(Connection c, List<Signal.Interaction> l) throws SQLException {
        return run(c, l, "INSERT INTO signal_interaction (event_id, interaction_id, agent_id, team_id, channel, queue, "
                        + "contact_reason, started_at, occurred_at, talk_seconds, hold_seconds, hold_count, acw_seconds, "
                        + "transfers, disposition, repeat_contact, escalated, abusive_customer) SELECT * FROM unnest("
                        + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                        + "?::timestamptz[], ?::timestamptz[], ?::int[], ?::int[], ?::int[], ?::int[], ?::int[], "
                        + "?::text[], ?::bool[], ?::bool[], ?::bool[])",
                List.of(Signal.Interaction::eventId, Signal.Interaction::interactionId, Signal.Interaction::agentId,
                        Signal.Interaction::teamId, Signal.Interaction::channel, Signal.Interaction::queue,
                        Signal.Interaction::contactReason, i -> ts(i.startedAt()), i -> ts(i.occurredAt()),
                        i -> num(i.talkSeconds(), 0), i -> num(i.holdSeconds(), 0), i -> num(i.holdCount(), 0),
                        i -> num(i.acwSeconds(), 0), i -> num(i.transfers(), 0), Signal.Interaction::disposition,
                        i -> bool(i.repeatContact()), i -> bool(i.escalated()), i -> bool(i.abusiveCustomer())));
    }

    private Set<String> qa(Connection c, List<Signal.QaEvaluation> l) throws SQLException {
        return run(c, l, "INSERT INTO signal_qa_evaluation (event_id, evaluation_id, interaction_id, agent_id, team_id, "
                        + "evaluator, automated, total_score, criteria, checklist, occurred_at) SELECT * FROM unnest("
                        + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bool[], ?::float8[], "
                        + "?::jsonb[], ?::jsonb[], ?::timestamptz[])",
                List.of(Signal.QaEvaluation::eventId, Signal.QaEvaluation::evaluationId,
                        Signal.QaEvaluation::interactionId, Signal.QaEvaluation::agentId, Signal.QaEvaluation::teamId,
                        Signal.QaEvaluation::evaluator, q -> bool(q.automated()),
                        q -> q.totalScore() == null ? null : q.totalScore().toString(),
                        q -> Events.toJson(q.criteria() == null ? List.of() : q.criteria()),
                        q -> Events.toJson(q.checklist() == null ? List.of() : q.checklist()),
                        q -> ts(q.occurredAt())));
    }

    private Set<String> surveys(Connection c, List<Signal.Survey> l) throws SQLException {
        return run(c, l, "INSERT INTO signal_survey (event_id, interaction_id, csat, nps, occurred_at) SELECT * FROM "
                        + "unnest(?::text[], ?::text[], ?::int2[], ?::int2[], ?::timestamptz[])",
                List.of(Signal.Survey::eventId, Signal.Survey::interactionId,
                        s -> s.csat() == null ? null : s.csat().toString(),
                        s -> s.nps() == null ? null : s.nps().toString(), s -> ts(s.occurredAt())));
    }

    private Set<String> sentiments(Connection c, List<Signal.Sentiment> l) throws SQLException {
        return run(c, l, "INSERT INTO signal_sentiment (event_id, interaction_id, score, occurred_at) SELECT * FROM "
                        + "unnest(?::text[], ?::text[], ?::float8[], ?::timestamptz[])",
                List.of(Signal.Sentiment::eventId, Signal.Sentiment::interactionId, s -> s.score().toString(),
                        s -> ts(s.occurredAt())));
    }

    private Set<String> adherence(Connection c, List<Signal.Adherence> l) throws SQLException {
        return run(c, l, "INSERT INTO signal_adherence (event_id, agent_id, team_id, interval_start, interval_end, "
                        + "adherence_pct, break_taken, breaks, occurred_at) SELECT * FROM unnest(?::text[], ?::text[], "
                        + "?::text[], ?::timestamptz[], ?::timestamptz[], ?::float8[], ?::bool[], ?::jsonb[], "
                        + "?::timestamptz[])",
                List.of(Signal.Adherence::eventId, Signal.Adherence::agentId, Signal.Adherence::teamId,
                        a -> ts(a.intervalStart()), a -> ts(a.intervalEnd()), a -> a.adherencePct().toString(),
                        a -> a.breakTaken() == null ? null : a.breakTaken().toString(),
                        a -> a.breaks() == null ? null : Events.toJson(a.breaks()), a -> ts(a.occurredAt())));
    }

    private Set<String> staffing(Connection c, List<Signal.Staffing> l) throws SQLException {
        return run(c, l, "INSERT INTO signal_staffing (event_id, team_id, queue, interval_start, interval_end, "
                        + "scheduled_agents, required_agents, occupancy, occurred_at) SELECT * FROM unnest(?::text[], "
                        + "?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::int[], ?::int[], ?::float8[], "
                        + "?::timestamptz[])",
                List.of(Signal.Staffing::eventId, Signal.Staffing::teamId, Signal.Staffing::queue,
                        s -> ts(s.intervalStart()), s -> ts(s.intervalEnd()), s -> s.scheduledAgents().toString(),
                        s -> s.requiredAgents().toString(), s -> s.occupancy() == null ? null : s.occupancy().toString(),
                        s -> ts(s.occurredAt())));
    }

    private Set<String> transcripts(Connection c, List<Signal.Transcript> l) throws SQLException {
        // Callers pass only redacted transcripts (RedactionGate runs before the transaction).
        return run(c, l, "INSERT INTO signal_transcript (event_id, interaction_id, agent_id, team_id, redacted_text, "
                        + "occurred_at) SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                        + "?::timestamptz[])",
                List.of(Signal.Transcript::eventId, Signal.Transcript::interactionId, Signal.Transcript::agentId,
                        Signal.Transcript::teamId, Signal.Transcript::text, t -> ts(t.occurredAt())));
    }

    private Set<String> liveMonitoring(Connection c, List<Signal.LiveMonitoring> l) throws SQLException {
        return run(c, l, "INSERT INTO signal_live_monitoring (event_id, agent_id, team_id, monitor, occurred_at) "
                        + "SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])",
                List.of(Signal.LiveMonitoring::eventId, Signal.LiveMonitoring::agentId, Signal.LiveMonitoring::teamId,
                        Signal.LiveMonitoring::monitor, m -> ts(m.at())));
    }

    /** Teams whose data changed go to the detector's queue; agents' latest team goes to the directory. */
    private void markDirty(Connection c, List<Signal> signals, Set<String> inserted) throws SQLException {
        List<String> teams = new ArrayList<>();
        List<String> interactionIds = new ArrayList<>();
        List<String[]> agents = new ArrayList<>();
        for (Signal s : signals) {
            if (!inserted.contains(s.eventId())) {
                continue;
            }
            String team = teamOf(s);
            if (team != null) {
                teams.add(team);
            }
            if (s instanceof Signal.Survey sv) {
                interactionIds.add(sv.interactionId());
            } else if (s instanceof Signal.Sentiment se) {
                interactionIds.add(se.interactionId());
            }
            if (s.agentIdOrNull() != null && team != null) {
                agents.add(new String[]{s.agentIdOrNull(), team, ts(s.occurredAt())});
            }
        }
        if (!teams.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO dirty_team (team_id) SELECT DISTINCT unnest(?::text[]) ON CONFLICT DO NOTHING")) {
                ps.setArray(1, c.createArrayOf("text", new LinkedHashSet<>(teams).toArray()));
                ps.executeUpdate();
            }
        }
        if (!interactionIds.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dirty_team (team_id) SELECT DISTINCT team_id "
                    + "FROM signal_interaction WHERE interaction_id = ANY(?::text[]) ON CONFLICT DO NOTHING")) {
                ps.setArray(1, c.createArrayOf("text", interactionIds.toArray()));
                ps.executeUpdate();
            }
        }
        if (!agents.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO agent_directory (agent_id, team_id, last_seen) "
                    + "SELECT DISTINCT ON (a) a, t, o FROM unnest(?::text[], ?::text[], ?::timestamptz[]) AS u(a, t, o) "
                    + "ORDER BY a, o DESC ON CONFLICT (agent_id) DO UPDATE SET team_id = EXCLUDED.team_id, "
                    + "last_seen = EXCLUDED.last_seen WHERE agent_directory.last_seen <= EXCLUDED.last_seen")) {
                ps.setArray(1, arr(c, agents, a -> a[0]));
                ps.setArray(2, arr(c, agents, a -> a[1]));
                ps.setArray(3, arr(c, agents, a -> a[2]));
                ps.executeUpdate();
            }
        }
    }

    static String teamOf(Signal s) {
        if (s instanceof Signal.Interaction i) {
            return i.teamId();
        } else if (s instanceof Signal.QaEvaluation q) {
            return q.teamId();
        } else if (s instanceof Signal.Adherence a) {
            return a.teamId();
        } else if (s instanceof Signal.Staffing st) {
            return st.teamId();
        } else if (s instanceof Signal.Transcript t) {
            return t.teamId();
        } else if (s instanceof Signal.LiveMonitoring m) {
            return m.teamId();
        }
        return null;
    }

    private static <T> Set<String> run(Connection c, List<T> rows, String insert, List<Function<T, String>> columns)
            throws SQLException {
        Set<String> ids = new HashSet<>();
        if (rows.isEmpty()) {
            return ids;
        }
        try (PreparedStatement ps = c.prepareStatement(insert + " ON CONFLICT (event_id) DO NOTHING RETURNING event_id")) {
            for (int k = 0; k < columns.size(); k++) {
                ps.setArray(k + 1, arr(c, rows, columns.get(k)));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static <T> Array arr(Connection c, List<T> rows, Function<T, String> f) throws SQLException {
        String[] values = new String[rows.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = f.apply(rows.get(k));
        }
        return c.createArrayOf("text", values);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> only(List<Signal> signals, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Signal s : signals) {
            if (type.isInstance(s)) {
                out.add((T) s);
            }
        }
        return out;
    }

    private static String ts(Instant i) {
        return i == null ? null : i.toString();
    }

    private static String num(Integer n, int dflt) {
        return String.valueOf(n == null ? dflt : n);
    }

    private static String bool(Boolean b) {
        return String.valueOf(b != null && b);
    }
}
