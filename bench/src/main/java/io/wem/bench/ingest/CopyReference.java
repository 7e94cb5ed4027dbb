package io.wem.bench.ingest;

import io.wem.demo.generator.Signal;
import io.wem.demo.generator.SignalJson;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The database's own limit for the same rows: a scratch database (wem_bench) gets signal-service's schema from its
 * Flyway migrations (same tables, keys and indexes), then one {@code COPY ... FROM STDIN (FORMAT csv)} per signal
 * kind loads exactly the rows the end-to-end run stores. Rows per second = signals / wall time of all COPYs.
 */
public final class CopyReference {
    public static final String DB = "wem_bench";
    private final String pgUrl;
    private final String adminUser;

    public CopyReference(String host, int port, String adminUser) {
        this.pgUrl = "jdbc:postgresql://" + host + ":" + port + "/";
        this.adminUser = adminUser;
    }

    public record Result(int rows, double seconds, Map<String, Integer> perTable) {
        public double rowsPerSecond() {
            return rows / seconds;
        }
    }

    public Result run(Path migrations, List<Signal> signals) throws SQLException, IOException {
        try (Connection admin = DriverManager.getConnection(pgUrl + "postgres", adminUser, "");
             Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DB);
            st.execute("CREATE DATABASE " + DB);
        }
        Map<String, StringBuilder> csv = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Signal s : signals) {
            Row r = row(s);
            csv.computeIfAbsent(r.copy(), k -> new StringBuilder()).append(r.csv()).append('\n');
            counts.merge(r.copy().substring(0, r.copy().indexOf(' ')), 1, Integer::sum);
        }
        try (Connection c = DriverManager.getConnection(pgUrl + DB, adminUser, "")) {
            applySchema(c, migrations);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            int rows = 0;
            for (Map.Entry<String, StringBuilder> e : csv.entrySet()) {
                rows += (int) copy.copyIn("COPY " + e.getKey() + " FROM STDIN WITH (FORMAT csv)",
                        new StringReader(e.getValue().toString()));
            }
            c.commit();
            double secs = (System.nanoTime() - t0) / 1e9;
            return new Result(rows, secs, counts);
        }
    }

    /** Drops the scratch database (best effort; the next run recreates it anyway). */
    public void drop() {
        try (Connection admin = DriverManager.getConnection(pgUrl + "postgres", adminUser, "");
             Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DB);
        } catch (SQLException ignored) {
            // left for the next run
        }
    }

    /** signal-service's migrations in version order (V1__, V2__ ...), as Flyway would apply them. */
    static void applySchema(Connection c, Path dir) throws IOException, SQLException {
        List<Path> files;
        try (Stream<Path> l = Files.list(dir)) {
            files = l.filter(p -> p.getFileName().toString().matches("V\\d+(_\\d+)*__.*\\.sql"))
                    .sorted((a, b) -> BY_PARTS.compare(version(a), version(b))).toList();
        }
        if (files.isEmpty()) {
            throw new IOException("no migrations in " + dir);
        }
        try (Statement st = c.createStatement()) {
            for (Path f : files) {
                st.execute(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
    }

    private static List<Integer> version(Path p) {
        String v = p.getFileName().toString().substring(1, p.getFileName().toString().indexOf("__"));
        List<Integer> parts = new ArrayList<>();
        for (String s : v.split("_")) {
            parts.add(Integer.parseInt(s));
        }
        return parts;
    }

    /** Integer list comparison for versions (1 < 1_1 < 2). */
    private static final Comparator<List<Integer>> BY_PARTS = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    record Row(String copy, String csv) {
    }

    /** The COPY target (table and columns, as signal-service's INSERTs name them) and the CSV line of one signal. */
    static Row row(Signal s) {
        if (s instanceof Signal.Interaction i) {
            return new Row("signal_interaction (event_id, interaction_id, agent_id, team_id, channel, queue, "
                    + "contact_reason, started_at, occurred_at, talk_seconds, hold_seconds, hold_count, acw_seconds, "
                    + "transfers, disposition, repeat_contact, escalated, abusive_customer)",
                    line(i.eventId(), i.interactionId(), i.agentId(), i.teamId(), i.channel(), i.queue(),
                            i.contactReason(), i.startedAt(), i.occurredAt(), i.talkSeconds(), i.holdSeconds(),
                            i.holdCount(), i.acwSeconds(), i.transfers(), i.disposition(), i.repeatContact(),
                            i.escalated(), i.abusiveCustomer()));
        } else if (s instanceof Signal.QaEvaluation q) {
            return new Row("signal_qa_evaluation (event_id, evaluation_id, interaction_id, agent_id, team_id, "
                    + "evaluator, automated, total_score, criteria, checklist, occurred_at)",
                    line(q.eventId(), q.evaluationId(), q.interactionId(), q.agentId(), q.teamId(), q.evaluator(),
                            q.automated(), q.totalScore(), json(q.criteria()), json(q.checklist()), q.occurredAt()));
        } else if (s instanceof Signal.Survey v) {
            return new Row("signal_survey (event_id, interaction_id, csat, nps, occurred_at)",
                    line(v.eventId(), v.interactionId(), v.csat(), v.nps(), v.occurredAt()));
        } else if (s instanceof Signal.Sentiment v) {
            return new Row("signal_sentiment (event_id, interaction_id, score, occurred_at)",
                    line(v.eventId(), v.interactionId(), v.score(), v.occurredAt()));
        } else if (s instanceof Signal.Adherence a) {
            return new Row("signal_adherence (event_id, agent_id, team_id, interval_start, interval_end, "
                    + "adherence_pct, break_taken, breaks, occurred_at)",
                    line(a.eventId(), a.agentId(), a.teamId(), a.intervalStart(), a.intervalEnd(), a.adherencePct(),
                            a.breakTaken(), json(a.breaks()), a.occurredAt()));
        } else if (s instanceof Signal.Staffing f) {
            return new Row("signal_staffing (event_id, team_id, queue, interval_start, interval_end, "
                    + "scheduled_agents, required_agents, occupancy, occurred_at)",
                    line(f.eventId(), f.teamId(), f.queue(), f.intervalStart(), f.intervalEnd(), f.scheduledAgents(),
                            f.requiredAgents(), f.occupancy(), f.occurredAt()));
        } else if (s instanceof Signal.Transcript t) {
            return new Row("signal_transcript (event_id, interaction_id, agent_id, team_id, redacted_text, occurred_at)",
                    line(t.eventId(), t.interactionId(), t.agentId(), t.teamId(), t.text(), t.occurredAt()));
        } else if (s instanceof Signal.LiveMonitoring m) {
            return new Row("signal_live_monitoring (event_id, agent_id, team_id, monitor, occurred_at)",
                    line(m.eventId(), m.agentId(), m.teamId(), m.monitor(), m.at()));
        }
        throw new IllegalArgumentException("unknown signal " + s.getClass());
    }

    private static String json(Object o) {
        try {
            return SignalJson.MAPPER.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String line(Object... values) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < values.length; k++) {
            if (k > 0) {
                b.append(',');
            }
            Object v = values[k];
            if (v == null) {
                continue; // unquoted empty = NULL in CSV COPY
            }
            String s = v.toString();
            if (s.isEmpty() || s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
                    || s.indexOf('\r') >= 0) {
                b.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                b.append(s);
            }
        }
        return b.toString();
    }
}
