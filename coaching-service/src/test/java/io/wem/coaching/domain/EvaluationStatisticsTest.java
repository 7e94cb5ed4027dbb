package io.wem.coaching.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationStatisticsTest {

    static final SuccessCriterion ACW_15 = new SuccessCriterion("acw_seconds", Direction.DECREASE, 0.15, null, Duration.ofDays(7));

    @Test
    void teamWideDriftIsNotCreditedToCoaching() {
        // Agent 100 -> 80 s, but the whole team went 100 -> 82 (new wrap-up form): only 2 % is the agent's.
        OutcomeEvaluation.Result r = OutcomeEvaluation.evaluate(ACW_15, 100, 80, List.of(),
                new OutcomeEvaluation.Change(100, 82));
        assertEquals(OutcomeEvaluation.ComparisonKind.TEAM_TREND, r.comparisonKind());
        assertEquals(-20, r.rawChange(), 1e-9);
        assertEquals(-2, r.netChange(), 1e-9);
        assertEquals(0.02, r.netImprovement(), 1e-9);
        assertFalse(r.effective());
    }

    @Test
    void uncoachedPeersArePreferredOverTheTeamTrend() {
        OutcomeEvaluation.Result r = OutcomeEvaluation.evaluate(ACW_15, 120, 90,
                List.of(new OutcomeEvaluation.Change(118, 116), new OutcomeEvaluation.Change(122, 120)),
                new OutcomeEvaluation.Change(100, 70));
        assertEquals(OutcomeEvaluation.ComparisonKind.UNCOACHED_PEERS, r.comparisonKind());
        assertEquals(2, r.comparisonSize());
        assertEquals(-28, r.netChange(), 1e-9);
        assertEquals(28.0 / 120, r.netImprovement(), 1e-9);
        assertTrue(r.effective());
    }

    @Test
    void absoluteTargetNeedsAlsoARealMove() {
        SuccessCriterion rate90 = new SuccessCriterion("confirmation_rate", Direction.INCREASE, null, 0.9, Duration.ofDays(7));
        assertTrue(OutcomeEvaluation.evaluate(rate90, 0.6, 0.92, List.of(), new OutcomeEvaluation.Change(0.7, 0.72)).effective());
        // Target reached only because everybody rose more than the agent: not effective.
        assertFalse(OutcomeEvaluation.evaluate(rate90, 0.85, 0.91, List.of(), new OutcomeEvaluation.Change(0.6, 0.8)).effective());
        assertFalse(OutcomeEvaluation.evaluate(rate90, 0.6, 0.85, List.of(), null).effective());
        assertEquals(OutcomeEvaluation.ComparisonKind.NONE,
                OutcomeEvaluation.evaluate(rate90, 0.6, 0.85, List.of(), null).comparisonKind());
    }

    @Test
    void meanCiAndPercentiles() {
        List<Double> xs = List.of(2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0);
        assertEquals(5.0, Statistics.mean(xs), 1e-9);
        assertEquals(2.138, Statistics.stdDev(xs), 1e-3);
        Statistics.Interval ci = Statistics.meanWithCi95(xs);
        // t(7) = 2.365; half width = 2.365 * 2.138 / sqrt(8) = 1.788
        assertEquals(5.0 - 1.788, ci.low(), 1e-3);
        assertEquals(5.0 + 1.788, ci.high(), 1e-3);
        assertNull(Statistics.meanWithCi95(List.of(1.0)));
        assertEquals(4.5, Statistics.median(xs), 1e-9);
        assertEquals(2.0, Statistics.percentile(xs, 0), 1e-9);
        assertEquals(9.0, Statistics.percentile(xs, 100), 1e-9);
        assertEquals(7.6, Statistics.percentile(xs, 90), 1e-9);
        assertNull(Statistics.median(List.of()));
        assertEquals(1.96, Statistics.t975(500), 1e-9);
    }

    @Test
    void playbookEffectivenessReport() {
        Instant t = Instant.parse("2026-11-01T00:00:00Z");
        List<PlaybookEffectiveness.Row> rows = List.of(
                new PlaybookEffectiveness.Row(InterventionState.CLOSED_EFFECTIVE, 0.30, t, t.plusSeconds(3600 * 10)),
                new PlaybookEffectiveness.Row(InterventionState.CLOSED_EFFECTIVE, 0.20, t, t.plusSeconds(3600 * 20)),
                new PlaybookEffectiveness.Row(InterventionState.CLOSED_INEFFECTIVE, 0.01, t, t.plusSeconds(3600 * 30)),
                new PlaybookEffectiveness.Row(InterventionState.ASSIGNED, null, t, null));
        PlaybookEffectiveness.Report r = PlaybookEffectiveness.compute(rows);
        assertEquals(4, r.interventions());
        assertEquals(3, r.closed());
        assertEquals(2, r.effective());
        assertEquals(2.0 / 3, r.successRate(), 1e-9);
        assertEquals(0.17, r.meanEffect(), 1e-9);
        assertTrue(r.effectCiLow() < 0.17 && r.effectCiHigh() > 0.17);
        assertEquals(20.0, r.medianHoursToFirstCoaching(), 1e-9);
        assertEquals(3, r.started());
        assertNull(PlaybookEffectiveness.compute(List.of()).successRate());
    }

    @Test
    void backlogShowsAgeOverdueAndCapacityBreach() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        List<Backlog.Item> items = List.of(
                new Backlog.Item("a", "coach:t1", "t1", now.minusSeconds(3600 * 50), now.minusSeconds(3600), 50),
                new Backlog.Item("b", "coach:t1", "t1", now.minusSeconds(3600 * 10), now.plusSeconds(3600 * 24), 40),
                new Backlog.Item("c", "coach:t1", "t1", now.minusSeconds(3600 * 2), now.plusSeconds(3600 * 24 * 20), 40),
                new Backlog.Item("d", "supervisor:t1", "t1", now.minusSeconds(3600), now.plusSeconds(3600), 10));
        List<Backlog.OwnerBacklog> out = Backlog.compute(items, Map.of("coach:t1", 1), 10, now);
        Backlog.OwnerBacklog coach = out.get(0);
        assertEquals("coach:t1", coach.ownerKey());
        assertEquals(3, coach.openCount());
        assertEquals(10.0, coach.ageP50Hours(), 1e-9);
        assertEquals(1, coach.overdueCount());
        assertEquals(List.of("a"), coach.overdueInterventionIds());
        assertEquals(2, coach.dueWithinWeek());
        assertTrue(coach.capacityBreached());
        assertEquals(3.0, coach.weeksToClear(), 1e-9);
        Backlog.OwnerBacklog sup = out.get(1);
        assertEquals(10, sup.weeklyCapacity());
        assertFalse(sup.capacityBreached());
        assertNull(Backlog.compute(items, Map.of("coach:t1", 0), 10, now).get(0).loadRatio());
    }
}
