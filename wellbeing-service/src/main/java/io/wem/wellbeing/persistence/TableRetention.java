package io.wem.wellbeing.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.wem.common.contracts.LegalHoldScope;
import io.wem.common.events.Events;
import io.wem.common.retention.PersonalDataStore.PurgeOutcome;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Purge, export and erase over a set of tables of one data class. Rows are matched to legal holds by agent id,
 * interaction id (where the table has one) and record time; rows a hold protects are kept and counted.
 */
final class TableRetention {

    /** A table: its record-time column and, if any, the column holding an interaction id. */
    record Table(String name, String timeColumn, String interactionColumn) {
    }

    private final List<Table> tables;

    TableRetention(Table... tables) {
        this.tables = List.of(tables);
    }

    PurgeOutcome purge(EntityManager em, Instant cutoff, List<LegalHoldScope> holds) {
        long purged = 0;
        long kept = 0;
        OffsetDateTime cut = OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
        for (Table t : tables) {
            if (holds.isEmpty()) {
                purged += em.createNativeQuery("DELETE FROM " + t.name() + " WHERE " + t.timeColumn() + " < ?1")
                        .setParameter(1, cut).executeUpdate();
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT ctid::text, agent_id, " + t.timeColumn() + ", "
                            + (t.interactionColumn() == null ? "NULL" : t.interactionColumn()) + " FROM " + t.name()
                            + " WHERE " + t.timeColumn() + " < ?1")
                    .setParameter(1, cut).getResultList();
            List<String> doomed = new ArrayList<>();
            for (Object[] r : rows) {
                Instant time = IntensityRepository.instant(r[2]);
                boolean held = holds.stream().anyMatch(h -> h.protects((String) r[1], (String) r[3], time));
                if (held) {
                    kept++;
                } else {
                    doomed.add((String) r[0]);
                }
            }
            // ctids are stable within this transaction; delete in chunks to keep statements small.
            for (int i = 0; i < doomed.size(); i += 1000) {
                List<String> chunk = doomed.subList(i, Math.min(doomed.size(), i + 1000));
                purged += em.createNativeQuery("DELETE FROM " + t.name() + " WHERE ctid = ANY(CAST(?1 AS tid[]))")
                        .setParameter(1, "{" + String.join(",", chunk.stream().map(c -> "\"" + c + "\"").toList())
                                + "}")
                        .executeUpdate();
            }
        }
        return new PurgeOutcome(purged, kept);
    }

    Instant oldest(EntityManager em) {
        Instant oldest = null;
        for (Table t : tables) {
            Object v = em.createNativeQuery("SELECT min(" + t.timeColumn() + ") FROM " + t.name()).getSingleResult();
            Instant i = IntensityRepository.instant(v);
            if (i != null && (oldest == null || i.isBefore(oldest))) {
                oldest = i;
            }
        }
        return oldest;
    }

    List<Map<String, Object>> export(EntityManager em, String agentId) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Table t : tables) {
            @SuppressWarnings("unchecked")
            List<Object> rows = em.createNativeQuery("SELECT CAST(row_to_json(x) AS text) FROM " + t.name()
                    + " x WHERE agent_id = ?1").setParameter(1, agentId).getResultList();
            List<Object> records = new ArrayList<>();
            for (Object r : rows) {
                try {
                    records.add(Events.mapper().readTree(r.toString()));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("row of " + t.name() + " is not JSON", e);
                }
            }
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("table", t.name());
            table.put("records", records);
            out.add(table);
        }
        return out;
    }

    long erase(EntityManager em, String agentId) {
        long n = 0;
        for (Table t : tables) {
            n += em.createNativeQuery("DELETE FROM " + t.name() + " WHERE agent_id = ?1").setParameter(1, agentId)
                    .executeUpdate();
        }
        return n;
    }
}
