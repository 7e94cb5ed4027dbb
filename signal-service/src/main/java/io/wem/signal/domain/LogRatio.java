package io.wem.signal.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How much larger a sample's mean is than a reference's, on the log scale, for durations (hold, after-call work,
 * talk): right-skewed, often zero (most calls have no hold), and changed by multiplication ("twice the holds").
 *
 * <p>On the raw scale one long hold dominates a mean and the per-call coefficient of variation of hold time is above
 * 1, so a doubled mean over 150 calls is only 4-5 standard errors away; and a mean of log(1 + x) mixes the zeros in
 * and loses most of the effect. This splits the mean into its two parts, each with a well-behaved estimator:
 * {@code log(mean) = log(share of calls with a value > 0) + log(mean of the positive values)}, the latter read as the
 * mean of log values (a log-normal-like length, whose log mean moves with the log of the mean when the spread is
 * the same). Both parts are compared per contact reason with the reference's level for that reason, so a sample
 * with more of the slow reasons is not a gap (and an agent's slow reason is not hidden by fast ones).
 *
 * <p>{@code theta} = log(share ratio) + mean(log x - reference log level of x's reason); its variance is the
 * binomial variance of the log share plus the variance of the mean log residual, plus the reference's own.
 */
public final class LogRatio {

    /** Durations: log-scale two-part comparison. Other MEAN metrics (scores, percentages) stay on the raw scale. */
    static final Set<String> METRICS = Set.of("hold_seconds", "acw_seconds", "talk_seconds");

    /** Fewest reference observations (positives, for the level) for a reason to have its own reference level. */
    static final int MIN_REASON_REF = 10;

    /**
     * @param theta    log of (sample mean / reference mean on the sample's reason mix)
     * @param se       its standard error
     * @param expected the reference's raw mean on the sample's reason mix (the baseline, in the metric's units)
     * @param logSd    the reference's spread of log values around their reason levels (the effect size's unit)
     * @param n        sample size
     * @param df       degrees of freedom for a t quantile
     */
    public record Result(double theta, double se, double expected, double logSd, int n, int df) {
        /** Standardised effect (Cohen's d on the log scale): theta in units of the reference's log spread. */
        public double effect() {
            return logSd <= 1e-9 ? Math.signum(theta) * 10 : theta / logSd;
        }

        /** Interval of theta at critical value z (Student t with {@link #df} degrees of freedom). */
        public Stats.Interval thetaInterval(double z) {
            double half = Stats.tQuantile(z, Math.max(1, df)) * se;
            return new Stats.Interval(theta - half, theta + half);
        }

        /** The same interval in the metric's units, around the baseline. */
        public Stats.Interval interval(double z) {
            Stats.Interval t = thetaInterval(z);
            return new Stats.Interval(expected * Math.exp(t.low()), expected * Math.exp(t.high()));
        }
    }

    private LogRatio() {
    }

    /** Does this behavior's metric use the log-scale comparison, given its values (all finite and non-negative)? */
    static boolean applies(Behavior b, List<Observation> values) {
        if (b.metricDef() == null || b.metricDef().type() != Metrics.Type.MEAN || !METRICS.contains(b.metric())) {
            return false;
        }
        for (Observation o : values) {
            if (!(o.value() >= 0) || Double.isInfinite(o.value())) {
                return false;
            }
        }
        return true;
    }

    /** Per reason: calls, positive calls, sum and sum of squares of log positives, sum of raw values. */
    private static final class Level {
        int n;
        int k;
        double sumLog;
        double sumLog2;
        double sum;

        void add(double x) {
            n++;
            sum += x;
            if (x > 0) {
                double l = Math.log(x);
                k++;
                sumLog += l;
                sumLog2 += l * l;
            }
        }

        double share() {
            return n == 0 ? Double.NaN : (double) k / n;
        }

        double logMean() {
            return k == 0 ? Double.NaN : sumLog / k;
        }

        double mean() {
            return n == 0 ? Double.NaN : sum / n;
        }
    }

    /**
     * @return null when either side lacks data (no positive value in the reference, fewer than 2 sample values)
     */
    public static Result of(List<Observation> sample, List<Observation> reference) {
        return of(sample, reference, LogRatio::reason);
    }

    /**
     * @param stratum what makes two calls comparable (the contact reason; the detector adds the staffing condition
     *                when the team had understaffed intervals, so a team-wide afternoon problem neither hides an
     *                agent's own gap nor makes one)
     */
    public static Result of(List<Observation> sample, List<Observation> reference,
                            Function<Observation, String> stratum) {
        if (sample.size() < 2 || reference.size() < 2) {
            return null;
        }
        Level all = new Level();
        Map<String, Level> byReason = new HashMap<>();
        for (Observation o : reference) {
            all.add(o.value());
            byReason.computeIfAbsent(stratum.apply(o), r -> new Level()).add(o.value());
        }
        if (all.k < 2) {
            return null;
        }
        // The reference's spread of log values around their own reason's level.
        double ss = 0;
        int dfRef = 0;
        for (Level l : byReason.values()) {
            if (l.k >= 2) {
                ss += l.sumLog2 - l.sumLog * l.sumLog / l.k;
                dfRef += l.k - 1;
            }
        }
        double refLogVar = dfRef > 0 ? Math.max(0, ss / dfRef) : 0;

        double expectedPositives = 0;
        double expectedSum = 0;
        int positives = 0;
        double sumResid = 0;
        double sumResid2 = 0;
        double refVar = 0; // variance the reference adds, per sample call, accumulated over the sample's reasons
        Map<String, int[]> sampleByReason = new HashMap<>();
        for (Observation o : sample) {
            Level l = byReason.get(stratum.apply(o));
            Level share = l != null && l.n >= MIN_REASON_REF ? l : all;
            Level level = l != null && l.k >= MIN_REASON_REF ? l : all;
            expectedPositives += share.share();
            expectedSum += share.mean();
            double x = o.value();
            if (x > 0) {
                positives++;
                double r = Math.log(x) - level.logMean();
                sumResid += r;
                sumResid2 += r * r;
            }
            sampleByReason.computeIfAbsent(stratum.apply(o), r -> new int[1])[0]++;
        }
        int n = sample.size();
        // Continuity of the share part: a sample with no positive value at all is still comparable.
        double freq = Math.log((positives + 0.5) / (expectedPositives + 0.5));
        double q = (positives + 0.5) / (n + 1.0);
        double varFreq = (1 - q) / (n * q);
        double len = positives == 0 ? 0 : sumResid / positives;
        double ownVar = positives < 2 ? refLogVar
                : Math.max(0, (sumResid2 - positives * len * len) / (positives - 1));
        double varLen = positives == 0 ? 0 : ownVar / positives;
        // The reference's sampling error, weighted by the sample's reason mix.
        for (Map.Entry<String, int[]> e : sampleByReason.entrySet()) {
            Level l = byReason.get(e.getKey());
            Level level = l != null && l.k >= MIN_REASON_REF ? l : all;
            Level share = l != null && l.n >= MIN_REASON_REF ? l : all;
            double w = e.getValue()[0] / (double) n;
            double p = share.share();
            refVar += w * w * ((p > 0 && p < 1 ? (1 - p) / (share.n * p) : 0) + refLogVar / Math.max(1, level.k));
        }
        double theta = freq + len;
        double se = Math.sqrt(varFreq + varLen + refVar);
        return new Result(theta, se, expectedSum / n, Math.sqrt(refLogVar), n, Math.max(1, positives - 1));
    }

    static String reason(Observation o) {
        return o.contactReason() == null ? "" : o.contactReason();
    }
}
