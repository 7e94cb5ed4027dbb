package io.wem.wellbeing.domain;

import io.wem.wellbeing.domain.EmotionalLoadAnalyzer.QueueTally;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BalanceLoadPolicyTest {
    static final GuardrailPolicy P = GuardrailPolicy.defaults();

    @Test
    void coachingPressurePatternNeedsEnoughSessionsAndAHighShare() {
        assertTrue(CoachingBalance.of(3, 1, P.balance()).pressurePattern());
        assertFalse(CoachingBalance.of(3, 2, P.balance()).pressurePattern(), "60% is not above 60%");
        assertFalse(CoachingBalance.of(2, 0, P.balance()).pressurePattern(), "two sessions are not a pattern");
        assertNull(CoachingBalance.of(0, 0, P.balance()).pressureShare());
        assertEquals(0.75, CoachingBalance.of(3, 1, P.balance()).pressureShare());
    }

    @Test
    void strongPerformerOnTheHardestQueueIsFlagged() {
        // Team of five: "escalations" is hard (8 of 10 difficult vs 12 of 60 team-wide).
        List<QueueTally> t = List.of(
                new QueueTally("star", "escalations", 10, 8), new QueueTally("star", "billing", 2, 0),
                new QueueTally("a2", "billing", 12, 1), new QueueTally("a3", "billing", 12, 1),
                new QueueTally("a4", "billing", 12, 1), new QueueTally("a5", "billing", 12, 1));
        Map<String, Double> scores = Map.of("star", 95.0, "a2", 70.0, "a3", 75.0, "a4", 80.0, "a5", 72.0);
        EmotionalLoadAnalyzer.TeamLoad load = EmotionalLoadAnalyzer.analyze(t, scores, P.load());
        assertEquals(java.util.Set.of("escalations"), load.hardQueues());
        assertTrue(load.agents().get("star").flagged(), load.agents().get("star").toString());
        assertTrue(load.agents().get("star").message().contains("escalations"));
        assertFalse(load.agents().get("a2").flagged());
        // Without QA scores nobody is called a strong performer, so nothing is flagged.
        assertFalse(EmotionalLoadAnalyzer.analyze(t, Map.of(), P.load()).agents().get("star").flagged());
    }

    @Test
    void policyDefaultsFillGapsAndValidationNamesFields() {
        GuardrailPolicy partial = new GuardrailPolicy(14, Map.of(MonitoringKind.RECOGNITION, 1.0), null, -1.0, null,
                null, null, new GuardrailPolicy.RecoverySettings(null, 0, null, null, null, null), null, null, null);
        GuardrailPolicy full = partial.withDefaults();
        assertEquals(14, full.windowDays());
        assertEquals(5, full.recovery().difficultStreak());
        assertEquals(3.0, full.weight(MonitoringKind.LIVE_MONITORING));
        List<String> fields = full.validate().stream().map(GuardrailPolicy.PolicyViolation::field).toList();
        assertEquals(List.of("weights.RECOGNITION", "indexCap", "recovery.breakMinutes"), fields);
        assertTrue(GuardrailPolicy.defaults().validate().isEmpty());
    }
}
