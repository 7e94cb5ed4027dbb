package io.wem.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Direct reads of the services' databases, for what no API may show: that a card number is stored nowhere, that
 * purged rows are gone, that a gap produced exactly one intervention. Connects as {@code postgres} over 127.0.0.1
 * (trust auth on the local stack); properties {@code wem.db.url}, {@code wem.db.user}, {@code wem.db.password}.
 */
public final class Db {

    /** The four services' databases. */
    public static final List<String> DATABASES = List.of("wem_signal", "wem_coaching", "wem_governance", "wem_wellbeing");

    private Db() {
    }

    /** Connects to a service's database, named as the local stack names it ({@code wem_signal}, ...). */
    public static Connection connect(String database) throws SQLException {
        String base = System.getProperty("wem.db.url", "jdbc:postgresql://127.0.0.1:5432/");
        return DriverManager.getConnection(base + physical(database), System.getProperty("wem.db.user", "postgres"),
                System.getProperty("wem.db.password", ""));
    }

    /** The database of the stack under test: the services' databases carry the stack's suffix. */
    static String physical(String database) {
        return DATABASES.contains(database) ? database + SystemTestConfig.dbSuffix() : database;
    }

    /** Rows of a query as column → value maps (small results only). */
    public static List<Map<String, Object>> rows(String database, String sql, Object... params) {
        try (Connection c = connect(database); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rows(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Every row of a result, each as column label → value, in the result's column order. */
    static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= n; i++) {
                row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
            }
            out.add(row);
        }
        return out;
    }

    public static long count(String database, String sql, Object... params) {
        Object v = rows(database, sql, params).get(0).values().iterator().next();
        return ((Number) v).longValue();
    }

    /** Whether a table exists in the public schema (tables appear as services land their migrations). */
    public static boolean tableExists(String database, String table) {
        return count(database, "select count(*) from information_schema.tables where table_schema = 'public' "
                + "and table_name = ?", table) > 0;
    }

    /** A text-typed column of a base table. */
    public record TextColumn(String table, String column) {
    }

    /** Every text, varchar, char, json and jsonb column of every base table in the public schema. */
    public static List<TextColumn> textColumns(String database) {
        List<TextColumn> out = new ArrayList<>();
        for (Map<String, Object> r : rows(database, """
                select c.table_name, c.column_name
                  from information_schema.columns c
                  join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                 where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
                   and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
                 order by c.table_name, c.ordinal_position""")) {
            out.add(new TextColumn((String) r.get("table_name"), (String) r.get("column_name")));
        }
        return out;
    }

    /** Streams every non-null value of one column (server-side cursor) to {@code sink}. */
    public static long scan(String database, TextColumn column, java.util.function.Consumer<String> sink) {
        String sql = "select \"" + column.column() + "\"::text from \"" + column.table() + "\" where \""
                + column.column() + "\" is not null";
        try (Connection c = connect(database)) {
            c.setAutoCommit(false); // a cursor, not the whole table in memory
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(2000);
                long n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(rs.getString(1));
                        n++;
                    }
                }
                c.rollback();
                return n;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(database + "." + column + ": " + e.getMessage(), e);
        }
    }
}
