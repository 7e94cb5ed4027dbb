package io.wem.governance.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain of the audit log: hash = SHA-256 over the entry's canonical fields and the previous entry's hash.
 * Changing, removing or reordering any entry changes every hash after it, so {@link Verifier} names the first entry
 * whose stored hash no longer matches. Canonical form: every field as {@code <length>:<value>;} (null as {@code -;}),
 * times as ISO-8601 UTC with microseconds, roles sorted and joined by commas.
 */
public final class AuditChain {

    /** prev_hash of the first entry ever (or of the first entry after a purge, the anchor's hash). */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(AuditRecord r, String prevHash) {
        StringBuilder sb = new StringBuilder(256);
        field(sb, Long.toString(r.sequence()));
        field(sb, r.auditId());
        field(sb, r.service());
        field(sb, r.actor());
        field(sb, r.actorRoles() == null ? null : String.join(",", r.actorRoles().stream().sorted().toList()));
        field(sb, r.subject());
        field(sb, r.action());
        field(sb, r.resource());
        field(sb, r.purpose());
        field(sb, r.outcome());
        field(sb, r.occurredAt() == null ? null : AuditRecord.micros(r.occurredAt()).toString());
        field(sb, r.traceId());
        field(sb, r.recordedAt() == null ? null : AuditRecord.micros(r.recordedAt()).toString());
        field(sb, prevHash);
        return sha256(sb.toString());
    }

    private static void field(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("-;");
        } else {
            sb.append(value.length()).append(':').append(value).append(';');
        }
    }

    static String sha256(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Result of a verification: how many entries were checked and the first broken one, if any. */
    public record Verification(boolean valid, long entries, Long firstBrokenSequence, String reason) {
    }

    /** Checks entries fed in sequence order, starting from the anchor hash (GENESIS when nothing was purged). */
    public static final class Verifier {
        private String expectedPrev;
        private Long expectedSequence;
        private long entries;
        private Long broken;
        private String reason;

        public Verifier(String anchorHash, Long anchorSequence) {
            this.expectedPrev = anchorHash == null ? GENESIS : anchorHash;
            this.expectedSequence = anchorSequence == null ? null : anchorSequence + 1;
        }

        public void accept(AuditRecord r) {
            entries++;
            if (broken != null) {
                return;
            }
            if (expectedSequence != null && r.sequence() != expectedSequence) {
                fail(r, "sequence gap: expected " + expectedSequence + " (an entry was removed)");
            } else if (!expectedPrev.equals(r.prevHash())) {
                fail(r, "prev_hash does not match the previous entry's hash");
            } else if (!hash(r, r.prevHash()).equals(r.hash())) {
                fail(r, "hash does not match the entry's fields (the entry was changed)");
            }
            expectedPrev = r.hash();
            expectedSequence = r.sequence() + 1;
        }

        private void fail(AuditRecord r, String why) {
            broken = r.sequence();
            reason = why;
        }

        public Verification result() {
            return new Verification(broken == null, entries, broken, reason);
        }
    }

    public static Verification verify(List<AuditRecord> records, String anchorHash, Long anchorSequence) {
        Verifier v = new Verifier(anchorHash, anchorSequence);
        records.forEach(v::accept);
        return v.result();
    }
}
