package io.wem.coaching.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small descriptive statistics for effectiveness reports and backlogs (no library needed for these). */
public final class Statistics {

    /** Two-sided 97.5 % quantiles of Student's t for 1..30 degrees of freedom. */
    private static final double[] T975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
            2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
            2.056, 2.052, 2.048, 2.045, 2.042};

    private Statistics() {
    }

    public static double mean(List<Double> xs) {
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("mean of no values");
        }
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.size();
    }

    /** Sample standard deviation (n - 1). */
    public static double stdDev(List<Double> xs) {
        if (xs.size() < 2) {
            return 0.0;
        }
        double m = mean(xs);
        double ss = 0;
        for (double x : xs) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (xs.size() - 1));
    }

    /** t quantile for a two-sided 95 % interval; the normal 1.96 beyond 30 degrees of freedom is close enough. */
    public static double t975(int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("degrees of freedom must be >= 1");
        }
        if (degreesOfFreedom <= 30) {
            return T975[degreesOfFreedom - 1];
        }
        if (degreesOfFreedom <= 60) {
            return 2.000 + (2.042 - 2.000) * (60 - degreesOfFreedom) / 30.0;
        }
        return degreesOfFreedom <= 120 ? 1.980 : 1.960;
    }

    public record Interval(double mean, double low, double high, int n) {
    }

    /** Mean with a 95 % t-interval; null when fewer than two values (no spread to estimate). */
    public static Interval meanWithCi95(List<Double> xs) {
        if (xs.size() < 2) {
            return null;
        }
        double m = mean(xs);
        double half = t975(xs.size() - 1) * stdDev(xs) / Math.sqrt(xs.size());
        return new Interval(m, m - half, m + half, xs.size());
    }

    /** Linear-interpolated percentile (p in 0..100) of the values, as spreadsheets compute it; null when empty. */
    public static Double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        if (p < 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be within 0..100");
        }
        List<Double> xs = new ArrayList<>(values);
        Collections.sort(xs);
        double rank = p / 100.0 * (xs.size() - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return xs.get(lo) + (xs.get(hi) - xs.get(lo)) * (rank - lo);
    }

    public static Double median(List<Double> values) {
        return percentile(values, 50);
    }
}
