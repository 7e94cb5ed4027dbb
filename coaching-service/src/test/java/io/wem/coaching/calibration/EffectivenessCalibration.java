package io.wem.coaching.calibration;

import io.wem.coaching.domain.Direction;
import io.wem.coaching.domain.OutcomeEvaluation;
import io.wem.coaching.domain.SuccessCriterion;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Effectiveness verdicts against ground truth. Generated organisations of its own: teams of 8 to 14 agents whose
 * true handle times differ (log-normal around six minutes), calls per window that differ (and a window with only a
 * handful of calls for some agents: missing data), per-call log-normal noise, a drift that moves the whole team
 * between the windows plus a small drift of each agent's own. In each team the agent with the worst observed
 * before-value is coached (picked for being extreme, so regression to the mean is present); the next-worst agents
 * are the uncoached peers with the same gap, and some teams have too few of them (the team trend is the comparison
 * then). The coaching multiplies the coached agent's true handle time by {@code 1 - effect}; effect 0 is a null
 * intervention. The generator knows nothing of the evaluation's thresholds; it calls the domain code
 * ({@link OutcomeEvaluation#evaluate}) as coaching-service does.
 */
public final class EffectivenessCalibration {

    /** True relative reductions of handle time planted by the coaching. */
    public static final double[] EFFECTS = {0.0, 0.05, 0.10, 0.15, 0.20, 0.30};
    public static final int TEAMS_PER_SEED = 40;

    /** "Any improvement": the harshest criterion for a null intervention (EFFECTIVE needs only lo > 0). */
    public static final SuccessCriterion ANY =
            new SuccessCriterion("aht_seconds", Direction.DECREASE, 0.0, null, Duration.ofDays(14));
    /** A 10 % reduction target, like a playbook's. */
    public static final SuccessCriterion TEN_PERCENT =
            new SuccessCriterion("aht_seconds", Direction.DECREASE, 0.10, null, Duration.ofDays(14));

    private EffectivenessCalibration() {
    }

    /** Verdict counts of one effect size, and by comparison kind. */
    public static final class Tally {
        public final Map<OutcomeEvaluation.Outcome, Integer> outcomes = new EnumMap<>(OutcomeEvaluation.Outcome.class);
        public final Map<OutcomeEvaluation.ComparisonKind, int[]> byComparison =
                new EnumMap<>(OutcomeEvaluation.ComparisonKind.class);
        public int runs;

        void add(OutcomeEvaluation.Result r) {
            runs++;
            outcomes.merge(r.outcome(), 1, Integer::sum);
            int[] c = byComparison.computeIfAbsent(r.comparisonKind(), k -> new int[2]);
            c[0]++;
            if (r.effective()) {
                c[1]++;
            }
        }

        public int count(OutcomeEvaluation.Outcome o) {
            return outcomes.getOrDefault(o, 0);
        }
    }

    /** Runs seeds {@code first..first+seeds-1}; one tally per effect size (index as in {@link #EFFECTS}). */
    public static Tally[] run(long first, int seeds, SuccessCriterion criterion) {
        Tally[] tallies = new Tally[EFFECTS.length];
        for (int e = 0; e < EFFECTS.length; e++) {
            tallies[e] = new Tally();
        }
        for (long seed = first; seed < first + seeds; seed++) {
            for (int e = 0; e < EFFECTS.length; e++) {
                Random rnd = new Random(seed * 1_000_003L + e * 7919L);
                for (int t = 0; t < TEAMS_PER_SEED; t++) {
                    tallies[e].add(team(rnd, EFFECTS[e], criterion));
                }
            }
        }
        return tallies;
    }

    private record Sample(double mean, double sd, int n, double sum) {
    }

    private static Sample sample(Random rnd, double trueMean, int n) {
        double sigma = 0.45 + rnd.nextDouble() * 0.15;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double x = trueMean * Math.exp(sigma * rnd.nextGaussian() - sigma * sigma / 2);
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / n;
        double var = n > 1 ? Math.max(0, (sumSq - n * mean * mean) / (n - 1)) : 0;
        return new Sample(mean, Math.sqrt(var), n, sum);
    }

    private static int calls(Random rnd) {
        return rnd.nextDouble() < 0.08 ? 3 + rnd.nextInt(14) : 15 + rnd.nextInt(90);
    }

    static OutcomeEvaluation.Result team(Random rnd, double effect, SuccessCriterion criterion) {
        int size = 8 + rnd.nextInt(7);
        double teamDrift = Math.exp(0.06 * rnd.nextGaussian());
        double[] truth = new double[size];
        Sample[] before = new Sample[size];
        for (int a = 0; a < size; a++) {
            truth[a] = 360 * Math.exp(0.2 * rnd.nextGaussian());
            before[a] = sample(rnd, truth[a], calls(rnd));
        }
        List<Integer> order = new ArrayList<>();
        for (int a = 0; a < size; a++) {
            order.add(a);
        }
        order.sort(Comparator.comparingDouble((Integer a) -> before[a].mean()).reversed());
        int coached = order.get(0);
        Sample[] after = new Sample[size];
        for (int a = 0; a < size; a++) {
            double own = Math.exp(0.04 * rnd.nextGaussian());
            double m = truth[a] * teamDrift * own * (a == coached ? 1 - effect : 1);
            after[a] = sample(rnd, m, calls(rnd));
        }
        // Peers with the same gap: the next-worst agents; some teams have too few (none, one or two).
        int peerCount = rnd.nextDouble() < 0.35 ? rnd.nextInt(3) : 3 + rnd.nextInt(3);
        List<OutcomeEvaluation.Change> peers = new ArrayList<>();
        for (int i = 1; i <= peerCount && i < size; i++) {
            int p = order.get(i);
            peers.add(new OutcomeEvaluation.Change(before[p].mean(), after[p].mean()));
        }
        double teamBefore = pooled(before);
        double teamAfter = pooled(after);
        int nBefore = total(before);
        int nAfter = total(after);
        OutcomeEvaluation.Window wb = new OutcomeEvaluation.Window(before[coached].mean(), before[coached].n(),
                before[coached].sd(), teamBefore, nBefore);
        OutcomeEvaluation.Window wa = new OutcomeEvaluation.Window(after[coached].mean(), after[coached].n(),
                after[coached].sd(), teamAfter, nAfter);
        return OutcomeEvaluation.evaluate(criterion, wb, wa, peers,
                new OutcomeEvaluation.Change(teamBefore, teamAfter));
    }

    private static double pooled(Sample[] s) {
        double sum = 0;
        int n = 0;
        for (Sample x : s) {
            sum += x.sum();
            n += x.n();
        }
        return sum / n;
    }

    private static int total(Sample[] s) {
        int n = 0;
        for (Sample x : s) {
            n += x.n();
        }
        return n;
    }
}
