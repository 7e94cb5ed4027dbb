package io.wem.governance.domain.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One stored audit entry: the reported event, where it sits in the chain, and its hashes.
 * Times are kept at microsecond precision (what PostgreSQL stores) so a hash computed before the insert equals the
 * one recomputed from the row. {@code keyVersion} names the HMAC key that sealed the entry (0: unkeyed SHA-256,
 * entries written before the keyed chain).
 */
public record AuditRecord(
        long sequence,
        String auditId,
        String service,
        String actor,
        List<String> actorRoles,
        String subject,
        String action,
        String resource,
        String purpose,
        String outcome,
        Instant occurredAt,
        String traceId,
        Instant recordedAt,
        String prevHash,
        String hash,
        int keyVersion) {

    /** An unkeyed (legacy, key version 0) record. */
    public AuditRecord(long sequence, String auditId, String service, String actor, List<String> actorRoles,
                       String subject, String action, String resource, String purpose, String outcome,
                       Instant occurredAt, String traceId, Instant recordedAt, String prevHash, String hash) {
        this(sequence, auditId, service, actor, actorRoles, subject, action, resource, purpose, outcome, occurredAt,
                traceId, recordedAt, prevHash, hash, 0);
    }

    public static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }
}
