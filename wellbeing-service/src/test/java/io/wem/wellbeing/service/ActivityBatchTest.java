package io.wem.wellbeing.service;

import io.quarkus.test.junit.QuarkusTest;
import io.wem.common.contracts.AgentActivity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A consumed batch recorded at once must leave exactly what recording its deliveries one by one leaves: the same
 * activity rows and difficulties, the same recovery state per agent, the same alerts, with redeliveries and repeated
 * activities skipped.
 */
@QuarkusTest
class ActivityBatchTest {
    private static final String CONSUMER = "activity-batch-test";

    @Inject
    ActivityService activities;

    @Inject
    DataSource db;

    @Test
    void aBatchRecordsWhatOneByOneRecords() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Random random = new Random(42);
        List<Step> steps = steps(random, 120);
        List<ActivityService.Delivery> batched = deliveries(steps, "a-" + run);
        List<ActivityService.Delivery> single = deliveries(steps, "b-" + run);

        activities.recordAll(CONSUMER, batched);
        for (ActivityService.Delivery d : single) {
            activities.recordAll(CONSUMER, List.of(d));
        }

        for (int agent = 0; agent < AGENTS; agent++) {
            String a = "a-" + run + "-agent-" + agent;
            String b = "b-" + run + "-agent-" + agent;
            assertEquals(rows(STATE, b), rows(STATE, a), "recovery state of agent " + agent);
            assertEquals(rows(ACTIVITY, b), rows(ACTIVITY, a), "activities of agent " + agent);
            assertEquals(rows(ALERTS, b), rows(ALERTS, a), "alerts of agent " + agent);
        }
        long distinct = steps.stream().map(Step::activity).distinct().count();
        assertEquals(distinct, count("SELECT count(*) FROM agent_activity WHERE agent_id LIKE ?", "a-" + run + "-%"));
        // the data exercised what it is meant to: several agents with state, some alerts
        assertTrue(count("SELECT count(*) FROM agent_state WHERE agent_id LIKE ?", "a-" + run + "-%") == AGENTS);
        assertTrue(count("SELECT count(*) FROM wellbeing_alert WHERE agent_id LIKE ?", "a-" + run + "-%") > 0,
                "no alert raised: the steps do not exercise alerts");

        // the whole batch again (a redelivery after a crash before the commit of offsets): nothing changes
        List<List<String>> before = rows(ACTIVITY, "a-" + run + "-agent-0");
        List<List<String>> alertsBefore = rows(ALERTS, "a-" + run + "-agent-0");
        activities.recordAll(CONSUMER, batched);
        assertEquals(before, rows(ACTIVITY, "a-" + run + "-agent-0"));
        assertEquals(alertsBefore, rows(ALERTS, "a-" + run + "-agent-0"));
    }

    private static final int AGENTS = 4;
    private static final String STATE = "SELECT team_id, difficult_streak, recovery_due, due_since, violated, "
            + "debt_minutes, last_activity_at FROM agent_state WHERE agent_id = ?";
    private static final String ACTIVITY = "SELECT substring(activity_id from 3), team_id, kind, queue, start_at, "
            + "end_at, difficulty FROM agent_activity "
            + "WHERE agent_id = ? ORDER BY start_at, activity_id";
    private static final String ALERTS = "SELECT kind, severity, recovery_debt_minutes, message, raised_at "
            + "FROM wellbeing_alert WHERE agent_id = ? ORDER BY raised_at, kind, message";

    /** One delivery: event id, activity id (a repeated activity under a new event id happens), agent, kind, times. */
    record Step(int event, int activity, int agent, String kind, Instant start, int minutes, boolean abusive,
                boolean escalated) {
    }

    private static List<Step> steps(Random random, int n) {
        List<Step> out = new ArrayList<>();
        Instant[] clock = new Instant[AGENTS];
        for (int k = 0; k < AGENTS; k++) {
            clock[k] = Instant.parse("2026-11-20T08:00:00Z");
        }
        int event = 0;
        int activity = 0;
        for (int k = 0; k < n; k++) {
            int r = random.nextInt(20);
            if (r == 0 && !out.isEmpty()) {
                out.add(out.get(random.nextInt(out.size())));                    // the same event redelivered
                continue;
            }
            if (r == 1 && !out.isEmpty()) {
                Step s = out.get(random.nextInt(out.size()));
                out.add(new Step(event++, s.activity(), s.agent(), s.kind(), s.start(), s.minutes(), s.abusive(),
                        s.escalated()));                                           // same activity, new event id
                continue;
            }
            int agent = random.nextInt(AGENTS);
            String kind = r < 17 ? "INTERACTION" : r < 19 ? "BREAK" : "SCHEDULED_RECOVERY";
            int minutes = kind.equals("INTERACTION") ? 2 + random.nextInt(25) : 5 + random.nextInt(20);
            clock[agent] = clock[agent].plus(Duration.ofMinutes(random.nextInt(4)));
            // agents 0 and 1 have a hard day (runs of abusive contacts: recovery due, then violated)
            boolean abusive = agent < 2 ? random.nextInt(6) != 0 : random.nextInt(4) == 0;
            out.add(new Step(event++, activity++, agent, kind, clock[agent], minutes, abusive,
                    random.nextInt(4) == 0));
            clock[agent] = clock[agent].plus(Duration.ofMinutes(minutes));
        }
        return out;
    }

    private static List<ActivityService.Delivery> deliveries(List<Step> steps, String prefix) {
        List<ActivityService.Delivery> out = new ArrayList<>();
        for (Step s : steps) {
            String agent = prefix + "-agent-" + s.agent();
            out.add(new ActivityService.Delivery(prefix + "-evt-" + s.event(), new AgentActivity(
                    prefix + "-act-" + s.activity(), s.kind(), agent, "team-" + prefix, "billing", "voice", "billing",
                    s.start(), s.start().plus(Duration.ofMinutes(s.minutes())), s.abusive() ? -0.8 : 0.2,
                    s.escalated(), s.abusive(), false)));
        }
        return out;
    }

    private List<List<String>> rows(String sql, String agent) {
        List<List<String>> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, agent);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int k = 1; k <= md.getColumnCount(); k++) {
                        String v = rs.getString(k);
                        // the team names its run ("team-a-…"/"team-b-…"); compare what follows the run's letter
                        row.add(v != null && v.startsWith("team-") ? v.substring(7) : v);
                    }
                    out.add(row);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private long count(String sql, String arg) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
