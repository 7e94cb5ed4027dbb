package io.wem.coaching.domain;

import java.time.Duration;
import java.time.Instant;
import io.wem.common.privacy.SmallCells;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How well a playbook works across its interventions: the share of evaluated interventions closed effective with
 * a 95 % Wilson interval (inconclusive ones count in the denominator: they are evaluations that could not show an
 * effect), the mean net improvement with a 95 % t-interval, and the median time from gap detection to the first
 * coaching. Below {@link SmallCells#MIN_GROUP} distinct agents (not interventions: five of one agent's are still one
 * person) the outcome counts, the rate, the mean and the median are suppressed ({@link SmallCells}): a figure from
 * one to four agents is a statement about those people, and mostly about who was picked.
 */
public final class PlaybookEffectiveness {

    private static final double Z95 = 1.959963984540054;

    private PlaybookEffectiveness() {
    }

    public record Row(String agentId, InterventionState state, Double netImprovement, Instant gapDetectedAt,
                      Instant firstCoachingAt) {
    }

    public record Report(int interventions, int closed, Integer effective, Integer inconclusive, Double successRate,
                         Double successRateCiLow, Double successRateCiHigh, Double meanEffect, Double effectCiLow,
                         Double effectCiHigh, int measured, boolean suppressed, Double medianHoursToFirstCoaching,
                         int started) {
    }

    public static Report compute(List<Row> rows) {
        int closed = 0;
        int effective = 0;
        int inconclusive = 0;
        List<Double> effects = new ArrayList<>();
        List<Double> hours = new ArrayList<>();
        Set<String> evaluatedAgents = new HashSet<>();
        Set<String> measuredAgents = new HashSet<>();
        Set<String> coachedAgents = new HashSet<>();
        for (Row r : rows) {
            if (r.state().evaluated()) {
                closed++;
                evaluatedAgents.add(r.agentId());
                if (r.state() == InterventionState.CLOSED_EFFECTIVE) {
                    effective++;
                } else if (r.state() == InterventionState.CLOSED_INCONCLUSIVE) {
                    inconclusive++;
                }
                if (r.netImprovement() != null) {
                    effects.add(r.netImprovement());
                    measuredAgents.add(r.agentId());
                }
            }
            if (r.firstCoachingAt() != null && r.gapDetectedAt() != null) {
                hours.add(Duration.between(r.gapDetectedAt(), r.firstCoachingAt()).toSeconds() / 3600.0);
                coachedAgents.add(r.agentId());
            }
        }
        boolean suppressed = SmallCells.tooSmall(evaluatedAgents.size());
        Double rate = null;
        Double rateLow = null;
        Double rateHigh = null;
        Double mean = null;
        Statistics.Interval ci = null;
        if (!suppressed) {
            rate = (double) effective / closed;
            double[] w = wilson(effective, closed);
            rateLow = w[0];
            rateHigh = w[1];
            if (!SmallCells.tooSmall(measuredAgents.size())) {
                mean = Statistics.mean(effects);
                ci = Statistics.meanWithCi95(effects);
            }
        }
        return new Report(rows.size(), closed, suppressed ? null : effective, suppressed ? null : inconclusive, rate,
                rateLow, rateHigh, mean, ci == null ? null : ci.low(), ci == null ? null : ci.high(), effects.size(),
                suppressed, SmallCells.tooSmall(coachedAgents.size()) ? null : Statistics.median(hours), hours.size());
    }

    /** Wilson score interval (95 %) of k successes in n trials. */
    public static double[] wilson(int k, int n) {
        double p = (double) k / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
