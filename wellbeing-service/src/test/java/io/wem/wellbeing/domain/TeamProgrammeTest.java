package io.wem.wellbeing.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whether a cap breach is about the agent or about the team's programme: the exact Poisson tail, the peers' means,
 * and, for all programme means, that an agent who gets exactly what the programme gives is called singled out at
 * most ALPHA of the time.
 */
class TeamProgrammeTest {
    static final GuardrailPolicy P = GuardrailPolicy.defaults();
    static final Instant NOW = Instant.parse("2026-05-08T12:00:00Z");

    @Test
    void poissonTailMatchesHandComputedValues() {
        // P(X >= 5 | 4) = 1 - e^-4 (1 + 4 + 8 + 32/3 + 32/3) = 0.37116...
        assertEquals(0.371163, TeamProgramme.poissonAtLeast(5, 4.0), 1e-6);
        // P(X >= 3 | 0.5) = 1 - e^-0.5 (1 + 0.5 + 0.125) = 0.014388...
        assertEquals(0.014388, TeamProgramme.poissonAtLeast(3, 0.5), 1e-6);
        assertEquals(1.0, TeamProgramme.poissonAtLeast(0, 3.0), 0);
        assertEquals(0.0, TeamProgramme.poissonAtLeast(1, 0.0), 0);
    }

    @Test
    void theNormalApproximationTakesOverSmoothlyForLargeMeans() {
        // at the mean the upper tail is about one half on both sides of the switch
        double exact = TeamProgramme.poissonAtLeast(500, 499.0);
        double approx = TeamProgramme.poissonAtLeast(502, 501.0);
        assertEquals(exact, approx, 0.02);
        assertTrue(TeamProgramme.poissonAtLeast(600, 501.0) < 1e-4);
    }

    @Test
    void anAgentWhoseQaCountIsWhatTheTeamGetsIsTheProgrammes() {
        // Every peer had four QA evaluations this week; the agent's fifth takes them over the cap of 4.
        Map<String, IntensityWindow> team = new HashMap<>();
        for (int i = 0; i < 8; i++) {
            team.put("peer-" + i, window(MonitoringKind.QA_EVALUATION, 4));
        }
        team.put("agent", window(MonitoringKind.QA_EVALUATION, 5));
        TeamProgramme programme = TeamProgramme.seenBy("agent", team, 9);
        assertEquals(8, programme.peers());
        assertEquals(4.0, programme.meanCount(MonitoringKind.QA_EVALUATION), 1e-9);
        assertFalse(programme.kindSingledOut(MonitoringKind.QA_EVALUATION, 5));
    }

    @Test
    void anAgentWatchedLiveWhilePeersAreNotIsSingledOut() {
        Map<String, IntensityWindow> team = new HashMap<>();
        for (int i = 0; i < 8; i++) {
            team.put("peer-" + i, window(MonitoringKind.LIVE_MONITORING, i % 4 == 0 ? 1 : 0));
        }
        // peers' mean 0.25; three live sessions happen by chance with probability 0.002
        TeamProgramme programme = TeamProgramme.seenBy("agent", team, 9);
        assertTrue(programme.kindSingledOut(MonitoringKind.LIVE_MONITORING, 3));
    }

    @Test
    void membersWithoutFactsCountAsZeros() {
        Map<String, IntensityWindow> team = new HashMap<>();
        team.put("peer-0", window(MonitoringKind.QA_EVALUATION, 6));
        team.put("peer-1", window(MonitoringKind.QA_EVALUATION, 6));
        // 11 members: the two peers with six each and eight without facts give a mean of 1.2
        TeamProgramme programme = TeamProgramme.seenBy("agent", team, 11);
        assertEquals(10, programme.peers());
        assertEquals(1.2, programme.meanCount(MonitoringKind.QA_EVALUATION), 1e-9);
        assertTrue(programme.kindSingledOut(MonitoringKind.QA_EVALUATION, 5));
    }

