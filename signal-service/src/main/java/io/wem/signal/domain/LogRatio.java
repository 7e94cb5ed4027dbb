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
     * One part of theta (or theta itself): estimate, standard error, degrees of freedom of a t quantile.
     */
    public record Part(double theta, double se, int df) {
        /** Interval at critical value z (Student t with {@link #df} degrees of freedom). */
        public Stats.Interval interval(double z) {
            double half = Stats.tQuantile(z, Math.max(1, df)) * se;
            return new Stats.Interval(theta - half, theta + half);
        }

        /** The interval at z lies entirely on the side {@code sign} of zero. */
        boolean beyondZero(int sign, double z) {
            Stats.Interval i = interval(z);
            return sign > 0 ? i.low() > 0 : i.high() < 0;
        }
    }

    /**
     * @param theta    log of (sample mean / reference mean on the sample's reason mix)
     * @param se       its standard error
     * @param expected the reference's raw mean on the sample's reason mix (the baseline, in the metric's units)
     * @param logSd    the reference's spread of log values around their reason levels (the effect size's unit)
     * @param n        sample size
     * @param df       degrees of freedom for a t quantile
     * @param share    the first part: log of the ratio of the shares of calls with a value above zero
     * @param length   the second part: the mean log length against the reference's reason levels
     */
    public record Result(double theta, double se, double expected, double logSd, int n, int df, Part share,
                         Part length) {
        /** Standardised effect (Cohen's d on the log scale): theta in units of the reference's log spread. */
        public double effect() {
            return logSd <= 1e-9 ? Math.signum(theta) * 10 : theta / logSd;
        }

        /** Interval of theta at critical value z (Student t with {@link #df} degrees of freedom). */
        public Stats.Interval thetaInterval(double z) {
            return new Part(theta, se, df).interval(z);
        }

        /** The same interval in the metric's units, around the baseline. */
        public Stats.Interval interval(double z) {
            Stats.Interval t = thetaInterval(z);
            return new Stats.Interval(expected * Math.exp(t.low()), expected * Math.exp(t.high()));
        }

        /**
         * Worse on the side {@code sign}: theta, or one of its two parts, excludes zero at {@code z}. Longer holds
         * and more frequent holds are both ways of holding more, and each is often the only one that moved
         * (knowledge retrieval lengthens holds, system navigation multiplies them); testing the whole only would add
         * the unmoved part's noise to the moved one's. Three tests: the caller's z must pay for them (a third of its
         * error each).
         */
        public boolean worse(int sign, double z) {
            return new Part(theta, se, df).beyondZero(sign, z) || share.beyondZero(sign, z)
                    || length.beyondZero(sign, z);
        }

        /** The largest standardised value on the side {@code sign} among theta and its two parts, signed. */
        public double strongestZ(int sign) {
            double best = sign * theta / se;
            best = Math.max(best, sign * share.theta() / share.se());
            best = Math.max(best, sign * length.theta() / length.se());
            return sign * best;
        }
    }

    /** How many tests {@link Result#worse} makes: its z must be for the error divided by this. */
    public static final int TESTS = 3;

    private LogRatio() {
    }

    /** Is this behavior's metric a duration, compared on the log scale when its values allow? */
    public static boolean usesLogScale(Behavior b) {
        return b.metricDef() != null && b.metricDef().type() == Metrics.Type.MEAN && METRICS.contains(b.metric());
    }

    /** Does this behavior's metric use the log-scale comparison, given its values (all finite and non-negative)? */
    static boolean applies(Behavior b, List<Observation> values) {
        if (!usesLogScale(b)) {
            return false;
        }
        for (Observation o : values) {
            if (!(o.value() >= 0) || Double.isInfinite(o.value())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The sufficient statistics of one stratum (mergeable: the organisation reference carries them per team, reason
     * and queue): calls, calls with a positive value, sum and sum of squares of the log positives, sum of raw values.
     */
    public record Sums(int n, int k, double sumLog, double sumLog2, double sum) {
        public static final Sums EMPTY = new Sums(0, 0, 0, 0, 0);

        public static Sums of(double x) {
            if (x > 0) {
                double l = Math.log(x);
                return new Sums(1, 1, l, l * l, x);
            }
            return new Sums(1, 0, 0, 0, x);
        }

        public Sums plus(Sums o) {
            return new Sums(n + o.n, k + o.k, sumLog + o.sumLog, sumLog2 + o.sumLog2, sum + o.sum);
        }
    }

    /** Mutable accumulator of {@link Sums} (no allocation per observation). */
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

        void add(Sums s) {
            n += s.n();
            k += s.k();
            sumLog += s.sumLog();
            sumLog2 += s.sumLog2();
            sum += s.sum();
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
        Map<String, Level> byReason = new HashMap<>();
        for (Observation o : reference) {
            byReason.computeIfAbsent(stratum.apply(o), r -> new Level()).add(o.value());
        }
        return compare(sample, byReason, stratum);
    }

    /**
     * The same comparison with a reference given as aggregates per stratum (the organisation's other teams, read as
     * sums rather than rows).
     */
    public static Result of(List<Observation> sample, Map<String, Sums> reference,
                            Function<Observation, String> stratum) {
        if (sample.size() < 2) {
            return null;
        }
        Map<String, Level> byReason = new HashMap<>();
        reference.forEach((k, v) -> byReason.computeIfAbsent(k, r -> new Level()).add(v));
        return compare(sample, byReason, stratum);
    }

    private static Result compare(List<Observation> sample, Map<String, Level> byReason,
                                  Function<Observation, String> stratum) {
        Level all = new Level();
        for (Level l : byReason.values()) {
            all.n += l.n;
            all.k += l.k;
            all.sumLog += l.sumLog;
            all.sumLog2 += l.sumLog2;
            all.sum += l.sum;
        }
        if (all.n < 2 || all.k < 2) {
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
        double ownVar = positives < 2 ? Double.NaN
                : Math.max(0, (sumResid2 - positives * len * len) / (positives - 1));
        // The spread of the sample's log lengths: a multiplicative change keeps the spread, so the reference's
        // (estimated on far more values) serves unless the sample's own is larger; then the sample's own, with its
        // few degrees of freedom. Either way never less than the sample shows, and not the t quantile of a handful of
        // values when the spread is known from hundreds.
        boolean ownSpread = !Double.isNaN(ownVar) && (ownVar > refLogVar || dfRef < 2);
        double lenVar = ownSpread ? ownVar : refLogVar;
        int dfLen = ownSpread ? positives - 1 : dfRef;
        double varLen = positives == 0 ? 0 : lenVar / positives;
        // The reference's sampling error, weighted by the sample's reason mix.
        double refVarShare = 0;
        double refVarLen = 0;
        for (Map.Entry<String, int[]> e : sampleByReason.entrySet()) {
            Level l = byReason.get(e.getKey());
            Level level = l != null && l.k >= MIN_REASON_REF ? l : all;
            Level share = l != null && l.n >= MIN_REASON_REF ? l : all;
            double w = e.getValue()[0] / (double) n;
            double p = share.share();
            refVarShare += w * w * (p > 0 && p < 1 ? (1 - p) / (share.n * p) : 0);
            refVarLen += w * w * refLogVar / Math.max(1, level.k);
        }
        double theta = freq + len;
        double var = varFreq + varLen + refVarShare + refVarLen;
        // Welch-Satterthwaite over the parts whose variance is estimated (the share parts are binomial).
        double denom = (dfLen > 0 ? varLen * varLen / dfLen : 0) + (dfRef > 0 ? refVarLen * refVarLen / dfRef : 0);
        int df = denom <= 0 ? Math.max(1, n - 1) : (int) Math.max(1, Math.min(1_000_000, var * var / denom));
        Part sharePart = new Part(freq, Math.sqrt(varFreq + refVarShare), 1_000_000);
        double lenVarTotal = varLen + refVarLen;
        Part lengthPart = positives == 0 ? new Part(0, Double.POSITIVE_INFINITY, 1)
                : new Part(len, Math.sqrt(lenVarTotal), denom <= 0 ? Math.max(1, positives - 1)
                : (int) Math.max(1, Math.min(1_000_000, lenVarTotal * lenVarTotal / denom)));
        return new Result(theta, Math.sqrt(var), expectedSum / n, Math.sqrt(refLogVar), n, df, sharePart,
                lengthPart);
    }

    static String reason(Observation o) {
        return o.contactReason() == null ? "" : o.contactReason();
    }
}
