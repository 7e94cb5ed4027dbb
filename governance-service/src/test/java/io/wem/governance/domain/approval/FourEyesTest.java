package io.wem.governance.domain.approval;

import io.wem.governance.domain.retention.RetentionWindow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FourEyesTest {
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    static Proposal proposal(String by, String subject) {
        return new Proposal("p1", ChangeKind.RETENTION_SHORTEN, "transcript", Map.of("window", "P30D"), "s", by,
                subject, NOW, FourEyes.expiry(NOW, Duration.ofDays(7)), ProposalStatus.PENDING, null, null, null);
    }

    static FourEyes.Refusal refusal(Proposal p, String subject, String name, Set<String> roles, Instant at) {
        return assertThrows(FourEyes.RefusedException.class,
                () -> FourEyes.decide(p, subject, name, roles, at, true)).refusal();
    }

    @Test
    void theProposerCannotApproveOrRejectUnderAnyName() {
        Proposal p = proposal("alice", "sub-alice");
        assertEquals(FourEyes.Refusal.SAME_PERSON, refusal(p, "sub-alice", "alice", Set.of("ciso"), NOW));
        assertEquals(FourEyes.Refusal.SAME_PERSON, refusal(p, "sub-alice", "alice-2nd-login", Set.of("ciso"), NOW));
        assertEquals(FourEyes.Refusal.SAME_PERSON, refusal(p, "other-subject", "alice", Set.of("ciso"), NOW));
        assertEquals(FourEyes.Refusal.SAME_PERSON, refusal(p, null, null, Set.of("ciso"), NOW));
        assertThrows(FourEyes.RefusedException.class,
                () -> FourEyes.decide(p, "sub-alice", "alice", Set.of("ciso"), NOW, false));
    }

    @Test
    void onlyACisoDecides() {
        Proposal p = proposal("alice", "sub-alice");
        assertEquals(FourEyes.Refusal.NOT_APPROVER, refusal(p, "sub-bob", "bob", Set.of("governance-admin"), NOW));
        assertEquals(ProposalStatus.APPROVED, FourEyes.decide(p, "sub-bob", "bob", Set.of("ciso"), NOW, true));
        assertEquals(ProposalStatus.REJECTED, FourEyes.decide(p, "sub-bob", "bob", Set.of("ciso"), NOW, false));
    }

    @Test
    void proposalsExpireAndDecidedOnesStayDecided() {
        Proposal p = proposal("alice", "sub-alice");
        Instant justBefore = p.expiresAt().minusMillis(1);
        assertEquals(ProposalStatus.APPROVED, FourEyes.decide(p, "b", "bob", Set.of("ciso"), justBefore, true));
        assertEquals(FourEyes.Refusal.EXPIRED, refusal(p, "b", "bob", Set.of("ciso"), p.expiresAt()));
        assertEquals(ProposalStatus.EXPIRED, p.statusAt(p.expiresAt().plusSeconds(1)));
        Proposal done = p.decided(ProposalStatus.REJECTED, "bob", NOW, null);
        assertEquals(FourEyes.Refusal.ALREADY_DECIDED, refusal(done, "c", "carol", Set.of("ciso"), NOW));
        assertThrows(IllegalArgumentException.class, () -> FourEyes.expiry(NOW, Duration.ZERO));
    }

    @Test
    void shorteningIsJudgedByTheCutoffNotTheText() {
        assertTrue(FourEyes.shortens(RetentionWindow.parse("P90D"), RetentionWindow.parse("P30D"), NOW));
        assertTrue(FourEyes.shortens(RetentionWindow.parse("P7Y"), RetentionWindow.parse("PT1S"), NOW));
        assertTrue(FourEyes.shortens(RetentionWindow.parse("P1M"), RetentionWindow.parse("P27D"), NOW));
        // the month before 1 March is February: P1M is 28 days there, shorter than P30D, longer than P27D
        assertTrue(FourEyes.shortens(RetentionWindow.parse("P30D"), RetentionWindow.parse("P1M"), NOW));
        assertFalse(FourEyes.shortens(RetentionWindow.parse("P27D"), RetentionWindow.parse("P1M"), NOW));
        assertFalse(FourEyes.shortens(RetentionWindow.parse("P90D"), RetentionWindow.parse("P90D"), NOW));
        assertFalse(FourEyes.shortens(RetentionWindow.parse("P90D"), RetentionWindow.parse("PT2160H"),
                NOW));
    }

    /** Property over random window pairs (seeded): exactly one of a shortening and its reverse needs four eyes. */
    @Test
    void aChangeAndItsReverseAreNeverBothImmediate() {
        Random random = new Random(20261204L);
        List<String> units = List.of("D", "M", "Y");
        for (int i = 0; i < 2000; i++) {
            RetentionWindow a = RetentionWindow.parse("P" + (1 + random.nextInt(400)) + units.get(random.nextInt(3)));
            RetentionWindow b = random.nextBoolean()
                    ? RetentionWindow.parse("PT" + (1 + random.nextInt(100_000)) + "H")
                    : RetentionWindow.parse("P" + (1 + random.nextInt(400)) + units.get(random.nextInt(3)));
            Instant at = NOW.plus(Duration.ofDays(random.nextInt(3650)));
            boolean same = a.cutoff(at).equals(b.cutoff(at));
            assertEquals(!same, FourEyes.shortens(a, b, at) ^ FourEyes.shortens(b, a, at), a.text() + " " + b.text());
        }
    }
}
