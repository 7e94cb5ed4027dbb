package io.wem.signal.domain;

import io.wem.common.contracts.BuiltInBehaviors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The log-scale two-part comparison of durations. Data here: gamma-like holds (a sum of exponentials, not the
 * log-normal the calibration generator uses), half of the calls without hold, reason names generated per test.
 */
class LogRatioTest {
    static final Instant T0 = Instant.parse("2026-10-05T08:00:00Z");

    /** A call's hold: with probability {@code share} a gamma length (shape 3, a sum of exponentials) of mean {@code mean}. */
    static double hold(Random r, double share, double mean) {
        if (r.nextDouble() >= share) {
            return 0;
        }
        double sum = 0;
        for (int k = 0; k < 3; k++) {
            sum -= Math.log(1 - r.nextDouble());
        }
        return mean / 3 * sum;
    }

    static String name(Random r) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < 6 + r.nextInt(5); k++) {
            s.append((char) ('a' + r.nextInt(26)));
        }
        return s.toString();
    }

    static List<Observation> calls(Random r, String agent, int n, String[] reasons, double[] reasonMean,
                                   double share, double factor) {
        List<Observation> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int ri = r.nextInt(reasons.length);
            out.add(new Observation(agent, agent + "-" + k, T0.plus(Duration.ofMinutes(7L * k)),
                    hold(r, share, reasonMean[ri] * factor), null, reasons[ri]));
        }
        return out;
    }

    /** Under the null (same distribution on both sides), the 95% interval of theta covers 0 about 95% of the time. */
    @Property(tries = 30)
    void nullIntervalsCoverZero(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                @ForAll @DoubleRange(min = 0.2, max = 0.95) double share) {
        Random r = new Random(seed);
        String[] reasons = {name(r), name(r), name(r)};
        double[] means = {20 + 80 * r.nextDouble(), 20 + 80 * r.nextDouble(), 20 + 80 * r.nextDouble()};
        int covered = 0;
        int trials = 200;
        for (int t = 0; t < trials; t++) {
            List<Observation> a = calls(r, "a", 150, reasons, means, share, 1);
            List<Observation> ref = calls(r, "ref", 1500, reasons, means, share, 1);
            if (LogRatio.of(a, ref).thetaInterval(Stats.Z95).contains(0)) {
                covered++;
            }
        }
        // Binomial(200, 0.95): below 0.88 is more than 4 standard errors off.
        assertTrue(covered >= 0.88 * trials, "coverage " + covered + "/" + trials);
    }

    /** Units do not matter: seconds or minutes give the same theta and standard error. */
    @Property(tries = 50)
    void scaleFree(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                   @ForAll @DoubleRange(min = 0.01, max = 1000) double unit) {
        Random r = new Random(seed);
        String[] reasons = {name(r), name(r)};
        double[] means = {30, 90};
        List<Observation> a = calls(r, "a", 60, reasons, means, 0.6, 1.7);
        List<Observation> ref = calls(r, "ref", 400, reasons, means, 0.6, 1);
        LogRatio.Result x = LogRatio.of(a, ref);
        LogRatio.Result y = LogRatio.of(scale(a, unit), scale(ref, unit));
        assertEquals(x.theta(), y.theta(), 1e-9);
        assertEquals(x.se(), y.se(), 1e-9);
        assertEquals(x.expected() * unit, y.expected(), 1e-6 * Math.max(1, y.expected()));
    }

    /**
     * An agent with more of the slow reason is not "longer": theta compares reason by reason. Averaged over 40
     * agents, theta / se stays near 0 (its standard error there is about 0.16; the bound is over 4 of them).
     */
    @Property(tries = 10)
    void reasonMixIsNotAnEffect(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                @ForAll @IntRange(min = 3, max = 10) int slowFactor) {
        Random r = new Random(seed);
        String[] reasons = {name(r), name(r)};
        double[] means = {20, 20.0 * slowFactor};
        double sumZ = 0;
        for (int t = 0; t < 40; t++) {
            List<Observation> ref = calls(r, "ref", 1000, reasons, means, 0.7, 1);
            // The agent takes only the slow reason.
            List<Observation> a = calls(r, "a", 200, new String[]{reasons[1]}, new double[]{means[1]}, 0.7, 1);
            LogRatio.Result x = LogRatio.of(a, ref);
            sumZ += x.theta() / x.se();
        }
        assertTrue(Math.abs(sumZ / 40) < 0.7, "mean z " + sumZ / 40);
    }

    static List<Observation> scale(List<Observation> obs, double unit) {
        return obs.stream().map(o -> new Observation(o.agentId(), o.interactionId(), o.at(), o.value() * unit,
                o.queue(), o.contactReason())).toList();
    }

    /**
     * The hole this closes: twice the team's hold time over 250 calls (a week and a half), half of them without
     * hold, on a gamma-like length. The raw-scale mean test at the team's family-wise level did not find it (issue #16: detection ≥ 0.9
     * only at 4×); the log-scale test does, in every one of 20 generated teams, and flags no one else.
     */
    @Test
    void twiceTheHoldsAreFoundAndNobodyElse() {
        Behavior hold = GapDetectorTest.builtIn(BuiltInBehaviors.HOLD_USAGE);
        GapDetector detector = new GapDetector(GapDetector.Settings.defaults());
        int found = 0;
        int others = 0;
        for (long seed = 1; seed <= 20; seed++) {
            Random r = new Random(seed * 31);
            String[] reasons = {name(r), name(r), name(r), name(r)};
            double[] means = new double[reasons.length];
            for (int k = 0; k < means.length; k++) {
                means[k] = 30 + 60 * r.nextDouble();
            }
            List<Observation> all = new ArrayList<>();
            for (int a = 0; a < 12; a++) {
                double own = Math.exp(0.1 * r.nextGaussian()); // agents differ
                all.addAll(calls(r, "ag" + a, 250, reasons, means, 0.5, own * (a == 0 ? 2 : 1)));
            }
            TeamData data = new TeamData("team-" + seed, T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(14)),
                    all, List.of(), List.of(), java.util.Map.of(), List.of());
            for (Assessment x : detector.assessWithSlices(hold, data)) {
                if (x.gap() && x.agentId().equals("ag0")) {
                    found++;
                } else if (x.gap()) {
                    others++;
                }
            }
        }
        assertTrue(found >= 18, "found " + found + "/20");
        assertEquals(0, others);
    }
}
