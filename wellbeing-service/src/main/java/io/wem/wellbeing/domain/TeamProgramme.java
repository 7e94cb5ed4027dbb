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
 * mean of the other agents' counts; for counts that systems produce from the agent's own work and that follow
 * contact volume (automated scores of every contact, adherence alerts), as negative binomial with the peers' mean and
 * variance when they vary more than Poisson. A spread among peers in what people choose to do (QA, live monitoring)
 * is never an excuse: it may itself be targeting. The agent is singled out when a count as high as theirs would happen by chance less than {@link #ALPHA}
 * of the time (one-sided exact test). The index is a weighted sum of such counts:
 * its mean under the programme is the weighted sum of the peers' means and its variance the sum of the squared
 * weights times each kind's variance under the programme; singled out when the agent's index is more than {@link #Z} standard deviations above.
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
    private final Map<MonitoringKind, Double> varianceCounts;

    private TeamProgramme(int peers, Map<MonitoringKind, Double> meanCounts, Map<MonitoringKind, Double> varianceCounts) {
        this.peers = peers;
        this.meanCounts = meanCounts;
        this.varianceCounts = varianceCounts;
    }

    /**
     * The programme seen by one agent: the mean and spread of each kind's count among the other members in their
     * current windows.
     *
     * @param agentId       the agent; their own window, if in {@code memberWindows}, is left out
     * @param memberWindows members' windows at one moment, by agent id (members without facts may be absent)
     * @param members       how many agents the team has; absent members count as zeros
     */
    public static TeamProgramme seenBy(String agentId, Map<String, IntensityWindow> memberWindows, int members) {
        Map<MonitoringKind, double[]> sums = new EnumMap<>(MonitoringKind.class);
        for (Map.Entry<String, IntensityWindow> e : memberWindows.entrySet()) {
            if (e.getKey().equals(agentId)) {
                continue;
            }
            e.getValue().counts().forEach((k, c) -> {
                double[] s = sums.computeIfAbsent(k, x -> new double[2]);
                s[0] += c;
                s[1] += (double) c * c;
            });
        }
        int others = memberWindows.size() - (memberWindows.containsKey(agentId) ? 1 : 0);
        int peers = Math.max(others, members - 1);
        Map<MonitoringKind, Double> means = new EnumMap<>(MonitoringKind.class);
        Map<MonitoringKind, Double> variances = new EnumMap<>(MonitoringKind.class);
        if (peers > 0) {
            sums.forEach((k, s) -> {
                means.put(k, s[0] / peers);
                variances.put(k, sampleVariance(s[0], s[1], peers));
            });
        }
        return new TeamProgramme(peers, means, variances);
    }

    /** A programme of known peers' means and no extra spread (tests). */
    static TeamProgramme of(int peers, Map<MonitoringKind, Double> meanCounts) {
        return of(peers, meanCounts, Map.of());
    }

    /** A programme of known peers' means and count variances (tests). */
    static TeamProgramme of(int peers, Map<MonitoringKind, Double> meanCounts,
                            Map<MonitoringKind, Double> varianceCounts) {
        Map<MonitoringKind, Double> v = new EnumMap<>(MonitoringKind.class);
        v.putAll(varianceCounts);
        return new TeamProgramme(peers, new EnumMap<>(meanCounts), v);
    }

    private static double sampleVariance(double sum, double squares, int n) {
        if (n < 2) {
            return 0;
        }
        double mean = sum / n;
        return Math.max(0, (squares - n * mean * mean) / (n - 1));
    }

    public int peers() {
        return peers;
    }

    /** The mean count of a kind among the peers. */
    public double meanCount(MonitoringKind kind) {
        return meanCounts.getOrDefault(kind, 0.0);
    }

    /**
     * Whether {@code count} facts of a kind are more than the team's programme explains. Counts of what a person
     * chooses to do to an agent (QA evaluations, live sessions, screen reviews, performance plans) are tested against
     * Poisson with the peers' mean: a spread among the peers larger than that may itself be targeting, so it does not
     * excuse anyone. Counts that systems produce from the agent's own work ({@link #volumeDriven}: automated scores
     * of every contact, adherence alerts) follow each agent's contact volume, and some agents take twice the
     * contacts of others: they are tested against a negative binomial with the peers' mean and variance, so an agent
     * who simply takes more contacts is not "singled out".
     */
    public boolean kindSingledOut(MonitoringKind kind, int count) {
        if (peers < MIN_PEERS) {
            return true;
        }
        double mean = meanCount(kind);
        double variance = countVariance(kind);
        double tail = variance > mean * 1.000001 ? negativeBinomialAtLeast(count, mean, variance)
                : poissonAtLeast(count, mean);
        return tail < ALPHA;
    }

    /** Kinds whose counts systems produce from the agent's own work, so they scale with contact volume. */
    public static boolean volumeDriven(MonitoringKind kind) {
        return kind == MonitoringKind.AUTOMATED_SCORE || kind == MonitoringKind.ADHERENCE_ALERT;
    }

    /** The variance a count of the kind has under the programme: Poisson, or the peers' spread if volume-driven. */
    private double countVariance(MonitoringKind kind) {
        double mean = meanCount(kind);
        return volumeDriven(kind) ? Math.max(mean, varianceCounts.getOrDefault(kind, 0.0)) : mean;
    }

    /**
     * Whether an agent's index is more than the team's programme explains: more than {@link #Z} standard deviations
     * above the programme's mean index (the weighted peers' means), the variance being the squared weights times each
     * kind's variance under the programme (as {@link #kindSingledOut}).
     */
    public boolean indexSingledOut(double index, GuardrailPolicy policy) {
        if (peers < MIN_PEERS) {
            return true;
        }
        double mean = weightedMean(policy);
        double variance = 0;
        for (MonitoringKind k : MonitoringKind.values()) {
            double w = policy.weight(k);
            variance += w * w * countVariance(k);
        }
        if (variance == 0) {
            return index > mean;
        }
        return (index - mean) / Math.sqrt(variance) > Z;
    }

    /** The programme's expected index for an agent (weighted mean counts of the peers). */
    public double meanIndex(GuardrailPolicy policy) {
        return Math.round(weightedMean(policy) * 100) / 100.0;
    }

    private double weightedMean(GuardrailPolicy policy) {
        double mean = 0;
        for (MonitoringKind k : MonitoringKind.values()) {
            mean += policy.weight(k) * meanCount(k);
        }
        return mean;
    }

    /**
     * P(X >= k) for X negative binomial with the given mean and variance (variance > mean): r = mean² / (variance -
     * mean) failures, success probability mean / variance per trial.
     */
    static double negativeBinomialAtLeast(int k, double mean, double variance) {
        if (k <= 0) {
            return 1;
        }
        if (mean <= 0) {
            return 0;
        }
        double r = mean * mean / (variance - mean);
        double p = mean / variance;
        double logFirst = r * Math.log(p);
        if (logFirst < -700) {
            // far out the terms underflow; the normal approximation with the same mean and variance is exact enough
            double z = (k - 0.5 - mean) / Math.sqrt(variance);
            return 0.5 * erfc(z / Math.sqrt(2));
        }
        double term = Math.exp(logFirst);
        double below = 0;
        for (int i = 0; i < k; i++) {
            below += term;
            term *= (i + r) / (i + 1) * (1 - p);
        }
        return Math.max(0, 1 - below);
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
