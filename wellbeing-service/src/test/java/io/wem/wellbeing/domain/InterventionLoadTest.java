package io.wem.wellbeing.domain;

import io.wem.wellbeing.domain.GuardrailEngine.Outcome;
import io.wem.wellbeing.domain.GuardrailEngine.PriorReview;
import io.wem.wellbeing.domain.GuardrailEngine.Request;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Coaching weighs nothing on the intensity index; the intervention-load policy still bounds it. */
class InterventionLoadTest {
    static final Instant NOW = Instant.parse("2026-03-10T12:30:00Z");
    static final GuardrailPolicy POLICY = GuardrailPolicy.defaults();

    static FactCount fact(MonitoringKind kind, CoachingTheme theme, int hoursAgo, int count) {
        return new FactCount(kind, theme, FactCount.bucketOf(NOW.minus(Duration.ofHours(hoursAgo))), count);
    }

    static Outcome ask(ActionKind kind, CoachingTheme theme, List<FactCount> facts, PriorReview prior) {
        return GuardrailEngine.evaluate(new Request(kind, false, theme), new IntensityWindow(facts, POLICY, NOW),
                RecoveryState.FRESH, POLICY, prior, NOW);
    }

    @Test
    void microLearningForAnAgentAtTheQaAndLiveMonitoringCapsNeedsAPerson() {
        // The case: QA and live-monitoring caps reached this week, a new micro-learning is asked for.
        List<FactCount> facts = List.of(fact(MonitoringKind.QA_EVALUATION, null, 30, 4),
                fact(MonitoringKind.LIVE_MONITORING, null, 20, 2));
        Outcome o = ask(ActionKind.COACHING_SESSION, CoachingTheme.DEVELOPMENT, facts, null);
        assertEquals(Decision.REQUIRE_HUMAN_REVIEW, o.decision(), o.reasons().toString());
        assertTrue(o.reasons().stream().anyMatch(r -> r.contains("monitoring cap")), o.reasons().toString());
        // approved by a person for this reference: it goes through
        Outcome approved = ask(ActionKind.COACHING_SESSION, CoachingTheme.DEVELOPMENT, facts,
                new PriorReview(PriorReview.APPROVED, "sup1", "agent asked for it"));
        assertEquals(Decision.ALLOW, approved.decision(), approved.reasons().toString());
        // a recognition is not load
        assertEquals(Decision.ALLOW, ask(ActionKind.COACHING_SESSION, CoachingTheme.RECOGNITION, facts, null).decision());
    }

    @Test
    void thirdNewInterventionInAWeekWaitsForTheFirstToLeaveTheWindow() {
        List<FactCount> facts = List.of(fact(MonitoringKind.COACHING_SESSION, CoachingTheme.DEVELOPMENT, 100, 1),
                fact(MonitoringKind.PERFORMANCE_PLAN, null, 10, 1));
        Outcome o = ask(ActionKind.COACHING_SESSION, CoachingTheme.DEVELOPMENT, facts, null);
        assertEquals(Decision.DEFER, o.decision(), o.reasons().toString());
        assertEquals(FactCount.bucketOf(NOW.minus(Duration.ofHours(100))).plus(FactCount.BUCKET).plus(Duration.ofDays(7)),
                o.earliestAt());
        // recognitions in the window do not count towards the cap
        Outcome withPraise = ask(ActionKind.COACHING_SESSION, CoachingTheme.DEVELOPMENT,
                List.of(fact(MonitoringKind.COACHING_SESSION, CoachingTheme.RECOGNITION, 5, 3),
                        fact(MonitoringKind.COACHING_SESSION, CoachingTheme.DEVELOPMENT, 100, 1)), null);
        assertEquals(Decision.ALLOW, withPraise.decision(), withPraise.reasons().toString());
    }

    /** For any history, a new intervention is never allowed beyond the load cap or, unreviewed, at a monitoring cap. */
    @Property(tries = 400, seed = "20261204")
    void neverAllowedBeyondTheLoadCapOrAtAMonitoringCap(@ForAll @IntRange(min = 0, max = 6) int sessions,
                                                        @ForAll @IntRange(min = 0, max = 6) int qa,
                                                        @ForAll @IntRange(min = 0, max = 4) int live,
                                                        @ForAll @IntRange(min = 0, max = 60) int scores,
                                                        @ForAll @IntRange(min = 1, max = 160) int hoursAgo) {
        List<FactCount> facts = new ArrayList<>();
        facts.add(fact(MonitoringKind.COACHING_SESSION, CoachingTheme.DEVELOPMENT, hoursAgo, sessions));
        facts.add(fact(MonitoringKind.QA_EVALUATION, null, hoursAgo, qa));
        facts.add(fact(MonitoringKind.LIVE_MONITORING, null, hoursAgo, live));
        facts.add(fact(MonitoringKind.AUTOMATED_SCORE, null, hoursAgo, scores));
        Outcome o = ask(ActionKind.COACHING_SESSION, CoachingTheme.DEVELOPMENT, facts, null);
        IntensityWindow w = new IntensityWindow(facts, POLICY, NOW);
        boolean atCap = GuardrailEngine.atMonitoringCap(w, POLICY) != null;
        if (w.interventions() >= POLICY.interventionLoad().maxNew() || atCap) {
            assertNotEquals(Decision.ALLOW, o.decision(), o.reasons().toString());
        }
    }

    @Test
    void aDecisionOnStaleIntensityIsDeferredNotAllowed() {
        // The case: six accepted automated scores not recorded yet, intensity read as 0. Whatever the window
        // says, a decision taken while events are in flight allows nothing and says why.
        Outcome o = GuardrailEngine.evaluate(new Request(ActionKind.QA_EVALUATION, false, null),
                new IntensityWindow(List.of(), POLICY, NOW), RecoveryState.FRESH, POLICY, null, NOW, false, 6);
        assertEquals(Decision.DEFER, o.decision());
        assertEquals(NOW.plus(GuardrailEngine.CATCH_UP_RETRY), o.earliestAt());
        assertTrue(o.reasons().get(0).startsWith("6 monitoring events"), o.reasons().toString());
        assertTrue(!o.countsAsFact());
    }

    @Test
    void catchUpNeedsTheRecordedOrCommittedPositionAtTheEndOffset() {
        assertTrue(CatchUp.caughtUp(0, null, null), "an empty partition has nothing in flight");
        assertTrue(!CatchUp.caughtUp(10, null, null), "unknown position counts as behind");
        assertTrue(!CatchUp.caughtUp(10, 4L, null));
        assertEquals(6, CatchUp.behind(10, 4L, null));
        assertTrue(CatchUp.caughtUp(10, 10L, null));
        assertTrue(CatchUp.caughtUp(10, 9L, 10L), "a dead-lettered last record is passed by the committed offset");
    }
}
