package io.wem.governance.persistence;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * V10 on a database of an older checkout: the schema up to V4 was created by the runtime role itself (before the
 * owner/runtime split), which therefore owns the audit log and can use the old session-variable backdoor. Upgrading
 * with the migration owner (as ./wem's ensure_postgres and docs/deploy-kubernetes.md set it up: the database handed
 * to the owner, the owner a member of the runtime role) must take every object over, so that afterwards the runtime
 * role can no longer delete, rewrite, re-grant or unprotect the log, while the old entries are kept. A scratch
 * database of its own; the shared server is not touched otherwise.
 */
class V10TakeoverTest {
    static final String BASE = "jdbc:postgresql://127.0.0.1:5432/";
    static final String RUNTIME = "wem_governance";
    static final String OWNER = "wem_governance_owner";
    static final String DB = "wem_governance_v10" + System.getenv().getOrDefault("WEM_TEST_DB_SUFFIX", "");

    @BeforeEach
    void olderDatabase() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
        admin("CREATE DATABASE " + DB + " OWNER " + RUNTIME);
    }

    @AfterEach
    void drop() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
    }

    @Test
    void theOwnerTakesOverWhatTheRuntimeRoleOwnedAndTheBackdoorsClose() throws SQLException {
        // the older checkout: migrations up to V4, run as the service's own login
        flyway(RUNTIME, "4").migrate();
        try (Connection c = connect(RUNTIME); Statement st = c.createStatement()) {
            for (int i = 1; i <= 3; i++) {
                st.execute("INSERT INTO audit_entry VALUES (" + i + ", 'old-" + i + "', 'signal-service', 'sup', "
                        + "'supervisor', 'agent-1', 'READ', 'signal-service:gaps', 'p', 'SUCCESS', now(), null, now(), "
                        + "repeat('0', 64), repeat('" + i + "', 64))");
            }
            st.execute("UPDATE audit_chain_head SET last_sequence = 3, last_hash = repeat('3', 64)");
            // before V10 the backdoor is open: that is what the upgrade must close (rolled back here)
            c.setAutoCommit(false);
            st.execute("SET LOCAL wem.audit_purge = 'prefix'");
            assertEquals(1, st.executeUpdate("DELETE FROM audit_entry WHERE sequence = 3"), "old schema: backdoor open");
            c.rollback();
        }
        assertEquals(List.of(RUNTIME), owners(), "the older schema belongs to the runtime role");

        // the upgrade: the database is handed to the owner (ensure_postgres), then the owner migrates
        admin("ALTER DATABASE " + DB + " OWNER TO " + OWNER);
        flyway(OWNER, null).migrate();

        assertEquals(List.of(OWNER), owners(), "every table, sequence, view and routine now belongs to the owner");
        try (Connection c = connect(RUNTIME); Statement st = c.createStatement()) {
            assertEquals(3, count(st, "SELECT count(*) FROM audit_entry"), "the old entries are kept");
            assertEquals(3, count(st, "SELECT legacy_until_sequence FROM audit_chain_keying"),
                    "the old entries are marked as the unkeyed prefix");
            c.setAutoCommit(false);
            st.execute("SET LOCAL wem.audit_purge = 'prefix'");
            for (String sql : List.of(
                    "DELETE FROM audit_entry WHERE sequence = 3",
                    "UPDATE audit_entry SET purpose = 'x'",
                    "TRUNCATE audit_entry",
                    "ALTER TABLE audit_entry DISABLE TRIGGER ALL",
                    "DROP TRIGGER audit_entry_no_change ON audit_entry",
                    "ALTER TABLE audit_entry OWNER TO " + RUNTIME,
                    "DROP TABLE audit_entry",
                    "CREATE TABLE shadow (x int)",
                    "ALTER FUNCTION audit_purge_prefix(timestamptz, bigint) OWNER TO " + RUNTIME,
                    "UPDATE audit_retention_floor SET min_window = interval '1 second'",
                    "DELETE FROM flyway_schema_history",
                    "SET ROLE " + OWNER)) {
                st.execute("SAVEPOINT attack");
                SQLException e = assertThrows(SQLException.class, () -> st.execute(sql), sql);
                assertEquals("42501", e.getSQLState(), sql + ": " + e.getMessage());
                st.execute("ROLLBACK TO SAVEPOINT attack");
            }
            // a GRANT without grant option is only a warning in PostgreSQL: what counts is that nothing was granted
            st.execute("GRANT UPDATE, DELETE, TRUNCATE ON audit_entry TO " + RUNTIME);
            assertEquals(0, count(st, "SELECT count(*) FROM (VALUES ('UPDATE'), ('DELETE'), ('TRUNCATE')) p(priv) "
                    + "WHERE has_table_privilege('" + RUNTIME + "', 'audit_entry', priv)"), "re-granted itself rights");
            // what the service needs still works: append and read
            st.execute("INSERT INTO audit_entry (sequence, audit_id, service, actor, actor_roles, action, resource, "
                    + "outcome, occurred_at, recorded_at, prev_hash, hash, key_version) VALUES (4, 'new-4', "
                    + "'signal-service', 'sup', 'supervisor', 'READ', 'r', 'SUCCESS', now(), now(), repeat('3', 64), "
                    + "repeat('4', 64), 1)");
            assertEquals(4, count(st, "SELECT count(*) FROM audit_entry"));
            c.rollback();
        }
    }

    /**
     * Flyway as the service runs it: the migrations, the runtime-role placeholder and the service's init-sql (read
     * from its application.properties). A lock wait is bounded (lock_timeout), so a regression fails instead of
     * hanging: before the init-sql, V10 waited forever for Flyway's own lock on its history table.
     */
    private static Flyway flyway(String user, String target) throws SQLException {
        var config = Flyway.configure().dataSource(BASE + DB + "?options=-c%20lock_timeout%3D30000", user, user)
                .locations("classpath:db/wem-common", "classpath:db/migration")
                .placeholders(Map.of("runtime_role", RUNTIME)).outOfOrder(true).initSql(serviceInitSql());
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    private static String serviceInitSql() throws SQLException {
        Properties p = new Properties();
        try (InputStream in = V10TakeoverTest.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new SQLException("cannot read application.properties", e);
        }
        String sql = p.getProperty("quarkus.flyway.init-sql");
        assertTrue(sql != null && sql.contains("${quarkus.datasource.username}"), "the service's init-sql: " + sql);
        return sql.replace("${quarkus.datasource.username}", RUNTIME);
    }

    /** The distinct owners of the public schema's tables, sequences, views and routines. */
    private static List<String> owners() throws SQLException {
        try (Connection c = connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT DISTINCT owner FROM (
                       SELECT pg_get_userbyid(c.relowner) AS owner FROM pg_class c
                         JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'S', 'v')
                       UNION
                       SELECT pg_get_userbyid(p.proowner) FROM pg_proc p
                         JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public') o
                     ORDER BY owner""")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getLong(1);
        }
    }

    private static Connection connect(String user) throws SQLException {
        return DriverManager.getConnection(BASE + DB, user, "postgres".equals(user) ? "" : user);
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(BASE + "postgres", "postgres", "");
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
