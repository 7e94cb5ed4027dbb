package io.wem.governance.domain.retention;

import io.wem.common.contracts.PurgeCommand;
import io.wem.common.contracts.PurgeResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionDomainTest {
    static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");
    static final Duration GRACE = Duration.ofDays(2);

    static RetentionPolicy policy(String window) {
        return new RetentionPolicy("transcript", "signal-service", window, "legitimate interest", "dpo",
                NOW.minus(Duration.ofDays(100)), "seed");
    }

    @Test
    void windowsParseAndCutoff() {
        assertEquals(Instant.parse("2026-04-01T12:00:00Z"), RetentionWindow.parse("P90D").cutoff(NOW));
        assertEquals(Instant.parse("2025-06-30T12:00:00Z"), RetentionWindow.parse("P1Y").cutoff(NOW));
        assertEquals(Instant.parse("2026-05-30T12:00:00Z"), RetentionWindow.parse("p1m").cutoff(NOW));
        assertEquals(Instant.parse("2026-06-29T00:00:00Z"), RetentionWindow.parse("PT36H").cutoff(NOW));
        for (String bad : List.of("", "90 days", "P0D", "P-5D", "PT0S", "P", "-P1D")) {
            assertThrows(IllegalArgumentException.class, () -> RetentionWindow.parse(bad), bad);
        }
    }

    @Test
    void plannerIssuesOneCommandPerClassWithActiveHoldsOnly() {
        LegalHold active = new LegalHold("h1", "CASE-1", "litigation", List.of("agent-1"), List.of(), null, null,
                "ga", NOW, null, null);
        LegalHold released = new LegalHold("h2", "CASE-2", "done", List.of("agent-2"), List.of(), null, null, "ga",
                NOW, NOW, "ga");
        List<PurgeCommand> cmds = PurgePlanner.plan(List.of(policy("P90D"),
                new RetentionPolicy("coaching-record", null, "P2Y", "contract", "hr", NOW, "seed")),
                List.of(active, released), NOW);
        assertEquals(2, cmds.size());
        assertEquals("signal-service", cmds.get(0).service());
        assertEquals(Instant.parse("2026-04-01T12:00:00Z"), cmds.get(0).cutoff());
        assertEquals("coaching-service", cmds.get(1).service());
        assertEquals(1, cmds.get(0).holds().size());
        assertEquals("h1", cmds.get(0).holds().get(0).holdId());
    }

    static PurgeResult result(Instant oldest, long held, String error, Instant completed) {
        return new PurgeResult("c", "signal-service", "transcript", NOW, 5, held, oldest, completed, error);
    }

    @Test
    void complianceFlagsOnlyUnexplainedOldRecords() {
        RetentionPolicy p = policy("P90D");
        var ok = ComplianceAssessor.assess(p, result(NOW.minus(Duration.ofDays(80)), 0, null, NOW), NOW, GRACE);
        assertFalse(ok.breach());
        assertEquals("COMPLIANT", ok.status());
        assertEquals(80L, ok.oldestRemainingAgeDays());
        var withinGrace = ComplianceAssessor.assess(p, result(NOW.minus(Duration.ofDays(91)), 0, null, NOW), NOW, GRACE);
        assertFalse(withinGrace.breach());
        var breach = ComplianceAssessor.assess(p, result(NOW.minus(Duration.ofDays(120)), 0, null, NOW), NOW, GRACE);
        assertTrue(breach.breach());
        assertEquals("BREACH", breach.status());
        var held = ComplianceAssessor.assess(p, result(NOW.minus(Duration.ofDays(400)), 3, null, NOW), NOW, GRACE);
        assertFalse(held.breach());
        assertEquals("HELD", held.status());
        assertTrue(ComplianceAssessor.assess(p, result(null, 0, "db down", NOW), NOW, GRACE).breach());
        assertTrue(ComplianceAssessor.assess(p, null, NOW, GRACE).breach());
        assertFalse(ComplianceAssessor.assess(new RetentionPolicy("transcript", "signal-service", "P90D", "x", "y",
                NOW, "ga"), null, NOW, GRACE).breach());
        assertTrue(ComplianceAssessor.assess(p, result(null, 0, null, NOW.minus(Duration.ofDays(10))), NOW, GRACE)
                .breach());
    }
}
