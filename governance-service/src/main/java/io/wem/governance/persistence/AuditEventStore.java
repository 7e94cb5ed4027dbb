package io.wem.governance.persistence;

import io.wem.common.contracts.DataClasses;
import io.wem.common.contracts.LegalHoldScope;
import io.wem.common.retention.PersonalDataStore;
import io.wem.governance.domain.audit.AuditRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Retention for data class audit-event. The log is a hash chain, so retention removes only a prefix: the entries
 * recorded before the cutoff, up to (not including) the first one a legal hold protects; the database function
 * audit_purge_prefix deletes them and records an anchor from which verification continues. Erasure deletes nothing:
 * the record of who accessed personal data is kept under the legal-obligation exception (GDPR Art. 17(3)(b)) until
 * retention removes it; the subject's export lists it.
 */
@ApplicationScoped
public class AuditEventStore implements PersonalDataStore {

    @Inject
    EntityManager em;

    @Override
    public String dataClass() {
        return DataClasses.AUDIT_EVENT;
    }

    @Override
    public PurgeOutcome purge(Instant cutoff, List<LegalHoldScope> holds) {
        Long keepFrom = null;
        List<String> heldAgents = new ArrayList<>();
        for (LegalHoldScope h : holds) {
            if (h.agentIds() != null) {
                heldAgents.addAll(h.agentIds());
            }
        }
        if (!heldAgents.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> candidates = em.createNativeQuery("SELECT sequence, subject, occurred_at FROM audit_entry "
                            + "WHERE recorded_at < ?1 AND subject = ANY(?2) ORDER BY sequence")
                    .setParameter(1, Timestamp.from(cutoff))
                    .setParameter(2, heldAgents.toArray(String[]::new))
                    .getResultList();
            for (Object[] c : candidates) {
                String subject = (String) c[1];
                Instant at = RetentionRepository.instant(c[2]);
                if (holds.stream().anyMatch(h -> h.protects(subject, null, at))) {
                    keepFrom = ((Number) c[0]).longValue();
                    break;
                }
            }
        }
        long purged = ((Number) em.createNativeQuery("SELECT audit_purge_prefix(?1, ?2)")
                .setParameter(1, Timestamp.from(cutoff)).setParameter(2, keepFrom).getSingleResult()).longValue();
        long retained = 0;
        if (keepFrom != null) {
            retained = ((Number) em.createNativeQuery("SELECT count(*) FROM audit_entry WHERE recorded_at < ?1")
                    .setParameter(1, Timestamp.from(cutoff)).getSingleResult()).longValue();
        }
        return new PurgeOutcome(purged, retained);
    }

    @Override
    public Instant oldestRecord() {
        return RetentionRepository.instant(em.createNativeQuery("SELECT min(occurred_at) FROM audit_entry")
                .getSingleResult());
    }

    @Override
    public List<?> export(String agentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT sequence, service, actor, action, resource, purpose, outcome, "
                        + "occurred_at FROM audit_entry WHERE subject = ?1 ORDER BY sequence")
                .setParameter(1, agentId).getResultList();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object[] r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sequence", ((Number) r[0]).longValue());
            m.put("service", r[1]);
            m.put("actor", r[2]);
            m.put("action", r[3]);
            m.put("resource", r[4]);
            m.put("purpose", r[5]);
            m.put("outcome", r[6]);
            m.put("occurredAt", AuditRecord.micros(RetentionRepository.instant(r[7])));
            out.add(m);
        }
        return out;
    }

    @Override
    public long erase(String agentId) {
        return 0;
    }
}
