package io.wem.governance.domain.audit;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A signed statement of the audit chain's head: "at {@code signedAt} the chain ended at {@code sequence} with
 * {@code hash}". Published outside the database, it lets verification notice that the newest entries were removed
 * or rewritten (which the chain alone cannot show: a shorter chain is still a valid chain).
 */
public record Checkpoint(long sequence, String hash, Instant signedAt, int keyVersion, String signature) {

    /** Domain separation: a checkpoint signature can never be mistaken for (or reused as) an entry's seal. */
    static final String PREFIX = "wem-audit-checkpoint/v1|";

    public static Checkpoint sign(long sequence, String hash, Instant signedAt, AuditKeys keys) {
        Instant at = AuditRecord.micros(signedAt);
        return new Checkpoint(sequence, hash, at, keys.currentVersion(),
                keys.mac(keys.currentVersion(), message(sequence, hash, at)));
    }

    /** True when the signature was made with one of {@code keys} over exactly these fields. */
    public boolean signatureValid(AuditKeys keys) {
        if (signature == null || hash == null || signedAt == null || !keys.has(keyVersion)) {
            return false;
        }
        String expected = keys.mac(keyVersion, message(sequence, hash, AuditRecord.micros(signedAt)));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static String message(long sequence, String hash, Instant at) {
        return PREFIX + sequence + "|" + hash + "|" + at;
    }
}
