package io.wem.wellbeing.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * What a team's monitoring programme gives its agents in the current window, and whether an agent over a cap is
 * singled out or simply gets what everyone in the team gets.
 *
 * <p>Why: a monitoring programme applies to a whole team (QA plans of a few evaluations a week, automated scoring of
 * every contact). When the programme itself takes agents over the policy's caps, alerting each agent on their own
 * gives the same alert for most of the team, and an alert that fires for everyone is ignored. The demo's automated
 * scoring took 47 of 60 agents over the index cap; the calibration's ordinary QA plans of three a week put single
 * agents over the cap of four whenever two weeks' evaluations fall into one rolling window. Such a breach is one
 * matter for whoever sets the team's programme (MONITORING_PROGRAMME, once per team, cap and window). An agent
 * watched clearly more than their peers is a matter about that agent (MONITORING_CAP).
 *
 * <p>The test: under the team's programme, an agent's count of a kind in the window is modelled as Poisson with the
 * mean of the other agents' counts. The agent is singled out when a count as high as theirs would happen by chance
 * less than {@link #ALPHA} of the time (one-sided exact Poisson test). The index is a weighted sum of such counts:
 * its mean under the programme is the weighted sum of the peers' means and its variance the sum of the squared
 * weights times those means; singled out when the agent's index is more than {@link #Z} standard deviations above.
 * Planned QA counts vary less than Poisson, so the test leans towards calling an agent singled out: when in doubt,
 * the agent is alerted personally. With fewer than {@link #MIN_PEERS} peers there is no programme to compare with,
 * and every breach is the agent's.
 */
public final class TeamProgramme {
    /** One-sided level of the test "watched more than the team's programme explains". */
    public static final double ALPHA = 0.05;
    /** The standard normal quantile of 1 - ALPHA. */
    public static final double Z = 1.6448536269514722;
    /** Fewer peers than this: no programme to compare with. */
    public static final int MIN_PEERS = 3;

    private final int peers;
    private final Map<MonitoringKind, Double> meanCounts;

    private TeamProgramme(int peers, Map<MonitoringKind, Double> meanCounts) {
        this.peers = peers;
        this.meanCounts = meanCounts;
    }

    /**
     * The programme seen by one agent: the mean counts per kind of the other members in their current windows.
     *
     * @param agentId       the agent; their own window, if in {@code memberWindows}, is left out of the means
     * @param memberWindows members' windows at one moment, by agent id (members without facts may be absent)
     * @param members       how many agents the team has; absent members count as zeros
     */
    public static TeamProgramme seenBy(String agentId, Map<String, IntensityWindow> memberWindows, int members) {
        Map<MonitoringKind, Integer> totals = new EnumMap<>(MonitoringKind.class);
        memberWindows.forEach((id, w) -> {
            if (!id.equals(agentId)) {
                w.counts().forEach((k, c) -> totals.merge(k, c, Integer::sum));
            }
        });
        int others = memberWindows.size() - (memberWindows.containsKey(agentId) ? 1 : 0);
        int peers = Math.max(others, members - 1);
        Map<MonitoringKind, Double> means = new EnumMap<>(MonitoringKind.class);
        if (peers > 0) {
            totals.forEach((k, t) -> means.put(k, t / (double) peers));
        }
        return new TeamProgramme(peers, means);
    }

    /** A programme of known peers' means (tests, and callers that keep their own tallies). */
    static TeamProgramme of(int peers, Map<MonitoringKind, Double> meanCounts) {
        return new TeamProgramme(peers, new EnumMap<>(meanCounts));
    }

    public int peers() {
        return peers;
    }

    /** The mean count of a kind among the peers. */
    public double meanCount(MonitoringKind kind) {
        return meanCounts.getOrDefault(kind, 0.0);
    }

    /** Whether {@code count} facts of a kind are more than the team's programme explains. */
    public boolean kindSingledOut(MonitoringKind kind, int count) {
        return peers < MIN_PEERS || poissonAtLeast(count, meanCount(kind)) < ALPHA;
    }

    /** Whether an agent's index is more than the team's programme explains. */
    public boolean indexSingledOut(double index, GuardrailPolicy policy) {
        if (peers < MIN_PEERS) {
            return true;
        }
        double mean = 0;
        double variance = 0;
        for (MonitoringKind k : MonitoringKind.values()) {
            double w = policy.weight(k);
            double m = meanCount(k);
            mean += w * m;
            variance += w * w * m;
        }
        if (variance == 0) {
            return index > mean;
        }
        return (index - mean) / Math.sqrt(variance) > Z;
    }

    /** The programme's expected index for an agent (weighted mean counts of the peers). */
    public double meanIndex(GuardrailPolicy policy) {
        double mean = 0;
        for (MonitoringKind k : MonitoringKind.values()) {
            mean += policy.weight(k) * meanCount(k);
        }
        return Math.round(mean * 100) / 100.0;
    }

    /** P(X >= k) for X ~ Poisson(mean). */
    static double poissonAtLeast(int k, double mean) {
        if (k <= 0) {
            return 1;
        }
        if (mean <= 0) {
            return 0;
        }
        if (mean > 500) {
            // exp(-mean) underflows far out; the normal approximation (continuity-corrected) is exact enough there
            double z = (k - 0.5 - mean) / Math.sqrt(mean);
            return 0.5 * erfc(z / Math.sqrt(2));
        }
        double term = Math.exp(-mean);
        double below = 0;
        for (int i = 0; i < k; i++) {
            below += term;
            term *= mean / (i + 1);
        }
        return Math.max(0, 1 - below);
    }

    /** Complementary error function (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7). */
    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
