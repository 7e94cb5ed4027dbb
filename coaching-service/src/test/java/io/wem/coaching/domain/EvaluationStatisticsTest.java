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

    /** A window of 60 calls with a spread of 20 s, the team at 100 s. */
    static OutcomeEvaluation.Window w(double value) {
        return new OutcomeEvaluation.Window(value, 60, 20.0, null, null);
    }

    @Test
    void teamWideDriftIsNotCreditedToCoaching() {
        // Agent 100 -> 80 s, but the whole team went 100 -> 82 (new wrap-up form): only 2 % is the agent's.
        OutcomeEvaluation.Result r = OutcomeEvaluation.evaluate(ACW_15, w(100), w(80), List.of(),
                new OutcomeEvaluation.Change(100, 82));
        assertEquals(OutcomeEvaluation.ComparisonKind.TEAM_TREND, r.comparisonKind());
        assertEquals(-20, r.rawChange(), 1e-9);
        assertEquals(-2, r.netChange(), 1e-9);
        assertEquals(0.02, r.netImprovement(), 1e-9);
        assertEquals(OutcomeEvaluation.Outcome.INEFFECTIVE, r.outcome());
    }

    @Test
    void uncoachedPeersArePreferredOverTheTeamTrend() {
        OutcomeEvaluation.Result r = OutcomeEvaluation.evaluate(ACW_15, w(120), w(90),
                List.of(new OutcomeEvaluation.Change(118, 116), new OutcomeEvaluation.Change(122, 120),
                        new OutcomeEvaluation.Change(121, 118)),
                new OutcomeEvaluation.Change(100, 70));
        assertEquals(OutcomeEvaluation.ComparisonKind.UNCOACHED_PEERS, r.comparisonKind());
        assertEquals(3, r.comparisonSize());
        assertEquals(-30 + 7.0 / 3, r.netChange(), 1e-9);
        assertEquals(0.0, r.regressionAllowance(), 1e-9);
        assertTrue(r.ciLow() > 0 && r.ciLow() < r.netImprovement() && r.ciHigh() > r.netImprovement(), r.toString());
        assertEquals(OutcomeEvaluation.Outcome.EFFECTIVE, r.outcome());
        assertTrue(r.explanation().contains("uncoached peers"), r.explanation());
    }

    @Test
    void tooFewPeersFallBackToTheTeamTrendWithARegressionAllowance() {
        // Picked for being 30 s worse than the team; two peers are too few to compare with.
        OutcomeEvaluation.Result r = OutcomeEvaluation.evaluate(ACW_15, w(130), w(110),
                List.of(new OutcomeEvaluation.Change(128, 110), new OutcomeEvaluation.Change(126, 112)),
                new OutcomeEvaluation.Change(100, 100));
        assertEquals(OutcomeEvaluation.ComparisonKind.TEAM_TREND, r.comparisonKind());
        // Two standard errors of the gap-window value (2 * 20 / sqrt(60)) are taken off as regression to the mean.
        assertEquals(2 * 20 / Math.sqrt(60), r.regressionAllowance(), 1e-9);
        assertEquals((20 - r.regressionAllowance()) / 130, r.netImprovement(), 1e-9);
        assertTrue(r.explanation().contains("regression to the mean"), r.explanation());
    }

    @Test
    void noSpreadOrNoComparisonIsInconclusiveNotAVerdict() {
        OutcomeEvaluation.Window unknown = new OutcomeEvaluation.Window(100, 60, null, null, null);
        OutcomeEvaluation.Result noSpread = OutcomeEvaluation.evaluate(ACW_15, unknown,
                new OutcomeEvaluation.Window(50, 60, null, null, null), List.of(), new OutcomeEvaluation.Change(100, 100));
        assertEquals(OutcomeEvaluation.Outcome.INCONCLUSIVE, noSpread.outcome());
        assertNull(noSpread.ciLow());
        OutcomeEvaluation.Result noComparison = OutcomeEvaluation.evaluate(ACW_15, w(100), w(50), List.of(), null);
        assertEquals(OutcomeEvaluation.ComparisonKind.NONE, noComparison.comparisonKind());
        assertEquals(OutcomeEvaluation.Outcome.INCONCLUSIVE, noComparison.outcome());
        // a single day with three calls: an interval so wide nothing can be said
        OutcomeEvaluation.Result tiny = OutcomeEvaluation.evaluate(ACW_15, new OutcomeEvaluation.Window(100, 3, 40.0, null, null),
                new OutcomeEvaluation.Window(80, 3, 40.0, null, null), List.of(), new OutcomeEvaluation.Change(100, 100));
        assertEquals(OutcomeEvaluation.Outcome.INCONCLUSIVE, tiny.outcome(), tiny.toString());
    }

    @Test
    void absoluteTargetNeedsAlsoARealMove() {
        SuccessCriterion rate90 = new SuccessCriterion("confirmation_rate", Direction.INCREASE, null, 0.9, Duration.ofDays(7));
        OutcomeEvaluation.Window b = new OutcomeEvaluation.Window(0.6, 80, 0.49, null, null);
        assertEquals(OutcomeEvaluation.Outcome.EFFECTIVE, OutcomeEvaluation.evaluate(rate90, b,
                new OutcomeEvaluation.Window(0.95, 80, 0.22, null, null), List.of(),
                new OutcomeEvaluation.Change(0.7, 0.72)).outcome());
        // Target reached only because everybody rose more than the agent: not effective.
        assertEquals(OutcomeEvaluation.Outcome.INEFFECTIVE, OutcomeEvaluation.evaluate(rate90,
                new OutcomeEvaluation.Window(0.85, 80, 0.36, null, null), new OutcomeEvaluation.Window(0.91, 80, 0.29, null, null),
                List.of(), new OutcomeEvaluation.Change(0.6, 0.8)).outcome());
        assertEquals(OutcomeEvaluation.ComparisonKind.NONE, OutcomeEvaluation.evaluate(rate90, b,
                new OutcomeEvaluation.Window(0.85, 80, 0.36, null, null), List.of(), null).comparisonKind());
    }

    @Test
    void teamLevelWorkIsJudgedOnPairedChangesOfTheAffectedAgents() {
        List<OutcomeEvaluation.Change> affected = List.of(new OutcomeEvaluation.Change(100, 70),
                new OutcomeEvaluation.Change(104, 76), new OutcomeEvaluation.Change(98, 71), new OutcomeEvaluation.Change(101, 72));
        OutcomeEvaluation.Result r = OutcomeEvaluation.evaluateTeam(ACW_15, affected);
        assertEquals(OutcomeEvaluation.Outcome.EFFECTIVE, r.outcome(), r.toString());
        assertEquals(OutcomeEvaluation.Outcome.INCONCLUSIVE,
                OutcomeEvaluation.evaluateTeam(ACW_15, List.of(new OutcomeEvaluation.Change(100, 60))).outcome());
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
                new PlaybookEffectiveness.Row("a1", InterventionState.CLOSED_EFFECTIVE, 0.30, t, t.plusSeconds(3600 * 10)),
                new PlaybookEffectiveness.Row("a2", InterventionState.CLOSED_EFFECTIVE, 0.20, t, t.plusSeconds(3600 * 20)),
                new PlaybookEffectiveness.Row("a3", InterventionState.CLOSED_INEFFECTIVE, 0.01, t, t.plusSeconds(3600 * 30)),
                new PlaybookEffectiveness.Row("a4", InterventionState.CLOSED_INCONCLUSIVE, 0.08, t, t.plusSeconds(3600 * 30)),
                new PlaybookEffectiveness.Row("a5", InterventionState.CLOSED_EFFECTIVE, 0.26, t, t.plusSeconds(3600 * 40)),
                new PlaybookEffectiveness.Row("a6", InterventionState.ASSIGNED, null, t, null));
        PlaybookEffectiveness.Report r = PlaybookEffectiveness.compute(rows);
        assertEquals(6, r.interventions());
        assertEquals(5, r.closed());
        assertEquals(3, r.effective());
        assertEquals(1, r.inconclusive());
        assertFalse(r.suppressed());
        assertEquals(3.0 / 5, r.successRate(), 1e-9);
        // Wilson 95 % for 3 of 5
        assertEquals(0.231, r.successRateCiLow(), 1e-3);
        assertEquals(0.882, r.successRateCiHigh(), 1e-3);
        assertEquals(0.17, r.meanEffect(), 1e-9);
        assertTrue(r.effectCiLow() < 0.17 && r.effectCiHigh() > 0.17);
        assertEquals(30.0, r.medianHoursToFirstCoaching(), 1e-9);
        assertEquals(5, r.started());
        PlaybookEffectiveness.Report few = PlaybookEffectiveness.compute(rows.subList(0, 3));
        assertTrue(few.suppressed());
        assertNull(few.successRate());
        assertNull(few.meanEffect());
        assertNull(few.effective(), "three agents: the outcome counts would describe them");
        assertNull(few.medianHoursToFirstCoaching());
        assertEquals(3, few.closed());
        assertNull(PlaybookEffectiveness.compute(List.of()).successRate());
    }

    /** Attack: five evaluated interventions of one agent are one person, not a group of five. */
    @Test
    void interventionsOfFewAgentsAreSuppressedHoweverMany() {
        Instant t = Instant.parse("2026-11-01T00:00:00Z");
        List<PlaybookEffectiveness.Row> oneAgent = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            oneAgent.add(new PlaybookEffectiveness.Row("only-one", i % 2 == 0 ? InterventionState.CLOSED_EFFECTIVE
                    : InterventionState.CLOSED_INEFFECTIVE, 0.1 * i, t, t.plusSeconds(3600L * (i + 1))));
        }
        PlaybookEffectiveness.Report r = PlaybookEffectiveness.compute(oneAgent);
        assertTrue(r.suppressed());
        assertNull(r.successRate());
        assertNull(r.effective());
        assertNull(r.inconclusive());
        assertNull(r.meanEffect());
        assertNull(r.medianHoursToFirstCoaching());
        // A playbook used once: its outcome is that person's outcome.
        PlaybookEffectiveness.Report once = PlaybookEffectiveness.compute(oneAgent.subList(0, 1));
        assertTrue(once.suppressed());
        assertNull(once.effective());
        assertEquals(1, once.interventions());
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
