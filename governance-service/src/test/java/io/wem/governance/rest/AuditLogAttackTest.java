package io.wem.governance.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.wem.common.contracts.AuditEvent;
import io.wem.governance.domain.audit.Checkpoint;
import io.wem.governance.messaging.AuditCheckpointTopic;
import io.wem.governance.service.AuditCheckpointService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.wem.governance.rest.AuditLogTest.ciso;
import static io.wem.governance.rest.AuditLogTest.event;
import static io.wem.governance.rest.AuditLogTest.publishAndAwait;
import static io.wem.governance.rest.AuditLogTest.uid;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attacks on the audit log by the service's own database login (the runtime role wem_governance), each one refused
 * by the database, and by a database superuser (who can do anything), detected by verify. Before migration V10 the
 * runtime role owned the table: every statement below succeeded (see docs/governance.md, threat model).
 */
@QuarkusTest
class AuditLogAttackTest {
    static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Inject
    AuditCheckpointService checkpoints;

    @Inject
    AuditCheckpointTopic topic;

    /**
     * The runtime role's connection, inside a transaction the test always rolls back: should an attack succeed on a
     * misconfigured database (e.g. one still owned by the runtime role), it fails the test without doing damage.
     */
    static Connection runtime() throws SQLException {
        Connection c = DriverManager.getConnection(AuditLogTest.DB, "wem_governance", "wem_governance");
        c.setAutoCommit(false);
        return c;
    }

    static Connection superuser() throws SQLException {
        return DriverManager.getConnection(AuditLogTest.DB, "postgres", "");
    }

