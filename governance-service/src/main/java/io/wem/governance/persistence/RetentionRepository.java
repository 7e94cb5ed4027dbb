package io.wem.governance.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import io.wem.common.contracts.PurgeCommand;
import io.wem.common.contracts.PurgeResult;
import io.wem.common.events.Events;
import io.wem.governance.domain.retention.LegalHold;
import io.wem.governance.domain.retention.RetentionPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Retention policies, legal holds and purge evidence (native SQL; every call joins the caller's transaction). */
@ApplicationScoped
public class RetentionRepository {

    @Inject
    EntityManager em;

    public List<RetentionPolicy> policies() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT data_class, service, retention_window, legal_basis, owner, "
                + "updated_at, updated_by FROM retention_policy ORDER BY data_class").getResultList();
        return rows.stream().map(RetentionRepository::policy).toList();
    }

    public RetentionPolicy policy(String dataClass, boolean lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT data_class, service, retention_window, legal_basis, owner, "
                + "updated_at, updated_by FROM retention_policy WHERE data_class = ?1" + (lock ? " FOR UPDATE" : ""))
                .setParameter(1, dataClass).getResultList();
        return rows.isEmpty() ? null : policy(rows.get(0));
    }

    public void update(RetentionPolicy p) {
        em.createNativeQuery("UPDATE retention_policy SET retention_window = ?2, legal_basis = ?3, owner = ?4, "
                        + "updated_at = ?5, updated_by = ?6 WHERE data_class = ?1")
                .setParameter(1, p.dataClass()).setParameter(2, p.window()).setParameter(3, p.legalBasis())
                .setParameter(4, p.owner()).setParameter(5, Timestamp.from(p.updatedAt()))
                .setParameter(6, p.updatedBy()).executeUpdate();
    }

    private static RetentionPolicy policy(Object[] r) {
        return new RetentionPolicy((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                instant(r[5]), (String) r[6]);
    }

    // -- legal holds

    public void insert(LegalHold h) {
        em.createNativeQuery("INSERT INTO legal_hold (id, case_reference, reason, agent_ids, interaction_ids, from_time, "
                        + "to_time, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, h.id()).setParameter(2, h.caseReference()).setParameter(3, h.reason())
                .setParameter(4, Events.toJson(h.agentIds())).setParameter(5, Events.toJson(h.interactionIds()))
                .setParameter(6, ts(h.from())).setParameter(7, ts(h.to())).setParameter(8, h.createdBy())
                .setParameter(9, ts(h.createdAt())).executeUpdate();
    }

    public boolean release(String id, String by, Instant at) {
        return em.createNativeQuery("UPDATE legal_hold SET released_at = ?2, released_by = ?3 "
                        + "WHERE id = ?1 AND released_at IS NULL")
                .setParameter(1, id).setParameter(2, ts(at)).setParameter(3, by).executeUpdate() == 1;
    }

    public LegalHold hold(String id) {
        List<LegalHold> found = holds("WHERE id = ?1", id);
        return found.isEmpty() ? null : found.get(0);
    }

    public List<LegalHold> holds(boolean activeOnly) {
        return holds(activeOnly ? "WHERE released_at IS NULL" : "", null);
    }

    private List<LegalHold> holds(String where, String param) {
        var q = em.createNativeQuery("SELECT id, case_reference, reason, agent_ids, interaction_ids, from_time, to_time, "
                + "created_by, created_at, released_at, released_by FROM legal_hold " + where + " ORDER BY created_at");
        if (param != null) {
            q.setParameter(1, param);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        TypeReference<List<String>> list = new TypeReference<>() {
        };
        return rows.stream().map(r -> {
            try {
                return new LegalHold((String) r[0], (String) r[1], (String) r[2],
                        Events.mapper().readValue((String) r[3], list), Events.mapper().readValue((String) r[4], list),
                        instant(r[5]), instant(r[6]), (String) r[7], instant(r[8]), instant(r[9]), (String) r[10]);
            } catch (Exception e) {
                throw new IllegalStateException("unreadable legal hold " + r[0], e);
            }
        }).toList();
    }

    // -- purge commands and evidence

    public void logCommand(PurgeCommand c, String issuedBy) {
        em.createNativeQuery("INSERT INTO purge_command_log (command_id, service, data_class, cutoff, hold_ids, "
                        + "issued_at, issued_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, c.commandId()).setParameter(2, c.service()).setParameter(3, c.dataClass())
                .setParameter(4, ts(c.cutoff()))
                .setParameter(5, Events.toJson(c.holds().stream().map(h -> h.holdId()).toList()))
                .setParameter(6, ts(c.issuedAt())).setParameter(7, issuedBy).executeUpdate();
    }

    /**
     * Claims a scheduled purge run for this replica: false when the scheduler issued commands after {@code since} (on
     * any replica). Holds a transaction-scoped advisory lock, so a replica firing at the same moment waits until this
     * transaction has logged its commands, then sees them.
     */
    public boolean claimScheduledPurge(Instant since) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('wem-governance:scheduled-purge'))").getSingleResult();
        Number issued = (Number) em.createNativeQuery("SELECT count(*) FROM purge_command_log WHERE issued_by = "
                + "'scheduler' AND issued_at > ?1").setParameter(1, ts(since)).getSingleResult();
        return issued.longValue() == 0;
    }

    /** Stores a purge result; false when this (command, service, class) was already stored. */
    public boolean storeEvidence(PurgeResult r) {
        return em.createNativeQuery("INSERT INTO purge_evidence (command_id, service, data_class, cutoff, purged, "
                        + "retained_by_hold, oldest_remaining, completed_at, error) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING")
                .setParameter(1, r.commandId()).setParameter(2, r.service()).setParameter(3, r.dataClass())
                .setParameter(4, ts(r.cutoff())).setParameter(5, r.purged()).setParameter(6, r.retainedByHold())
                .setParameter(7, ts(r.oldestRemaining())).setParameter(8, ts(r.completedAt()))
                .setParameter(9, r.error()).executeUpdate() == 1;
    }

    public PurgeResult latestEvidence(String service, String dataClass) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT command_id, service, data_class, cutoff, purged, "
                        + "retained_by_hold, oldest_remaining, completed_at, error FROM purge_evidence "
                        + "WHERE service = ?1 AND data_class = ?2 ORDER BY completed_at DESC LIMIT 1")
                .setParameter(1, service).setParameter(2, dataClass).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        return new PurgeResult((String) r[0], (String) r[1], (String) r[2], instant(r[3]),
                ((Number) r[4]).longValue(), ((Number) r[5]).longValue(), instant(r[6]), instant(r[7]), (String) r[8]);
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalStateException("not a time: " + o.getClass());
    }
}
