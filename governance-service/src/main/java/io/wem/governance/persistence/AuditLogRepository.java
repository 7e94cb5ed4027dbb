package io.wem.governance.persistence;

import io.agroal.api.AgroalDataSource;
import io.wem.governance.domain.audit.AuditChain;
import io.wem.governance.domain.audit.AuditKeys;
import io.wem.governance.domain.audit.AuditRecord;
import io.wem.governance.domain.audit.Checkpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The audit_entry table. Appends take the chain head's row lock, so sequence numbers and prev_hash are assigned in
 * strict order by however many consumers and replicas append. Reads for export and verification stream through a
 * server-side cursor instead of loading the log into memory.
 */
@ApplicationScoped
public class AuditLogRepository {

    static final String COLUMNS = "sequence, audit_id, service, actor, actor_roles, subject, action, resource, purpose, "
            + "outcome, occurred_at, trace_id, recorded_at, prev_hash, hash, key_version";

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    /**
     * Appends unless an entry with this audit id exists, sealed with the current key; returns the stored record or
     * null for a duplicate.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditRecord append(AuditRecord event, AuditKeys keys, Instant now) {
        Object[] head = (Object[]) em.createNativeQuery(
                "SELECT last_sequence, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE").getSingleResult();
        Number exists = (Number) em.createNativeQuery("SELECT count(*) FROM audit_entry WHERE audit_id = ?1")
                .setParameter(1, event.auditId()).getSingleResult();
        if (exists.longValue() > 0) {
            return null;
        }
        long seq = ((Number) head[0]).longValue() + 1;
        String prev = ((String) head[1]).trim();
        AuditRecord r = new AuditRecord(seq, event.auditId(), event.service(), event.actor(),
                event.actorRoles() == null ? List.of() : event.actorRoles().stream().sorted().toList(),
                event.subject(), event.action(), event.resource(), event.purpose(), event.outcome(),
                AuditRecord.micros(event.occurredAt()), event.traceId(), AuditRecord.micros(now), prev, null,
                keys.currentVersion());
        String hash = AuditChain.seal(r, prev, keys);
        em.createNativeQuery("INSERT INTO audit_entry (" + COLUMNS + ") VALUES "
                        + "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)")
                .setParameter(1, seq).setParameter(2, r.auditId()).setParameter(3, r.service())
                .setParameter(4, r.actor()).setParameter(5, String.join(",", r.actorRoles()))
                .setParameter(6, r.subject()).setParameter(7, r.action()).setParameter(8, r.resource())
                .setParameter(9, r.purpose()).setParameter(10, r.outcome())
                .setParameter(11, Timestamp.from(r.occurredAt())).setParameter(12, r.traceId())
                .setParameter(13, Timestamp.from(r.recordedAt())).setParameter(14, prev).setParameter(15, hash)
                .setParameter(16, (short) r.keyVersion())
                .executeUpdate();
        em.createNativeQuery("UPDATE audit_chain_head SET last_sequence = ?1, last_hash = ?2 WHERE id = 1")
                .setParameter(1, seq).setParameter(2, hash).executeUpdate();
        return new AuditRecord(seq, r.auditId(), r.service(), r.actor(), r.actorRoles(), r.subject(), r.action(),
                r.resource(), r.purpose(), r.outcome(), r.occurredAt(), r.traceId(), r.recordedAt(), prev, hash,
                r.keyVersion());
    }

    /** Filters of the query and export endpoints; null means "any". */
    public record Filter(String actor, String subject, String action, String service, Instant from, Instant to) {
        String where(List<Object> params) {
            StringBuilder sb = new StringBuilder(" WHERE 1=1");
            add(sb, params, "actor = ?", actor);
            add(sb, params, "subject = ?", subject);
            add(sb, params, "action = ?", action);
            add(sb, params, "service = ?", service);
            add(sb, params, "occurred_at >= ?", from == null ? null : Timestamp.from(from));
            add(sb, params, "occurred_at < ?", to == null ? null : Timestamp.from(to));
            return sb.toString();
        }

        private static void add(StringBuilder sb, List<Object> params, String clause, Object value) {
            if (value != null) {
                sb.append(" AND ").append(clause);
                params.add(value);
            }
        }
    }

