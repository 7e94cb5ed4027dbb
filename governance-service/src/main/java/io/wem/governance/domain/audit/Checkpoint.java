package io.wem.governance.domain.audit;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A signed statement of the audit chain's head: "at {@code signedAt} the chain ended at {@code sequence} with
 * {@code hash}". Published outside the database, it lets verification notice that the newest entries were removed
 * or rewritten (which the chain alone cannot show: a shorter chain is still a valid chain). {@code chainId} names the
 * chain (one per database), so a checkpoint of another chain is never compared with this one.
 */
public record Checkpoint(String chainId, long sequence, String hash, Instant signedAt, int keyVersion,
                         String signature) {

    /** Domain separation: a checkpoint signature can never be mistaken for (or reused as) an entry's seal. */
    static final String PREFIX = "wem-audit-checkpoint/v1|";

    public static Checkpoint sign(String chainId, long sequence, String hash, Instant signedAt, AuditKeys keys) {
        Instant at = AuditRecord.micros(signedAt);
        return new Checkpoint(chainId, sequence, hash, at, keys.currentVersion(),
                keys.mac(keys.currentVersion(), message(chainId, sequence, hash, at)));
    }

    /** True when the signature was made with one of {@code keys} over exactly these fields. */
    public boolean signatureValid(AuditKeys keys) {
        if (chainId == null || signature == null || hash == null || signedAt == null || !keys.has(keyVersion)) {
            return false;
        }
        String expected = keys.mac(keyVersion, message(chainId, sequence, hash, AuditRecord.micros(signedAt)));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static String message(String chainId, long sequence, String hash, Instant at) {
        return PREFIX + chainId + "|" + sequence + "|" + hash + "|" + at;
    }
}
