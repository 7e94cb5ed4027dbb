package io.wem.signal.persistence;

import io.quarkus.test.junit.QuarkusTest;
import io.wem.common.persistence.PlannerStatistics;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The common statistics keeper analyzes a table after a bulk load, whatever the server's autovacuum setting. */
@QuarkusTest
class PlannerStatisticsTest {

    @Inject
    DataSource db;

    @Inject
    PlannerStatistics statistics;

    @Test
    void aBulkLoadedTableIsAnalyzed() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS planner_probe");
            s.execute("CREATE TABLE planner_probe (id int PRIMARY KEY, team text)");
            s.execute("INSERT INTO planner_probe SELECT g, 'team-' || (g % 7) FROM generate_series(1, 5000) g");
        }
        // The server publishes the changed-row counts within about a second; the keeper acts on its next run.
        long deadline = System.currentTimeMillis() + 20_000;
        boolean analyzed = false;
        while (!analyzed && System.currentTimeMillis() < deadline) {
            statistics.refresh();
            analyzed = plannerRows() >= 4000;
            if (!analyzed) {
                Thread.sleep(300);
            }
        }
        assertTrue(analyzed, "planner_probe was not analyzed: the planner still sees " + plannerRows() + " rows");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE planner_probe");
        }
    }

    /** What the planner believes the table holds (pg_class.reltuples is -1 until the first ANALYZE). */
    private double plannerRows() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT reltuples FROM pg_class WHERE relname = 'planner_probe'")) {
            return r.next() ? r.getDouble(1) : -1;
        }
    }
}
