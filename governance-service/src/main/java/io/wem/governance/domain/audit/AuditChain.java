package io.wem.governance.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain of the audit log: hash = HMAC-SHA256 (key version >= 1; see {@link AuditKeys}) or, for entries
 * written before the keyed chain, plain SHA-256 (key version 0) over the entry's canonical fields and the previous
 * entry's hash. Without the key, whoever can write the table cannot produce a matching seal for a changed entry.
 * Changing, removing or reordering any entry changes every hash after it, so {@link Verifier} names the first entry
 * whose stored hash no longer matches. Canonical form: every field as {@code <length>:<value>;} (null as {@code -;}),
 * times as ISO-8601 UTC with microseconds, roles sorted and joined by commas.
 */
public final class AuditChain {

    /** prev_hash of the first entry ever (or of the first entry after a purge, the anchor's hash). */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The legacy, unkeyed seal (key version 0). */
    public static String hash(AuditRecord r, String prevHash) {
        return sha256(canonical(r, prevHash).toString());
    }

    /** The seal of {@code r} under its key version: HMAC-SHA256 for version >= 1, legacy SHA-256 for 0. */
    public static String seal(AuditRecord r, String prevHash, AuditKeys keys) {
        if (r.keyVersion() == 0) {
            return hash(r, prevHash);
        }
        StringBuilder sb = canonical(r, prevHash);
        field(sb, Integer.toString(r.keyVersion()));
        return keys.mac(r.keyVersion(), sb.toString());
    }

    private static StringBuilder canonical(AuditRecord r, String prevHash) {
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
        return sb;
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

    /**
     * Result of a verification: how many entries were checked, the first broken one if any, and the sequence of the
     * signed checkpoint the chain was compared with (null when none could be read).
     */
    public record Verification(boolean valid, long entries, Long firstBrokenSequence, String reason,
                               Long checkpointSequence) {
        public Verification(boolean valid, long entries, Long firstBrokenSequence, String reason) {
            this(valid, entries, firstBrokenSequence, reason, null);
        }
    }

    /** Checks entries fed in sequence order, starting from the anchor hash (GENESIS when nothing was purged). */
    public static final class Verifier {
        private String expectedPrev;
        private Long expectedSequence;
        private long entries;
        private Long broken;
        private String reason;
        private final AuditKeys keys;
        private final long legacyUntil;
        private final Long anchorSequence;
        private Checkpoint checkpoint;
        private Long lastSequence;
        private String hashAtCheckpoint;

        /** An unkeyed chain (every entry key version 0), as before the keyed chain. */
        public Verifier(String anchorHash, Long anchorSequence) {
            this(anchorHash, anchorSequence, null, Long.MAX_VALUE);
        }

        /**
         * @param keys        the chain's HMAC keys
         * @param legacyUntil the last sequence that may be unkeyed (the switch to the keyed chain); an unkeyed entry
         *                    after it is refused, so nobody can append or substitute entries sealed without the key
         */
        public Verifier(String anchorHash, Long anchorSequence, AuditKeys keys, long legacyUntil) {
            this.expectedPrev = anchorHash == null ? GENESIS : anchorHash;
            this.expectedSequence = anchorSequence == null ? null : anchorSequence + 1;
            this.anchorSequence = anchorSequence;
            this.keys = keys;
            this.legacyUntil = legacyUntil;
        }

        /** Also compares the chain with a signed head checkpoint (whose signature the caller has checked). */
        public Verifier against(Checkpoint latest) {
            this.checkpoint = latest;
            return this;
        }

        public void accept(AuditRecord r) {
            entries++;
            lastSequence = r.sequence();
            if (checkpoint != null && r.sequence() == checkpoint.sequence()) {
                hashAtCheckpoint = r.hash();
            }
            if (broken != null) {
                return;
            }
            if (expectedSequence != null && r.sequence() != expectedSequence) {
                fail(r.sequence(), "sequence gap: expected " + expectedSequence + " (an entry was removed)");
            } else if (!expectedPrev.equals(r.prevHash())) {
                fail(r.sequence(), "prev_hash does not match the previous entry's hash");
            } else if (r.keyVersion() == 0 && r.sequence() > legacyUntil) {
                fail(r.sequence(), "unkeyed entry after the switch to the keyed chain (sequence " + legacyUntil + ")");
            } else if (r.keyVersion() > 0 && (keys == null || !keys.has(r.keyVersion()))) {
                fail(r.sequence(), "no audit key for key version " + r.keyVersion());
            } else if (!seal(r, r.prevHash(), keys).equals(r.hash())) {
                fail(r.sequence(), "hash does not match the entry's fields (the entry was changed)");
            }
            expectedPrev = r.hash();
            expectedSequence = r.sequence() + 1;
        }

        private void fail(long sequence, String why) {
            broken = sequence;
            reason = why;
        }

        public Verification result() {
            if (broken == null && checkpoint != null
                    && (anchorSequence == null || checkpoint.sequence() > anchorSequence)) {
                long last = lastSequence != null ? lastSequence : anchorSequence == null ? 0 : anchorSequence;
                if (last < checkpoint.sequence()) {
                    fail(last + 1, "the log ends at sequence " + last + " but the signed checkpoint of "
                            + checkpoint.signedAt() + " names sequence " + checkpoint.sequence()
                            + " (the newest entries were removed)");
                } else if (!checkpoint.hash().equals(hashAtCheckpoint)) {
                    fail(checkpoint.sequence(), "entry " + checkpoint.sequence() + " differs from the signed "
                            + "checkpoint of " + checkpoint.signedAt() + " (history was rewritten)");
                }
            }
            return new Verification(broken == null, entries, broken, reason,
                    checkpoint == null ? null : checkpoint.sequence());
        }
    }

    public static Verification verify(List<AuditRecord> records, String anchorHash, Long anchorSequence) {
        Verifier v = new Verifier(anchorHash, anchorSequence);
        records.forEach(v::accept);
        return v.result();
    }
}