    public record Page(List<AuditRecord> items, long total) {
    }

    public Page find(Filter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = filter.where(params);
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM audit_entry" + where)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<AuditRecord> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_entry" + where
                    + " ORDER BY sequence DESC LIMIT ? OFFSET ?")) {
                List<Object> all = new ArrayList<>(params);
                all.add(size);
                all.add((long) page * size);
                bind(ps, all);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(read(rs));
                    }
                }
            }
            return new Page(items, total);
        } catch (SQLException e) {
            throw new IllegalStateException("audit query failed: " + e.getMessage(), e);
        }
    }

    /** Streams matching entries in sequence order to {@code sink} through a cursor (for export and verify). */
    public void stream(Filter filter, Consumer<AuditRecord> sink) {
        List<Object> params = new ArrayList<>();
        stream(filter == null ? "" : filter.where(params), params, sink);
    }

    /** Streams the entries after {@code afterSequence} in sequence order (checkpointing verifies only what is new). */
    public void streamAfter(long afterSequence, Consumer<AuditRecord> sink) {
        List<Object> params = new ArrayList<>();
        params.add(afterSequence);
        stream(" WHERE sequence > ?", params, sink);
    }

    private void stream(String where, List<Object> params, Consumer<AuditRecord> sink) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL only uses a cursor (fetch size) inside a transaction
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_entry" + where
                    + " ORDER BY sequence")) {
                ps.setFetchSize(1000);
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(read(rs));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit stream failed: " + e.getMessage(), e);
        }
    }

    /** The latest purge anchor: {last_purged_sequence, last_purged_hash}, or null when nothing was purged. */
    public Object[] latestAnchor() {
        List<?> rows = em.createNativeQuery("SELECT last_purged_sequence, last_purged_hash FROM audit_chain_anchor "
                + "ORDER BY id DESC LIMIT 1").getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        return new Object[] {((Number) row[0]).longValue(), ((String) row[1]).trim()};
    }

    /** This chain's identity and the last sequence that may be unkeyed (written before the keyed chain; V10). */
    public record Keying(String chainId, long legacyUntilSequence) {
    }

    public Keying keying() {
        List<?> rows = em.createNativeQuery("SELECT chain_id::text, legacy_until_sequence FROM audit_chain_keying "
                + "WHERE id = 1").getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("audit_chain_keying has no row: the keyed chain was not set up (V10)");
        }
        Object[] r = (Object[]) rows.get(0);
        return new Keying((String) r[0], ((Number) r[1]).longValue());
    }

    /** Keeps a copy of a published checkpoint (append-only for the runtime role). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void storeCheckpoint(Checkpoint c) {
        em.createNativeQuery("INSERT INTO audit_checkpoint (chain_id, sequence, hash, signed_at, key_version, "
                        + "signature) VALUES (CAST(?1 AS uuid), ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, c.chainId()).setParameter(2, c.sequence()).setParameter(3, c.hash())
                .setParameter(4, Timestamp.from(c.signedAt())).setParameter(5, (short) c.keyVersion())
                .setParameter(6, c.signature()).executeUpdate();
    }

    /** The stored checkpoints with the highest sequences, newest first (the caller checks their signatures). */
    public List<Checkpoint> latestCheckpoints(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT chain_id::text, sequence, hash, signed_at, key_version, "
                + "signature FROM audit_checkpoint ORDER BY sequence DESC, id DESC LIMIT ?1").setParameter(1, limit)
                .getResultList();
        return rows.stream().map(r -> new Checkpoint((String) r[0], ((Number) r[1]).longValue(),
                ((String) r[2]).trim(), RetentionRepository.instant(r[3]), ((Number) r[4]).intValue(),
                ((String) r[5]).trim())).toList();
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    static AuditRecord read(ResultSet rs) throws SQLException {
        String roles = rs.getString("actor_roles");
        return new AuditRecord(rs.getLong("sequence"), rs.getString("audit_id"), rs.getString("service"),
                rs.getString("actor"), roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")),
                rs.getString("subject"), rs.getString("action"), rs.getString("resource"), rs.getString("purpose"),
                rs.getString("outcome"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("trace_id"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("prev_hash").trim(),
                rs.getString("hash").trim(), rs.getInt("key_version"));
    }
}
