package io.wem.signal.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.wem.common.contracts.LegalHoldScope;
import io.wem.common.events.Events;
import io.wem.common.retention.PersonalDataStore;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Purge, export and erasure over a set of signal tables, set-based: a legal hold becomes a NOT (...) predicate of
 * the DELETE (agent ids, interaction ids, optional time range), so purging millions of rows is one statement per
 * table and held rows are never loaded.
 */
final class SignalTables {

    /**
     * @param agent       SQL expression of the row's agent id (may be a subquery for tables keyed by interaction)
     * @param interaction SQL expression of the row's interaction id, or NULL
     * @param time        the column retention is measured on
     * @param extra       additional condition for purging (e.g. only resolved gaps), or null
     */
    record Table(String name, String agent, String interaction, String time, String extra) {
    }

    private SignalTables() {
    }

    static final String AGENT_OF_INTERACTION = "(SELECT i.agent_id FROM signal_interaction i "
            + "WHERE i.interaction_id = t.interaction_id LIMIT 1)";

    static PersonalDataStore.PurgeOutcome purge(EntityManager em, List<Table> tables, Instant cutoff,
                                                List<LegalHoldScope> holds) {
        long purged = 0;
        long old = 0;
        for (Table t : tables) {
            String base = "FROM " + t.name() + " t WHERE t." + t.time() + " < ?1"
                    + (t.extra() == null ? "" : " AND " + t.extra());
            old += ((Number) em.createNativeQuery("SELECT count(*) " + base).setParameter(1, Timestamp.from(cutoff))
                    .getSingleResult()).longValue();
            List<Object> params = new ArrayList<>();
            params.add(Timestamp.from(cutoff));
            StringBuilder sql = new StringBuilder("DELETE " + base);
            exceptHeld(sql, params, t, holds);
            purged += execute(em, sql, params);
        }
        return new PersonalDataStore.PurgeOutcome(purged, old - purged);
    }

    /** Appends one {@code AND NOT (...)} per hold: the rows it protects by agent or interaction, within its time range. */
    private static void exceptHeld(StringBuilder sql, List<Object> params, Table t, List<LegalHoldScope> holds) {
        for (LegalHoldScope h : holds == null ? List.<LegalHoldScope>of() : holds) {
            sql.append(" AND NOT (");
            params.add(array(h.agentIds()));
            // COALESCE: a NULL id (e.g. adherence has no interaction) must mean "not held", never NULL.
            sql.append("(COALESCE(").append(t.agent()).append(" = ANY(CAST(?").append(params.size())
                    .append(" AS text[])), false)");
            params.add(array(h.interactionIds()));
            sql.append(" OR COALESCE(").append(t.interaction()).append(" = ANY(CAST(?").append(params.size())
                    .append(" AS text[])), false))");
            if (h.from() != null) {
                params.add(Timestamp.from(h.from()));
                sql.append(" AND t.").append(t.time()).append(" >= ?").append(params.size());
            }
            if (h.to() != null) {
                params.add(Timestamp.from(h.to()));
                sql.append(" AND t.").append(t.time()).append(" < ?").append(params.size());
            }
            sql.append(")");
        }
    }

    private static int execute(EntityManager em, StringBuilder sql, List<Object> params) {
        Query q = em.createNativeQuery(sql.toString());
        for (int k = 0; k < params.size(); k++) {
            q.setParameter(k + 1, params.get(k));
        }
        return q.executeUpdate();
    }

    static Instant oldest(EntityManager em, List<Table> tables) {
        Instant oldest = null;
        for (Table t : tables) {
            Object o = em.createNativeQuery("SELECT min(t." + t.time() + ") FROM " + t.name() + " t").getSingleResult();
            Instant i = o == null ? null : o instanceof OffsetDateTime odt ? odt.toInstant()
                    : o instanceof Timestamp ts ? ts.toInstant() : (Instant) o;
            if (i != null && (oldest == null || i.isBefore(oldest))) {
                oldest = i;
            }
        }
        return oldest;
    }

    @SuppressWarnings("unchecked")
    static List<Object> export(EntityManager em, List<Table> tables, String agentId) {
        List<Object> out = new ArrayList<>();
        for (Table t : tables) {
            List<String> rows = em.createNativeQuery("SELECT CAST(row_to_json(t) AS text) FROM " + t.name() + " t WHERE "
                    + t.agent() + " = ?1").setParameter(1, agentId).getResultList();
            for (String r : rows) {
                try {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("table", t.name());
                    m.put("record", Events.mapper().readTree(r));
                    out.add(m);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }

    /** Deletes the agent's rows except those a hold protects (by interaction id, within its time range). */
    static long erase(EntityManager em, List<Table> tables, String agentId, List<LegalHoldScope> holds) {
        long n = 0;
        for (Table t : tables) {
            List<Object> params = new ArrayList<>();
            params.add(agentId);
            StringBuilder sql = new StringBuilder("DELETE FROM " + t.name() + " t WHERE " + t.agent() + " = ?1");
            exceptHeld(sql, params, t, holds);
            n += execute(em, sql, params);
        }
        return n;
    }

    private static String[] array(List<String> ids) {
        return ids == null ? new String[0] : ids.toArray(String[]::new);
    }
}
