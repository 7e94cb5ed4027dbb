package io.wem.signal.persistence;

import io.wem.signal.api.Signal;
import io.wem.signal.config.SignalConfig;
import io.wem.signal.domain.Behavior;
import io.wem.signal.domain.LogRatio;
import io.wem.signal.domain.Metrics;
import io.wem.signal.domain.Observation;
import io.wem.signal.domain.Taxonomy;
import io.wem.signal.domain.TeamData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a behavior's metric as observations, set-based (one query per team and period). The metric decides the
 * table and the value expression; QA metrics join their interaction for contact reason and queue filters.
 */
@ApplicationScoped
public class ObservationRepository {

    @Inject
    DataSource dataSource;

    @Inject
    SignalConfig config;

    private volatile Taxonomy taxonomy;

    /** Where one metric's observations come from: columns, value expression, FROM and WHERE. */
    record Source(String agent, String team, String interaction, String time, String queue, String reason,
                  String value, String from, List<String> where, List<Object> params) {
        String select() {
            return String.join(", ", agent, team, interaction, time, queue, reason, value);
        }
    }

    Source source(Behavior b) {
        Metrics.Metric m = b.metricDef();
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        Source src;
        String from;
        switch (m.signalKind()) {
            case Signal.INTERACTION -> {
                String value = switch (m.name()) {
                    case "acw_seconds" -> "x.acw_seconds";
                    case "hold_seconds" -> "x.hold_seconds";
                    case "hold_count" -> "x.hold_count";
                    case "talk_seconds" -> "x.talk_seconds";
                    case "transfer_rate" -> "CASE WHEN x.transfers > 0 THEN 1 ELSE 0 END";
                    case "repeat_rate" -> "CASE WHEN x.repeat_contact THEN 1 ELSE 0 END";
                    case "escalation_rate" -> "CASE WHEN x.escalated THEN 1 ELSE 0 END";
                    default -> throw new IllegalArgumentException("unknown interaction metric " + m.name());
                };
                from = "signal_interaction x";
                interactionFilters(b, "x", where, params);
                src = new Source("x.agent_id", "x.team_id", "x.interaction_id", "x.occurred_at", "x.queue",
                        "x.contact_reason", value, from, where, params);
            }
            case Signal.QA_EVALUATION -> {
                String criterion = m.criterion() != null ? m.criterion() : b.filter("criterion");
                String item = m.checklistItem() != null ? m.checklistItem() : b.filter("checklistItem");
                String value;
                from = "signal_qa_evaluation q LEFT JOIN LATERAL (SELECT i.queue, i.contact_reason, i.channel FROM "
                        + "signal_interaction i WHERE i.interaction_id = q.interaction_id LIMIT 1) x ON true";
                if (m.name().equals("qa_total_score")) {
                    value = "q.total_score";
                    where.add("q.total_score IS NOT NULL");
                } else if (m.type() == Metrics.Type.MEAN) {
                    from += " CROSS JOIN LATERAL jsonb_array_elements(q.criteria) c";
                    value = "(c->>'score')::float8";
                    where.add("c->>'criterion' = ?");
                    params.add(criterion);
                } else {
                    from += " CROSS JOIN LATERAL jsonb_array_elements(q.checklist) c";
                    value = "CASE WHEN (c->>'passed')::boolean THEN 1 ELSE 0 END";
                    where.add("c->>'item' = ?");
                    params.add(item);
                }
                interactionFilters(b, "x", where, params);
                src = new Source("q.agent_id", "q.team_id", "q.interaction_id", "q.occurred_at", "x.queue",
                        "x.contact_reason", value, from, where, params);
            }
            case Signal.ADHERENCE -> {
                src = new Source("x.agent_id", "x.team_id", "NULL", "x.occurred_at", "NULL", "NULL",
                        "x.adherence_pct", "signal_adherence x", where, params);
            }
            case Signal.SURVEY, Signal.SENTIMENT -> {
                String table = m.signalKind().equals(Signal.SURVEY) ? "signal_survey" : "signal_sentiment";
                String value = m.signalKind().equals(Signal.SURVEY) ? "s.csat" : "s.score";
                from = table + " s JOIN LATERAL (SELECT i.agent_id, i.team_id, i.queue, i.contact_reason, i.channel "
                        + "FROM signal_interaction i WHERE i.interaction_id = s.interaction_id LIMIT 1) x ON true";
                where.add(value + " IS NOT NULL");
                interactionFilters(b, "x", where, params);
                src = new Source("x.agent_id", "x.team_id", "s.interaction_id", "s.occurred_at", "x.queue",
                        "x.contact_reason", value, from, where, params);
            }
            default -> throw new IllegalArgumentException("metric " + m.name() + " has no source");
        }
        return src;
    }

    private void interactionFilters(Behavior b, String alias, List<String> where, List<Object> params) {
        for (String[] f : new String[][]{{"contactReason", "contact_reason"}, {"queue", "queue"}, {"channel", "channel"}}) {
            String v = b.filter(f[0]);
            if (v != null) {
                // The category and the organisation's own names for it (Taxonomy), compared normalised.
                List<String> names = List.copyOf(taxonomy().matches(f[0], v));
                where.add(Taxonomy.sql(alias + "." + f[1]) + " IN ("
                        + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ")");
                params.addAll(names);
            }
        }
    }

    private Taxonomy taxonomy() {
        Taxonomy t = taxonomy;
        if (t == null) {
            SignalConfig.TaxonomyNames n = config.taxonomy();
            t = Taxonomy.of(Map.of("contactReason", split(n.contactReason()), "queue", split(n.queue()),
                    "channel", split(n.channel())));
            taxonomy = t;
        }
        return t;
    }

