package io.wem.coaching.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How well a playbook works across its interventions: the share of evaluated interventions closed effective with
 * a 95 % Wilson interval (inconclusive ones count in the denominator: they are evaluations that could not show an
 * effect), the mean net improvement with a 95 % t-interval, and the median time from gap detection to the first
 * coaching. Below {@link #MIN_GROUP} evaluated interventions the rate and the mean are suppressed: a figure from
 * two or three agents reads as a property of the playbook while it is mostly who was picked.
 */
public final class PlaybookEffectiveness {

    /** Smallest number of evaluated interventions for which a rate and a mean effect are reported. */
    public static final int MIN_GROUP = 5;
    private static final double Z95 = 1.959963984540054;

    private PlaybookEffectiveness() {
    }

    public record Row(InterventionState state, Double netImprovement, Instant gapDetectedAt, Instant firstCoachingAt) {
    }

    public record Report(int interventions, int closed, int effective, int inconclusive, Double successRate,
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
        for (Row r : rows) {
            if (r.state().evaluated()) {
                closed++;
                if (r.state() == InterventionState.CLOSED_EFFECTIVE) {
                    effective++;
                } else if (r.state() == InterventionState.CLOSED_INCONCLUSIVE) {
                    inconclusive++;
                }
                if (r.netImprovement() != null) {
                    effects.add(r.netImprovement());
                }
            }
            if (r.firstCoachingAt() != null && r.gapDetectedAt() != null) {
                hours.add(Duration.between(r.gapDetectedAt(), r.firstCoachingAt()).toSeconds() / 3600.0);
            }
        }
        boolean suppressed = closed < MIN_GROUP;
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
            if (effects.size() >= MIN_GROUP) {
                mean = Statistics.mean(effects);
                ci = Statistics.meanWithCi95(effects);
            }
        }
        return new Report(rows.size(), closed, effective, inconclusive, rate, rateLow, rateHigh, mean,
                ci == null ? null : ci.low(), ci == null ? null : ci.high(), effects.size(), suppressed,
                Statistics.median(hours), hours.size());
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
