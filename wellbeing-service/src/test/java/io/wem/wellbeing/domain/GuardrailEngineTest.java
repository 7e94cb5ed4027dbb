package io.wem.wellbeing.domain;

import io.wem.wellbeing.domain.GuardrailEngine.Outcome;
import io.wem.wellbeing.domain.GuardrailEngine.PriorReview;
import io.wem.wellbeing.domain.GuardrailEngine.Request;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuardrailEngineTest {
    static final Instant NOW = Instant.parse("2026-03-10T12:30:00Z");
    static final GuardrailPolicy POLICY = GuardrailPolicy.defaults();

    static FactCount fact(MonitoringKind kind, String hoursAgo, int count) {
        return new FactCount(kind, null, FactCount.bucketOf(NOW.minus(Duration.parse("PT" + hoursAgo))), count);
    }

    static Outcome eval(ActionKind kind, boolean automated, List<FactCount> facts) {
        return eval(kind, automated, null, facts, RecoveryState.FRESH, POLICY, null);
    }

    static Outcome eval(ActionKind kind, boolean automated, CoachingTheme theme, List<FactCount> facts,
                        RecoveryState recovery, GuardrailPolicy policy, PriorReview prior) {
        return GuardrailEngine.evaluate(new Request(kind, automated, theme), new IntensityWindow(facts, policy, NOW),
                recovery, policy, prior, NOW);
    }

    @Test
    void allowsWithinCapsAndCountsTheAction() {
        Outcome o = eval(ActionKind.QA_EVALUATION, false, List.of(fact(MonitoringKind.QA_EVALUATION, "30H", 1)));
        assertEquals(Decision.ALLOW, o.decision());
        assertTrue(o.countsAsFact());
        assertEquals(2.0, o.intensityIndex());
        assertNull(o.earliestAt());
    }

    @Test
    void kindCapReachedDefersUntilTheOldestFactLeavesTheWindow() {
        // 4 QA evaluations (the default cap): the oldest, 6 days 2 hours ago, leaves the 7-day window first.
        List<FactCount> facts = List.of(fact(MonitoringKind.QA_EVALUATION, "146H", 1),
                fact(MonitoringKind.QA_EVALUATION, "50H", 2), fact(MonitoringKind.QA_EVALUATION, "2H", 1));
        Outcome o = eval(ActionKind.QA_EVALUATION, false, facts);
        assertEquals(Decision.DEFER, o.decision());
        Instant oldestBucket = FactCount.bucketOf(NOW.minus(Duration.ofHours(146)));
        assertEquals(oldestBucket.plus(Duration.ofHours(1)).plus(Duration.ofDays(7)), o.earliestAt());
        assertTrue(o.earliestAt().isAfter(NOW));
        assertFalse(o.countsAsFact());
        assertEquals(4.0, o.intensityIndex());
        assertTrue(o.reasons().get(0).contains("4 QA evaluations"), o.reasons().toString());
        assertTrue(o.reasons().get(0).contains("cap is 4"), o.reasons().toString());
    }

    @Test
    void factsOutsideTheWindowDoNotCount() {
        Outcome o = eval(ActionKind.LIVE_MONITORING, false, List.of(fact(MonitoringKind.LIVE_MONITORING, "170H", 2)));
        assertEquals(Decision.ALLOW, o.decision());
        assertEquals(3.0, o.intensityIndex());
    }

    @Test
    void totalIndexCapDefersUntilEnoughWeightLeaves() {
        // 1 live (3) + 3 screen reviews (6) + 2 QA (2) = 11; one more QA fits (12) but a live session (3) does not.
        List<FactCount> facts = new ArrayList<>(List.of(fact(MonitoringKind.SCREEN_RECORDING_REVIEW, "100H", 3),
                fact(MonitoringKind.LIVE_MONITORING, "20H", 1), fact(MonitoringKind.QA_EVALUATION, "10H", 2)));
        assertEquals(Decision.ALLOW, eval(ActionKind.QA_EVALUATION, false, facts).decision());
        Outcome o = eval(ActionKind.LIVE_MONITORING, false, facts);
        assertEquals(Decision.DEFER, o.decision());
        assertEquals(FactCount.bucketOf(NOW.minus(Duration.ofHours(100))).plus(Duration.ofHours(1))
                .plus(Duration.ofDays(7)), o.earliestAt());
        assertTrue(o.reasons().get(0).contains("intensity is 11"), o.reasons().toString());
    }

    @Test
    void automatedPerformancePlanRequiresHumanReview() {
        Outcome o = eval(ActionKind.PERFORMANCE_PLAN, true, List.of());
        assertEquals(Decision.REQUIRE_HUMAN_REVIEW, o.decision());
        assertTrue(o.needsReviewItem());
        assertFalse(o.countsAsFact());
        assertTrue(o.reasons().get(0).contains("requires a person"));
        // A person-made plan is not held for review.
        assertEquals(Decision.ALLOW, eval(ActionKind.PERFORMANCE_PLAN, false, List.of()).decision());
    }

    @Test
    void priorReviewDecidesARepeatedRequest() {
        PriorReview approved = new PriorReview(PriorReview.APPROVED, "supervisor1", "plan is fair");
        Outcome ok = eval(ActionKind.AUTOMATED_SCORE, true, null, List.of(), RecoveryState.FRESH, POLICY, approved);
        assertEquals(Decision.ALLOW, ok.decision());
        assertTrue(ok.reasons().get(0).contains("approved"));
        PriorReview rejected = new PriorReview(PriorReview.REJECTED, "supervisor1", "score model is biased");
        Outcome no = eval(ActionKind.AUTOMATED_SCORE, true, null, List.of(), RecoveryState.FRESH, POLICY, rejected);
        assertEquals(Decision.DENY, no.decision());
        PriorReview pending = new PriorReview(PriorReview.PENDING, null, null);
        Outcome wait = eval(ActionKind.AUTOMATED_SCORE, true, null, List.of(), RecoveryState.FRESH, POLICY, pending);
        assertEquals(Decision.REQUIRE_HUMAN_REVIEW, wait.decision());
        assertFalse(wait.needsReviewItem(), "a pending review is not queued twice");
    }

    @Test
    void forbiddenActionIsDenied() {
        GuardrailPolicy noLive = new GuardrailPolicy(null, null, null, null, EnumSet.of(ActionKind.LIVE_MONITORING),
                null, null, null, null, null, null).withDefaults();
        Outcome o = eval(ActionKind.LIVE_MONITORING, false, null, List.of(), RecoveryState.FRESH, noLive, null);
        assertEquals(Decision.DENY, o.decision());
        assertNull(o.earliestAt());
        assertTrue(o.reasons().get(0).contains("does not allow live monitoring"));
    }

    @Test
    void thirdPressureCoachingSessionInAWeekIsDeferredButDevelopmentIsNot() {
        List<FactCount> facts = List.of(
                new FactCount(MonitoringKind.COACHING_SESSION, CoachingTheme.HANDLE_TIME,
                        FactCount.bucketOf(NOW.minus(Duration.ofDays(3))), 1),
                new FactCount(MonitoringKind.COACHING_SESSION, CoachingTheme.COMPLIANCE,
                        FactCount.bucketOf(NOW.minus(Duration.ofDays(1))), 1));
        Outcome o = eval(ActionKind.COACHING_SESSION, false, CoachingTheme.COMPLIANCE, facts, RecoveryState.FRESH,
                POLICY, null);
        assertEquals(Decision.DEFER, o.decision());
        assertEquals(FactCount.bucketOf(NOW.minus(Duration.ofDays(3))).plus(Duration.ofHours(1))
                .plus(Duration.ofDays(7)), o.earliestAt());
        // A third intervention in a week is held by the intervention-load cap (default 2); with room there, a
        // development session is not pressure.
        GuardrailPolicy roomy = new GuardrailPolicy(null, null, null, null, null, null, null, null, null, null,
                new GuardrailPolicy.InterventionLoadSettings(5, null)).withDefaults();
        Outcome dev = eval(ActionKind.COACHING_SESSION, false, CoachingTheme.DEVELOPMENT, facts, RecoveryState.FRESH,
                roomy, null);
        assertEquals(Decision.ALLOW, dev.decision());
        assertEquals(Decision.DEFER, eval(ActionKind.COACHING_SESSION, false, CoachingTheme.DEVELOPMENT, facts,
                RecoveryState.FRESH, POLICY, null).decision());
        assertEquals(0.0, dev.intensityIndex(), "coaching is not watching");
    }

    @Test
    void recoveryDebtDefersCoachingUntilAfterTheBreak() {
        RecoveryState owed = new RecoveryState(0, true, NOW.minusSeconds(60), false, 10, NOW.minusSeconds(60));
        Outcome o = eval(ActionKind.COACHING_SESSION, false, CoachingTheme.DEVELOPMENT, List.of(), owed, POLICY, null);
        assertEquals(Decision.DEFER, o.decision());
        assertEquals(NOW.plus(Duration.ofMinutes(10)), o.earliestAt());
        assertTrue(o.reasons().get(0).contains("10 minutes of recovery"));
        // QA evaluation is not a conversation with the agent: recovery does not hold it.
        assertEquals(Decision.ALLOW, eval(ActionKind.QA_EVALUATION, false, null, List.of(), owed, POLICY, null)
                .decision());
        // A break's length without work since the last contact is the break: coaching may go ahead.
        RecoveryState yesterday = new RecoveryState(0, true, NOW.minus(Duration.ofHours(16)), false, 10,
                NOW.minus(Duration.ofHours(16)));
        assertEquals(Decision.ALLOW, eval(ActionKind.COACHING_SESSION, false, CoachingTheme.DEVELOPMENT, List.of(),
                yesterday, POLICY, null).decision());
    }

    @Test
    void denyWinsOverDeferAndDeferOverReview() {
        GuardrailPolicy noPlans = new GuardrailPolicy(null, null, null, null, EnumSet.of(ActionKind.PERFORMANCE_PLAN),
                null, null, null, null, null, null).withDefaults();
        Outcome o = eval(ActionKind.PERFORMANCE_PLAN, true, null, List.of(fact(MonitoringKind.PERFORMANCE_PLAN, "5H", 1)),
                RecoveryState.FRESH, noPlans, null);
        assertEquals(Decision.DENY, o.decision());
        // forbidden, plan cap, at a monitoring cap, automated review
        assertEquals(4, o.reasons().size(), o.reasons().toString());
        Outcome d = eval(ActionKind.PERFORMANCE_PLAN, true, List.of(fact(MonitoringKind.PERFORMANCE_PLAN, "5H", 1)));
        assertEquals(Decision.DEFER, d.decision());
        assertFalse(d.needsReviewItem());
    }
}