    private static Map<String, List<String>> split(Map<String, String> names) {
        Map<String, List<String>> out = new java.util.HashMap<>();
        names.forEach((category, list) -> out.put(category, List.of(list.split(","))));
        return out;
    }

    /** Observations of one team (teamId) or one agent (agentId) in [from, to). */
    public List<Observation> observations(Behavior b, String teamId, String agentId, Instant from, Instant to) {
        Source s = source(b);
        List<String> where = new ArrayList<>(s.where());
        List<Object> params = new ArrayList<>(s.params());
        where.add(s.time() + " >= ?");
        params.add(Timestamp.from(from));
        where.add(s.time() + " < ?");
        params.add(Timestamp.from(to));
        if (teamId != null) {
            where.add(s.team() + " = ?");
            params.add(teamId);
        }
        if (agentId != null) {
            where.add(s.agent() + " = ?");
            params.add(agentId);
        }
        String sql = "SELECT " + s.select() + " FROM " + s.from() + " WHERE " + String.join(" AND ", where);
        List<Observation> out = new ArrayList<>();
        query(sql, params, rs -> out.add(new Observation(rs.getString(1), rs.getString(3),
                rs.getTimestamp(4).toInstant(), rs.getDouble(7), rs.getString(5), rs.getString(6))));
        return out;
    }

    /**
     * Per-agent count and mean of every agent, by team, in [from, to) (the organisation reference), overall and per
     * slice (contact reason, queue): one scan grouped by agent, team, reason and queue, aggregated here.
     */
    OrgReference.Summaries allAgents(Behavior b, Instant from, Instant to) {
        Source s = source(b);
        List<String> where = new ArrayList<>(s.where());
        List<Object> params = new ArrayList<>(s.params());
        where.add(s.time() + " >= ?");
        params.add(Timestamp.from(from));
        where.add(s.time() + " < ?");
        params.add(Timestamp.from(to));
        // Durations also as log-scale sums (LogRatio): calls above zero, sum and sum of squares of their logs.
        String v = "(" + s.value() + ")::float8";
        String logSums = LogRatio.usesLogScale(b) ? ", count(*) FILTER (WHERE " + v + " > 0), sum(CASE WHEN " + v
                + " > 0 THEN ln(" + v + ") END), sum(CASE WHEN " + v + " > 0 THEN ln(" + v + ") * ln(" + v + ") END)"
                : ", 0, 0, 0";
        String sql = "SELECT " + s.agent() + ", " + s.team() + ", " + s.reason() + ", " + s.queue() + ", count(*), sum("
                + s.value() + ")" + logSums + " FROM " + s.from() + " WHERE " + String.join(" AND ", where)
                + " GROUP BY 1, 2, 3, 4";
        OrgReference.Summaries.Builder out = new OrgReference.Summaries.Builder();
        query(sql, params, rs -> out.add(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                new LogRatio.Sums(rs.getInt(5), rs.getInt(7), rs.getDouble(8), rs.getDouble(9), rs.getDouble(6))));
        return out.build();
    }

    /** Mean CSAT per agent of a team in [from, to). */
    public Map<String, TeamData.Satisfaction> satisfaction(String teamId, Instant from, Instant to) {
        Map<String, TeamData.Satisfaction> out = new HashMap<>();
        query("SELECT i.agent_id, avg(s.csat), count(*) FROM signal_survey s JOIN signal_interaction i "
                        + "ON i.interaction_id = s.interaction_id WHERE i.team_id = ? AND s.csat IS NOT NULL "
                        + "AND s.occurred_at >= ? AND s.occurred_at < ? GROUP BY i.agent_id",
                List.of(teamId, Timestamp.from(from), Timestamp.from(to)),
                rs -> out.put(rs.getString(1), new TeamData.Satisfaction(rs.getDouble(2), rs.getInt(3))));
        return out;
    }

    public List<TeamData.StaffingInterval> staffing(String teamId, Instant from, Instant to) {
        List<TeamData.StaffingInterval> out = new ArrayList<>();
        query("SELECT interval_start, interval_end, queue, scheduled_agents, required_agents, occupancy FROM "
                        + "signal_staffing WHERE team_id = ? AND interval_end > ? AND interval_start < ?",
                List.of(teamId, Timestamp.from(from), Timestamp.from(to)),
                rs -> out.add(new TeamData.StaffingInterval(rs.getTimestamp(1).toInstant(),
                        rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        (Double) rs.getObject(6))));
        return out;
    }

    /**
     * @param org the organisation reference of the current detection pass (read on first use, then shared; see
     *            {@link OrgReference})
     */
    public TeamData teamData(Behavior b, String teamId, Instant now, int historyWindows, OrgReference org) {
        Instant start = now.minus(b.window());
        Instant historyStart = start.minus(b.window().multipliedBy(historyWindows));
        OrgReference.Summaries org0 = org.agents(b, () -> allAgents(b, start, now));
        Map<String, List<TeamData.AgentSummary>> bySlice = new HashMap<>();
        org0.bySlice().forEach((k, v) -> bySlice.put(k, others(v, teamId)));
        return new TeamData(teamId, start, now, observations(b, teamId, null, start, now),
                observations(b, teamId, null, historyStart, start), others(org0.overall(), teamId),
                b.satisfactionGuard() ? satisfaction(teamId, start, now) : Map.of(), staffing(teamId, start, now),
                bySlice, org0.cells().stream().filter(c -> !teamId.equals(c.teamId())).toList());
    }

    private static List<TeamData.AgentSummary> others(List<TeamData.AgentSummary> all, String teamId) {
        return all.stream().filter(a -> !teamId.equals(a.teamId())).toList();
    }

    interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<?> params, Row row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int k = 0; k < params.size(); k++) {
                ps.setObject(k + 1, params.get(k));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("observation query failed: " + e.getMessage(), e);
        }
    }
}
