package io.wem.governance.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wem.governance.domain.approval.ChangeKind;
import io.wem.governance.domain.approval.Proposal;
import io.wem.governance.domain.approval.ProposalStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The change_proposal table (four-eyes proposals). */
@ApplicationScoped
public class ApprovalRepository {
    static final String COLUMNS = "id, kind, target, change_json, summary, proposed_by, proposed_by_subject, "
            + "proposed_at, expires_at, status, decided_by, decided_at, decision_reason";
    /** Most proposals one list answer returns. */
    public static final int MAX_LIST = 500;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(Proposal p) {
        em.createNativeQuery("INSERT INTO change_proposal (" + COLUMNS + ") VALUES "
                        + "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
                .setParameter(1, p.id()).setParameter(2, p.kind().name()).setParameter(3, p.target())
                .setParameter(4, write(p.change())).setParameter(5, p.summary()).setParameter(6, p.proposedBy())
                .setParameter(7, p.proposedBySubject()).setParameter(8, Timestamp.from(p.proposedAt()))
                .setParameter(9, Timestamp.from(p.expiresAt())).setParameter(10, p.status().name())
                .setParameter(11, p.decidedBy()).setParameter(12, p.decidedAt() == null ? null
                        : Timestamp.from(p.decidedAt())).setParameter(13, p.decisionReason())
                .executeUpdate();
    }

    /** Records a decision; false when the proposal was no longer pending (a concurrent decision won). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean decide(Proposal p) {
        return em.createNativeQuery("UPDATE change_proposal SET status = ?1, decided_by = ?2, decided_at = ?3, "
                        + "decision_reason = ?4 WHERE id = ?5 AND status = 'PENDING'")
                .setParameter(1, p.status().name()).setParameter(2, p.decidedBy())
                .setParameter(3, Timestamp.from(p.decidedAt())).setParameter(4, p.decisionReason())
                .setParameter(5, p.id()).executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Proposal> find(String id, boolean lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM change_proposal WHERE id = ?1"
                + (lock ? " FOR UPDATE" : "")).setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(this::read);
    }

    /** Proposals stored as PENDING (the caller drops expired ones), oldest first; or all, newest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Proposal> list(boolean pendingOnly) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM change_proposal"
                        + (pendingOnly ? " WHERE status = 'PENDING' ORDER BY proposed_at" : " ORDER BY proposed_at DESC")
                        + " LIMIT " + MAX_LIST).getResultList();
        return rows.stream().map(this::read).toList();
    }

    private Proposal read(Object[] r) {
        return new Proposal((String) r[0], ChangeKind.valueOf((String) r[1]), (String) r[2], readMap((String) r[3]),
                (String) r[4], (String) r[5], (String) r[6], RetentionRepository.instant(r[7]),
                RetentionRepository.instant(r[8]), ProposalStatus.valueOf((String) r[9]), (String) r[10],
                RetentionRepository.instant(r[11]), (String) r[12]);
    }

    private String write(Map<String, String> m) {
        try {
            return json.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> readMap(String s) {
        try {
            return json.readValue(s, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
