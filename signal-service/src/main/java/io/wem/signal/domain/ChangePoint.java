package io.wem.signal.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleBiFunction;
import java.util.function.IntToDoubleFunction;

/**
 * The most significant drop in one agent's own series: the day boundary that best splits the series into an earlier
 * and a later part with the later part worse (largest Welch statistic), and the interval of the decline at a level
 * corrected for having scanned every boundary (Bonferroni over the candidate days). Computed with prefix sums, one
 * pass per agent.
 */
public final class ChangePoint {

    /**
     * @param at      first instant of the later part
     * @param decline interval of (later - earlier) in the metric's units; "worse" is decided by the caller's direction
     */
    public record Drop(Instant at, double before, int beforeN, double after, int afterN, Stats.Interval decline,
                       List<Observation> beforeObs, List<Observation> afterObs, int candidates) {
    }

    private ChangePoint() {
    }

    /**
     * @param sign   +1 when higher values are worse
     * @param minSeg fewest observations on either side of a boundary
     * @param alpha  error of the whole scan (two-sided)
     * @return the best split, or null when no boundary leaves minSeg observations on both sides
     */
    public static Drop find(List<Observation> series, int sign, int minSeg, double alpha) {
        List<Observation> s = new ArrayList<>(series);
        s.sort(Comparator.comparing(Observation::at));
        int n = s.size();
        if (n < 2 * minSeg) {
            return null;
        }
        double[] sum = new double[n + 1];
        double[] sq = new double[n + 1];
        for (int k = 0; k < n; k++) {
            double v = s.get(k).value();
            sum[k + 1] = sum[k] + v;
            sq[k + 1] = sq[k] + v * v;
        }
        return split(s, cuts(s, minSeg), k -> sign * (mean(sum, k, n) - mean(sum, 0, k)) / se(sum, sq, 0, k, k, n),
                alpha);
    }

    /**
     * The same scan with another statistic of (earlier part, later part), larger when the later part is worse: the
     * boundary with the largest value wins. {@code decline} of the result is then the Welch interval of the raw
     * values; a caller with its own statistic reads its own interval from the two parts.
     */
    public static Drop find(List<Observation> series, ToDoubleBiFunction<List<Observation>, List<Observation>> stat,
                            int minSeg, double alpha) {
        List<Observation> s = new ArrayList<>(series);
        s.sort(Comparator.comparing(Observation::at));
        return split(s, cuts(s, minSeg), k -> stat.applyAsDouble(s.subList(0, k), s.subList(k, s.size())), alpha);
    }

    /** The cut with the largest statistic, its parts and the Welch interval of the change (Bonferroni over cuts). */
    private static Drop split(List<Observation> s, List<Integer> cuts, IntToDoubleFunction stat, double alpha) {
        if (cuts.isEmpty()) {
            return null;
        }
        int best = -1;
        double bestT = Double.NEGATIVE_INFINITY;
        for (int k : cuts) {
            double t = stat.applyAsDouble(k);
            if (t > bestT) {
                bestT = t;
                best = k;
            }
        }
        if (best < 0) {
            return null; // no boundary has a defined statistic (-inf or NaN at every cut): no drop to report
        }
        List<Observation> before = s.subList(0, best);
        List<Observation> after = s.subList(best, s.size());
        double z = Stats.normalQuantile(1 - alpha / (2.0 * cuts.size()));
        return new Drop(s.get(best).at(), Stats.mean(values(before)), best, Stats.mean(values(after)), after.size(),
                Stats.welchDifference(values(after), values(before), z), List.copyOf(before), List.copyOf(after),
                cuts.size());
    }

    /** Day boundaries that leave at least minSeg observations on both sides (series sorted by time). */
    private static List<Integer> cuts(List<Observation> s, int minSeg) {
        List<Integer> cuts = new ArrayList<>();
        int n = s.size();
        for (int k = 1; k < n; k++) {
            if (k >= minSeg && n - k >= minSeg && !day(s.get(k).at()).equals(day(s.get(k - 1).at()))) {
                cuts.add(k);
            }
        }
        return cuts;
    }

    private static Instant day(Instant t) {
        return t.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
    }

    private static double mean(double[] sum, int from, int to) {
        return (sum[to] - sum[from]) / (to - from);
    }

    private static double variance(double[] sum, double[] sq, int from, int to) {
        int m = to - from;
        if (m < 2) {
            return 0;
        }
        double mu = mean(sum, from, to);
        return Math.max(0, (sq[to] - sq[from] - m * mu * mu) / (m - 1));
    }

    private static double se(double[] sum, double[] sq, int a0, int a1, int b0, int b1) {
        double v = variance(sum, sq, a0, a1) / (a1 - a0) + variance(sum, sq, b0, b1) / (b1 - b0);
        return Math.sqrt(Math.max(v, 1e-12));
    }

    private static List<Double> values(List<Observation> obs) {
        return obs.stream().map(Observation::value).toList();
    }
}
