package io.wem.governance.domain.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The keyed chain and its checkpoints against an attacker who can write the table but does not hold the key. */
class KeyedChainTest {
    static final AuditKeys KEYS = new AuditKeys(2, Map.of(1, "k".repeat(40), 2, "a-different-key-of-enough-length-2"));
    static final AuditKeys ATTACKER = new AuditKeys(2, Map.of(1, "guessed-key-guessed-key-guessed-key-1",
            2, "guessed-key-guessed-key-guessed-key-2"));

    /** A chain of n entries after {@code legacy} unkeyed ones; keyed entries use key version 1 then 2 (rotation). */
    static List<AuditRecord> chain(int legacy, int n, AuditKeys keys, long seed) {
        Random random = new Random(seed);
        List<AuditRecord> out = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= legacy + n; i++) {
            int version = i <= legacy ? 0 : (i <= legacy + n / 2 ? 1 : 2);
            AuditRecord r = record(i, "actor-" + random.nextInt(1000), prev, null, version);
            String h = AuditChain.seal(r, prev, keys);
            out.add(record(i, r.actor(), prev, h, version));
            prev = h;
        }
        return out;
    }

    static AuditRecord record(long seq, String actor, String prev, String hash, int version) {
        return new AuditRecord(seq, "a-" + seq, "signal-service", actor, List.of("supervisor"), "agent-" + seq, "READ",
                "signal-service:gaps", "coaching", "SUCCESS", Instant.parse("2026-01-01T10:00:00Z").plusSeconds(seq),
                null, Instant.parse("2026-01-01T10:00:01Z").plusSeconds(seq), prev, hash, version);
    }

    static AuditChain.Verification verify(List<AuditRecord> c, long legacyUntil, Checkpoint cp) {
        AuditChain.Verifier v = new AuditChain.Verifier(null, null, KEYS, legacyUntil).against(cp);
        c.forEach(v::accept);
        return v.result();
    }

    /** What an attacker with only table access does: rewrite entry k and re-seal the rest with what they have. */
    static List<AuditRecord> rewrite(List<AuditRecord> c, int k, AuditKeys attackerKeys, boolean downgrade) {
        List<AuditRecord> out = new ArrayList<>(c.subList(0, k - 1));
        String prev = k == 1 ? AuditChain.GENESIS : c.get(k - 2).hash();
        for (AuditRecord r : c.subList(k - 1, c.size())) {
            int version = downgrade ? 0 : r.keyVersion();
            String actor = r.sequence() == k ? "someone-else" : r.actor();
            AuditRecord x = record(r.sequence(), actor, prev, null, version);
            String h = AuditChain.seal(x, prev, attackerKeys);
            out.add(record(r.sequence(), actor, prev, h, version));
            prev = h;
        }
        return out;
    }

    @Test
    void keyedChainWithLegacyPrefixAndRotatedKeysVerifies() {
        for (long seed = 1; seed <= 20; seed++) {
            List<AuditRecord> c = chain(5, 10, KEYS, seed);
            assertTrue(verify(c, 5, null).valid(), "seed " + seed);
        }
    }

    @Test
    void aRewriteResealedWithoutTheKeyIsNamed() {
        for (long seed = 1; seed <= 20; seed++) {
            List<AuditRecord> c = chain(3, 12, KEYS, seed);
            int k = 4 + (int) (seed % 11);
            AuditChain.Verification v = verify(rewrite(c, k, ATTACKER, false), 3, null);
            assertFalse(v.valid());
            assertEquals(k, v.firstBrokenSequence());
        }
    }

    @Test
    void downgradingToTheUnkeyedHashAfterTheSwitchIsRefused() {
        // The attack on the unkeyed chain: rewrite entry 6 and re-hash the tail with plain SHA-256; it verifies.
        List<AuditRecord> unkeyed = chain(11, 0, KEYS, 7);
        AuditChain.Verifier legacy = new AuditChain.Verifier(null, null);
        rewrite(unkeyed, 6, KEYS, true).forEach(legacy::accept);
        assertTrue(legacy.result().valid(), "the unkeyed chain accepts the forgery (the attack before V10)");
        // On the keyed chain the same forgery (downgrading to unkeyed entries) is named.
        List<AuditRecord> c = chain(3, 8, KEYS, 7);
        List<AuditRecord> forged = rewrite(c, 6, KEYS, true);
        AuditChain.Verification v = verify(forged, 3, null);
        assertFalse(v.valid());
        assertEquals(6L, v.firstBrokenSequence());
        assertTrue(v.reason().contains("unkeyed"), v.reason());
    }

    @Test
    void truncatingTheNewestEntriesIsOnlyCaughtAgainstACheckpoint() {
        List<AuditRecord> c = chain(0, 10, KEYS, 3);
        Checkpoint cp = Checkpoint.sign("chain-a", 10, c.get(9).hash(), Instant.parse("2026-01-02T00:00:00Z"), KEYS);
        List<AuditRecord> truncated = c.subList(0, 7);
        assertTrue(verify(truncated, 0, null).valid(), "without a checkpoint a shorter chain is a valid chain");
        AuditChain.Verification v = verify(truncated, 0, cp);
        assertFalse(v.valid());
        assertEquals(8L, v.firstBrokenSequence());
        assertEquals(10L, v.checkpointSequence());
        assertTrue(verify(c, 0, cp).valid());
        assertTrue(verify(chain(0, 10, KEYS, 3), 0, cp).valid());
    }

    @Test
    void aRewriteUpToTheCheckpointIsNamedAtTheCheckpoint() {
        List<AuditRecord> c = chain(0, 10, KEYS, 4);
        Checkpoint cp = Checkpoint.sign("chain-a", 10, c.get(9).hash(), Instant.parse("2026-01-02T00:00:00Z"), KEYS);
        // Even an attacker holding the key who re-seals from entry 3 on cannot match the published head.
        AuditChain.Verification v = verify(rewrite(c, 3, KEYS, false), 0, cp);
        assertFalse(v.valid());
        assertEquals(10L, v.firstBrokenSequence());
    }

    @Test
    void checkpointSignaturesBindEveryFieldAndTheKey() {
        Checkpoint cp = Checkpoint.sign("chain-a", 10, "ab".repeat(32), Instant.parse("2026-01-02T00:00:00Z"), KEYS);
        assertTrue(cp.signatureValid(KEYS));
        assertFalse(new Checkpoint("chain-a", 11, cp.hash(), cp.signedAt(), cp.keyVersion(), cp.signature())
                .signatureValid(KEYS));
        assertFalse(new Checkpoint("chain-b", 10, cp.hash(), cp.signedAt(), cp.keyVersion(), cp.signature())
                .signatureValid(KEYS));
        assertFalse(new Checkpoint("chain-a", 10, "cd".repeat(32), cp.signedAt(), cp.keyVersion(), cp.signature())
                .signatureValid(KEYS));
        assertFalse(new Checkpoint("chain-a", 10, cp.hash(), cp.signedAt().plusSeconds(1), cp.keyVersion(),
                cp.signature()).signatureValid(KEYS));
        assertFalse(Checkpoint.sign("chain-a", 10, cp.hash(), cp.signedAt(), ATTACKER).signatureValid(KEYS));
    }

    @Test
    void shortOrMissingKeysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AuditKeys(1, Map.of(1, "short")));
        assertThrows(IllegalArgumentException.class, () -> new AuditKeys(2, Map.of(1, "k".repeat(40))));
        assertThrows(IllegalArgumentException.class, () -> new AuditKeys(0, Map.of(0, "k".repeat(40))));
    }
}
