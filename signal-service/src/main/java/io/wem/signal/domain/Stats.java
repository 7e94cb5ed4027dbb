package io.wem.signal.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The few statistics the detector needs, in plain Java. */
public final class Stats {
    public static final double Z95 = 1.959963984540054;

    private Stats() {
    }

    public record Interval(double low, double high) {
        public boolean contains(double x) {
            return x >= low && x <= high;
        }
    }

    public static double mean(List<Double> xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return xs.isEmpty() ? Double.NaN : s / xs.size();
    }

    /** Sample standard deviation (n - 1). */
    public static double sd(List<Double> xs) {
        if (xs.size() < 2) {
            return 0;
        }
        double m = mean(xs);
        double ss = 0;
        for (double x : xs) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (xs.size() - 1));
    }

    public static double median(List<Double> xs) {
        return percentile(xs, 50);
    }

    /** Linear interpolation between closest ranks, p in 0..100. */
    public static double percentile(List<Double> xs, double p) {
        if (xs.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        double rank = p / 100.0 * (s.size() - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return s.get(lo) + (s.get(hi) - s.get(lo)) * (rank - lo);
    }

    /**
     * Two-sided critical value of a time-uniform confidence sequence (the normal-mixture boundary of Robbins, in the
     * asymptotic form of Waudby-Smith et al., "Time-uniform central limit theory", 2021): an interval of half-width
     * {@code z * sd / sqrt(n)} with this z covers the true mean at every sample size at once with probability at
     * least 1 - alpha. The detector looks at the same agent again each time a signal arrives; a fixed-n interval
     * checked that often crosses by chance far more often than alpha (optional stopping), this one does not.
     *
     * @param tightestAt the sample size at which the sequence is tightest (there about 1.25-1.4 times the fixed-n z;
     *                   it widens slowly, like sqrt(log n), on either side)
     */
    public static double timeUniformZ(double alpha, int n, int tightestAt) {
        double logTerm = -2 * Math.log(alpha);
        double rho2 = (logTerm + Math.log(logTerm + 1)) / Math.max(1, tightestAt);
        double v = Math.max(1, n) * rho2;
        return Math.sqrt(2 * (v + 1) / v * Math.log(Math.sqrt(v + 1) / alpha));
    }

    /** Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
    public static double normalQuantile(double p) {
        if (p <= 0 || p >= 1) {
            throw new IllegalArgumentException("p must be in (0, 1)");
        }
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
                -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
                4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double pl = 0.02425;
        if (p < pl) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - pl) {
            return -normalQuantile(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    /** Wilson score interval (95%) for a proportion k/n. */
    public static Interval wilson(double k, int n) {
        return wilson(k, n, Z95);
    }

    /** Wilson score interval for a proportion k/n: well-behaved for small n and rates near 0 or 1. */
    public static Interval wilson(double k, int n, double z) {
        if (n == 0) {
            return new Interval(0, 1);
        }
        double p = k / n;
        double z2 = z * z;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** Student-t interval for a mean at the confidence of the two-sided critical z. */
    public static Interval tInterval(List<Double> xs, double z) {
        int n = xs.size();
        double m = mean(xs);
        if (n < 2) {
            return new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }
        double half = tQuantile(z, n - 1) * sd(xs) / Math.sqrt(n);
        return new Interval(m - half, m + half);
    }

    /** Welch interval for the difference of two means (a - b). */
    public static Interval welchDifference(List<Double> a, List<Double> b, double z) {
        double va = Math.pow(sd(a), 2) / a.size();
        double vb = Math.pow(sd(b), 2) / b.size();
        double se = Math.sqrt(va + vb);
        double df = se == 0 ? a.size() + b.size() - 2
                : Math.pow(va + vb, 2) / (va * va / Math.max(1, a.size() - 1) + vb * vb / Math.max(1, b.size() - 1));
        double d = mean(a) - mean(b);
        double half = tQuantile(z, Math.max(1, df)) * se;
        return new Interval(d - half, d + half);
    }

    /** Newcombe's hybrid score interval for the difference of two proportions (pa - pb), from Wilson intervals. */
    public static Interval newcombeDifference(double ka, int na, double kb, int nb, double z) {
        double pa = ka / na;
        double pb = kb / nb;
        Interval wa = wilson(ka, na, z);
        Interval wb = wilson(kb, nb, z);
        double d = pa - pb;
        double low = d - Math.sqrt(Math.pow(pa - wa.low(), 2) + Math.pow(wb.high() - pb, 2));
        double high = d + Math.sqrt(Math.pow(wa.high() - pa, 2) + Math.pow(pb - wb.low(), 2));
        return new Interval(low, high);
    }

    /**
     * 97.5% quantile of Student's t with df degrees of freedom (Cornish-Fisher expansion around the normal
     * quantile; within 0.5% of the exact value from df = 3, exact enough for a guard).
     */
    public static double tQuantile975(double df) {
        return tQuantile(Z95, df);
    }

    /** Student-t quantile matching the normal quantile z (Cornish-Fisher expansion). */
    public static double tQuantile(double z, double df) {
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        double z7 = z5 * z * z;
        return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df * df * df);
    }

    /** Cohen's h between two proportions. */
    public static double cohenH(double p1, double p2) {
        return 2 * Math.asin(Math.sqrt(clamp01(p1))) - 2 * Math.asin(Math.sqrt(clamp01(p2)));
    }

    private static double clamp01(double p) {
        return Math.max(0, Math.min(1, p));
    }
}