    @Test
    void withTooFewPeersEveryBreachIsTheAgents() {
        Map<String, IntensityWindow> team = new HashMap<>();
        team.put("peer-0", window(MonitoringKind.QA_EVALUATION, 5));
        team.put("peer-1", window(MonitoringKind.QA_EVALUATION, 5));
        TeamProgramme programme = TeamProgramme.seenBy("agent", team, 3);
        assertTrue(programme.kindSingledOut(MonitoringKind.QA_EVALUATION, 5));
        assertTrue(programme.indexSingledOut(5, P));
    }

    @Test
    void theIndexIsComparedWithTheProgrammesMeanAndSpread() {
        // Peers: 40 automated scores (0.25 each) and 2 QA evaluations: mean index 12, variance 40/16 + 2 = 4.5.
        Map<String, IntensityWindow> team = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            List<FactCount> facts = new ArrayList<>();
            facts.add(new FactCount(MonitoringKind.AUTOMATED_SCORE, null, FactCount.bucketOf(NOW.minusSeconds(3600)), 40));
            facts.add(new FactCount(MonitoringKind.QA_EVALUATION, null, FactCount.bucketOf(NOW.minusSeconds(7200)), 2));
            team.put("peer-" + i, new IntensityWindow(facts, P, NOW));
        }
        TeamProgramme programme = TeamProgramme.seenBy("agent", team, 11);
        assertEquals(12.0, programme.meanIndex(P), 1e-9);
        double sd = Math.sqrt(4.5);
        assertFalse(programme.indexSingledOut(12 + 1.6 * sd, P));
        assertTrue(programme.indexSingledOut(12 + 1.7 * sd, P));
    }

    /**
     * For every programme mean: an agent whose count is drawn from the programme itself (Poisson with that mean) is
     * called singled out with probability at most ALPHA. Computed exactly over the distribution, not sampled.
     */
    @Property(tries = 400)
    void anAgentOnTheProgrammeIsSingledOutAtMostAlphaOfTheTime(@ForAll @DoubleRange(min = 0.01, max = 700) double mean) {
        TeamProgramme programme = TeamProgramme.of(11, Map.of(MonitoringKind.QA_EVALUATION, mean));
        double singledOut = 0;
        int upTo = (int) Math.ceil(mean + 12 * Math.sqrt(mean) + 20);
        for (int k = 0; k <= upTo; k++) {
            if (programme.kindSingledOut(MonitoringKind.QA_EVALUATION, k)) {
                singledOut += pmf(k, mean);
            }
        }
        // a tiny slack for the normal approximation above a mean of 500
        assertTrue(singledOut <= TeamProgramme.ALPHA + (mean > 500 ? 0.002 : 1e-9), "mean " + mean + ": " + singledOut);
    }

    @Test
    void automatedScoresThatFollowContactVolumeAreJudgedByThePeersSpread() {
        // Peers' automated scores this week spread from 20 to 60 with contact volume (mean 40, variance about 160):
        // an agent with 60 takes many contacts, they are not singled out; Poisson alone would say they were.
        Map<String, IntensityWindow> team = new HashMap<>();
        int[] peerCounts = {20, 25, 30, 35, 38, 40, 42, 45, 50, 55, 60};
        for (int i = 0; i < peerCounts.length; i++) {
            team.put("peer-" + i, window(MonitoringKind.AUTOMATED_SCORE, peerCounts[i]));
        }
        TeamProgramme programme = TeamProgramme.seenBy("agent", team, 12);
        assertTrue(TeamProgramme.poissonAtLeast(60, programme.meanCount(MonitoringKind.AUTOMATED_SCORE)) < 0.01);
        assertFalse(programme.kindSingledOut(MonitoringKind.AUTOMATED_SCORE, 60));
        // far beyond the team's spread still is
        assertTrue(programme.kindSingledOut(MonitoringKind.AUTOMATED_SCORE, 90));
    }

    @Test
    void negativeBinomialTailMatchesHandComputedValues() {
        // mean 2, variance 4: r = 2, p = 0.5; P(X = 0) = 0.25, P(X = 1) = 0.25, P(X = 2) = 0.1875
        assertEquals(1 - 0.25 - 0.25 - 0.1875, TeamProgramme.negativeBinomialAtLeast(3, 2, 4), 1e-12);
        // nearly Poisson when the variance is barely above the mean
        assertEquals(TeamProgramme.poissonAtLeast(7, 3), TeamProgramme.negativeBinomialAtLeast(7, 3, 3.0001), 1e-3);
    }

    /** For every mean and spread: an agent drawn from the programme itself is singled out at most ALPHA of the time. */
    @Property(tries = 300)
    void anAgentOnAnOverdispersedProgrammeIsSingledOutAtMostAlphaOfTheTime(
            @ForAll @DoubleRange(min = 0.05, max = 200) double mean,
            @ForAll @DoubleRange(min = 1.05, max = 20) double dispersion) {
        double variance = mean * dispersion;
        TeamProgramme programme = TeamProgramme.of(11, Map.of(MonitoringKind.AUTOMATED_SCORE, mean),
                Map.of(MonitoringKind.AUTOMATED_SCORE, variance));
        double r = mean * mean / (variance - mean);
        double p = mean / variance;
        double singledOut = 0;
        double total = 0;
        int upTo = (int) Math.ceil(mean + 40 * Math.sqrt(variance) + 50);
        for (int k = 0; k <= upTo; k++) {
            // log pmf by log-gamma sums, term by term (not the implementation's recursion)
            double log = r * Math.log(p) + k * Math.log(1 - p);
            for (int j = 0; j < k; j++) {
                log += Math.log(r + j) - Math.log(j + 1);
            }
            double pmf = Math.exp(log);
            total += pmf;
            if (programme.kindSingledOut(MonitoringKind.AUTOMATED_SCORE, k)) {
                singledOut += pmf;
            }
        }
        assertTrue(total > 0.999, "the sum covers the distribution: " + total);
        assertTrue(singledOut <= TeamProgramme.ALPHA + 0.002, "mean " + mean + " variance " + variance + ": " + singledOut);
    }

    /** Singled out at k means singled out at every higher count: more watching never turns into "the programme". */
    @Property(tries = 200)
    void singledOutIsMonotoneInTheCount(@ForAll @DoubleRange(min = 0.0, max = 80) double mean,
                                        @ForAll @IntRange(min = 0, max = 200) int k) {
        TeamProgramme programme = TeamProgramme.of(11, Map.of(MonitoringKind.LIVE_MONITORING, mean));
        if (programme.kindSingledOut(MonitoringKind.LIVE_MONITORING, k)) {
            assertTrue(programme.kindSingledOut(MonitoringKind.LIVE_MONITORING, k + 1));
        }
    }

    /** The peers' mean leaves the agent out, whatever the team: adding to the agent's own counts never moves it. */
    @Property(tries = 100)
    void theAgentsOwnCountsNeverMoveTheProgramme(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                 @ForAll @IntRange(min = 0, max = 30) int own) {
        Random rnd = new Random(seed);
        Map<String, IntensityWindow> team = new HashMap<>();
        for (int i = 0; i < 1 + rnd.nextInt(15); i++) {
            team.put("peer-" + i, window(MonitoringKind.SCREEN_RECORDING_REVIEW, rnd.nextInt(6)));
        }
        int members = team.size() + 1 + rnd.nextInt(4);
        team.put("agent", window(MonitoringKind.SCREEN_RECORDING_REVIEW, 0));
        double before = TeamProgramme.seenBy("agent", team, members).meanCount(MonitoringKind.SCREEN_RECORDING_REVIEW);
        team.put("agent", window(MonitoringKind.SCREEN_RECORDING_REVIEW, own));
        double after = TeamProgramme.seenBy("agent", team, members).meanCount(MonitoringKind.SCREEN_RECORDING_REVIEW);
        assertEquals(before, after, 1e-12);
    }

    private static double pmf(int k, double mean) {
        double log = -mean + k * Math.log(Math.max(mean, 1e-300));
        for (int i = 2; i <= k; i++) {
            log -= Math.log(i);
        }
        return mean == 0 ? (k == 0 ? 1 : 0) : Math.exp(log);
    }

    private static IntensityWindow window(MonitoringKind kind, int count) {
        List<FactCount> facts = new ArrayList<>();
        if (count > 0) {
            facts.add(new FactCount(kind, null, FactCount.bucketOf(NOW.minus(Duration.ofHours(3))), count));
        }
        return new IntensityWindow(facts, P, NOW);
    }
}