    /** Runs one attack in a savepoint (a refused statement must not abort the ones after it) and expects 42501. */
    static void refused(Statement st, String sql) throws SQLException {
        st.execute("SAVEPOINT attack");
        try {
            SQLException e = assertThrows(SQLException.class, () -> st.execute(sql), sql);
            assertEquals(INSUFFICIENT_PRIVILEGE, e.getSQLState(), sql + ": " + e.getMessage());
        } finally {
            st.execute("ROLLBACK TO SAVEPOINT attack");
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void runtimeRoleCannotDeleteWithTheOldSessionVariableUpdateOrTruncate() throws Exception {
        AuditEvent e = event(uid("audit"), uid("sup"), uid("agent"));
        long seq = publishAndAwait(e);
        try (Connection c = runtime(); Statement st = c.createStatement()) {
            st.execute("SET wem.audit_purge = 'prefix'");
            refused(st, "DELETE FROM audit_entry WHERE sequence = " + seq);
            refused(st, "DELETE FROM audit_entry WHERE sequence > " + (seq - 3));
            refused(st, "UPDATE audit_entry SET purpose = 'x' WHERE sequence = " + seq);
            refused(st, "TRUNCATE audit_entry");
            refused(st, "DELETE FROM audit_chain_anchor");
            refused(st, "INSERT INTO audit_chain_anchor (last_purged_sequence, last_purged_hash, purged_count, cutoff)"
                    + " VALUES (" + seq + ", repeat('0', 64), 1, now())");
            refused(st, "DELETE FROM audit_checkpoint");
            refused(st, "UPDATE audit_retention_floor SET min_window = interval '1 second'");
            refused(st, "UPDATE audit_chain_keying SET legacy_until_sequence = 9223372036854775807");
            assertEquals(1, count(c, "SELECT count(*) FROM audit_entry WHERE sequence = " + seq));
            c.rollback();
        }
    }

    @Test
    void runtimeRoleCannotDropOrDisableTheTriggerOrGrantItselfRights() throws Exception {
        AuditEvent e = event(uid("audit"), uid("sup"), uid("agent"));
        long seq = publishAndAwait(e);
        try (Connection c = runtime(); Statement st = c.createStatement()) {
            refused(st, "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_change");
            refused(st, "ALTER TABLE audit_entry DISABLE TRIGGER ALL");
            refused(st, "DROP TRIGGER audit_entry_no_change ON audit_entry");
            refused(st, "CREATE OR REPLACE FUNCTION audit_entry_immutable() RETURNS trigger LANGUAGE plpgsql "
                    + "AS $$ BEGIN RETURN OLD; END $$");
            refused(st, "ALTER TABLE audit_entry OWNER TO wem_governance");
            refused(st, "DROP TABLE audit_entry");
            refused(st, "SET ROLE wem_governance_owner");
            refused(st, "CREATE TABLE audit_entry_shadow (x int)");
            // Without the grant option PostgreSQL only warns and grants nothing; the UPDATE stays refused.
            st.execute("GRANT UPDATE, DELETE, TRUNCATE ON audit_entry TO wem_governance");
            refused(st, "UPDATE audit_entry SET purpose = 'x' WHERE sequence = " + seq);
            refused(st, "TRUNCATE audit_entry");
            c.rollback();
        }
    }

    @Test
    void thePurgeFunctionNeverGoesBelowTheFloorWhateverThePolicySays() throws Exception {
        AuditEvent e = event(uid("audit"), uid("sup"), uid("agent"));
        long seq = publishAndAwait(e);
        try (Connection c = runtime(); Statement st = c.createStatement()) {
            // The runtime role can write retention_policy (the API does); a PT1S window must still purge nothing new.
            // (All inside the transaction runtime() opens and this test rolls back.)
            st.execute("UPDATE retention_policy SET retention_window = 'PT1S' WHERE data_class = 'audit-event'");
            assertEquals(0, count(c, "SELECT audit_purge_prefix(now() + interval '100 years', NULL)"));
            assertEquals(1, count(c, "SELECT count(*) FROM audit_entry WHERE sequence = " + seq));
            c.rollback();
        }
    }

    @Test
    void truncatingTheNewestEntriesIsDetectedFromTheSignedCheckpoint() throws Exception {
        for (int i = 0; i < 4; i++) {
            publishAndAwait(event(uid("audit"), uid("sup"), uid("agent")));
        }
        Checkpoint cp = checkpoints.checkpoint().orElseThrow();
        String chain = cp.chainId();
        await().atMost(Duration.ofSeconds(30)).until(() -> topic.latest(chain)
                .map(c -> c.sequence() >= cp.sequence()).orElse(false));
        given().auth().oauth2(ciso()).get("/api/v1/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("checkpointSource", equalTo("topic"));

        long keep = cp.sequence() - 3;
        try (Connection su = superuser()) {
            List<Object[]> removed = new ArrayList<>();
            List<Object[]> removedCheckpoints = new ArrayList<>();
            Object[] head = row(su, "SELECT last_sequence, last_hash FROM audit_chain_head WHERE id = 1");
            // The attacker: a database superuser removes the newest entries, the database's own checkpoint copies,
            // and moves the head back, so the remaining chain is internally consistent.
            exec(su, "SET session_replication_role = replica");
            collect(su, "SELECT * FROM audit_entry WHERE sequence > " + keep + " ORDER BY sequence", removed);
            collect(su, "SELECT * FROM audit_checkpoint WHERE sequence > " + keep, removedCheckpoints);
            exec(su, "DELETE FROM audit_entry WHERE sequence > " + keep);
            exec(su, "DELETE FROM audit_checkpoint WHERE sequence > " + keep);
            exec(su, "UPDATE audit_chain_head SET last_sequence = " + keep + ", last_hash = (SELECT hash FROM "
                    + "audit_entry WHERE sequence = " + keep + ") WHERE id = 1");
            exec(su, "SET session_replication_role = origin");
            try {
                given().auth().oauth2(ciso()).get("/api/v1/audit/verify").then().statusCode(200)
                        .body("valid", equalTo(false))
                        .body("firstBrokenSequence", equalTo((int) keep + 1))
                        .body("reason", containsString("newest entries were removed"))
                        .body("checkpointSequence", equalTo((int) cp.sequence()))
                        .body("checkpointSource", equalTo("topic"));
                assertTrue(checkpoints.checkpoint().map(c -> c.sequence() == cp.sequence()).orElse(true),
                        "no checkpoint is signed over a truncated chain");
            } finally {
                exec(su, "SET session_replication_role = replica");
                exec(su, "DELETE FROM audit_entry WHERE sequence > " + keep); // verify's own record
                insert(su, "audit_entry", removed);
                insert(su, "audit_checkpoint", removedCheckpoints);
                try (PreparedStatement ps = su.prepareStatement("UPDATE audit_chain_head SET last_sequence = ?, "
                        + "last_hash = ? WHERE id = 1")) {
                    ps.setObject(1, head[0]);
                    ps.setObject(2, head[1]);
                    ps.executeUpdate();
                }
                exec(su, "SET session_replication_role = origin");
            }
        }
        given().auth().oauth2(ciso()).get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void exportCarriesTheSignedCheckpoint() {
        publishAndAwait(event(uid("audit"), uid("sup"), uid("agent")));
        Checkpoint cp = checkpoints.checkpoint().orElseThrow();
        String header = given().auth().oauth2(ciso()).get("/api/v1/audit/export").then().statusCode(200)
                .extract().header("X-Audit-Checkpoint");
        assertTrue(header != null && header.contains("sequence=") && header.contains("signature="), header);
        String seq = header.replaceAll(".*;sequence=([0-9]+);.*", "$1");
        assertTrue(header.startsWith("chainId=" + cp.chainId()) && Long.parseLong(seq) >= cp.sequence(), header);
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static Object[] row(Connection c, String sql) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        collect(c, sql, rows);
        return rows.get(0);
    }

    private static void collect(Connection c, String sql, List<Object[]> out) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] r = new Object[n];
                for (int i = 0; i < n; i++) {
                    r[i] = rs.getObject(i + 1);
                }
                out.add(r);
            }
        }
    }

    private static void insert(Connection c, String table, List<Object[]> rows) throws SQLException {
        for (Object[] r : rows) {
            String marks = String.join(", ", java.util.Collections.nCopies(r.length, "?"));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " VALUES (" + marks + ")")) {
                for (int i = 0; i < r.length; i++) {
                    ps.setObject(i + 1, r[i]);
                }
                ps.executeUpdate();
            }
        }
    }
}
