package io.wem.coaching.domain;

import java.util.List;
import java.util.Locale;

/**
 * Was the behavior change real? Difference-in-differences with a 95 % interval: the agent's change from the gap
 * window to the window after the first coaching, minus the comparison's change over the same windows, so a drift
 * that moved the whole team is not credited to coaching. The verdict is three-valued: EFFECTIVE only when the
 * interval's lower bound is above zero and the estimate meets the criterion, INEFFECTIVE when the interval rules
 * the criterion out, INCONCLUSIVE otherwise (too little data to tell). One-sided error of EFFECTIVE on a null
 * intervention: at most {@link #ONE_SIDED_ERROR}.
 *
 * <p>Regression to the mean: an agent picked for an extreme value drifts back by itself. The preferred comparison
 * is uncoached peers of the same team with the same gap (they were picked by the same rule, so they regress the
 * same way). Without enough peers the team trend is used, and the part of the agent's distance to the team that
 * its own sampling noise can explain (at most two standard errors of the gap-window value) is taken off the
 * improvement before judging. Without any comparison an agent-level verdict is INCONCLUSIVE.
 */
public final class OutcomeEvaluation {

    /** Chance that a null intervention is called EFFECTIVE (one side of a two-sided 95 % interval). */
    public static final double ONE_SIDED_ERROR = 0.025;
    /** Fewer uncoached peers than this give a comparison too noisy to use (t with one degree of freedom is 12.7). */
    public static final int MIN_PEERS = 3;
    /**
     * Fewer observations than this in a window give no verdict: the spread of a handful of skewed values (handle
     * times) is itself too uncertain for an interval to hold its error rate.
     */
    public static final int MIN_SAMPLES = 20;
    /** How many standard errors of the gap-window value may be selection noise that regresses by itself. */
    static final double REGRESSION_SE = 2.0;

    private OutcomeEvaluation() {
    }

    public enum ComparisonKind { UNCOACHED_PEERS, TEAM_TREND, NONE }

    public enum Outcome { EFFECTIVE, INEFFECTIVE, INCONCLUSIVE }

    /** One window pair of a comparison unit (a peer, the team, or one affected agent of a team-level work). */
    public record Change(double before, double after) {
        public double delta() {
            return after - before;
        }
    }

    /**
     * The agent's value in one window: the mean of {@code n} observations with their standard deviation (null
     * when unknown), and the team's pooled value and size in the same window (null when unknown).
     */
    public record Window(double value, int n, Double sd, Double teamValue, Integer teamN) {
        Double standardError() {
            return sd == null || n < MIN_SAMPLES ? null : sd / Math.sqrt(n);
        }
    }

    /**
     * @param improvement   net improvement as a fraction of the before value, positive = better, after the
     *                      regression allowance
     * @param ciLow         95 % interval of {@code improvement}; null when the noise could not be estimated
     * @param regressionAllowance the part of the raw change credited to regression to the mean (criterion units)
     */
    public record Result(double before, double after, Double comparisonBefore, Double comparisonAfter,
                         ComparisonKind comparisonKind, int comparisonSize, double rawChange, double netChange,
                         double netImprovement, Double ciLow, Double ciHigh, double regressionAllowance,
                         Outcome outcome, String explanation) {
        public boolean effective() {
            return outcome == Outcome.EFFECTIVE;
        }
    }

    /**
     * Agent-level evaluation.
     *
     * @param peers     changes of uncoached peers with the same gap (may be empty)
     * @param teamTrend the team's values in both windows, or null
     */
    public static Result evaluate(SuccessCriterion criterion, Window before, Window after, List<Change> peers,
                                  Change teamTrend) {
        double raw = after.value() - before.value();
        Double seB = before.standardError();
        Double seA = after.standardError();
        Double agentVar = seB == null || seA == null ? null : seB * seB + seA * seA;
        int agentDf = Math.max(1, Math.min(before.n(), after.n()) - 1);
        int sign = criterion.direction().sign();
        String noSpread = "the agent's spread in a window is unknown, or fewer than " + MIN_SAMPLES + " observations";
        if (peers != null && peers.size() >= MIN_PEERS) {
            List<Double> deltas = peers.stream().map(Change::delta).toList();
            double peerMean = Statistics.mean(deltas);
            double peerSd = Statistics.stdDev(deltas);
            double peerVar = peerSd * peerSd / peers.size();
            double cBefore = peers.stream().mapToDouble(Change::before).average().orElseThrow();
            double cAfter = peers.stream().mapToDouble(Change::after).average().orElseThrow();
            if (agentVar == null) {
                return judge(criterion, before.value(), after.value(), cBefore, cAfter, ComparisonKind.UNCOACHED_PEERS,
                        peers.size(), raw, raw - peerMean, 0.0, null, 0, noSpread);
            }
            // The agent's own noise, or one peer's change if that is larger (peers differ in how they drift).
            double unitVar = Math.max(agentVar, peerSd * peerSd);
            int df = welchDf(unitVar, unitVar == agentVar ? agentDf : peers.size() - 1, peerVar, peers.size() - 1);
            return judge(criterion, before.value(), after.value(), cBefore, cAfter, ComparisonKind.UNCOACHED_PEERS,
                    peers.size(), raw, raw - peerMean, 0.0, Math.sqrt(unitVar + peerVar), df, null);
        }
        if (teamTrend != null) {
            double net = raw - teamTrend.delta();
            if (agentVar == null) {
                return judge(criterion, before.value(), after.value(), teamTrend.before(), teamTrend.after(),
                        ComparisonKind.TEAM_TREND, 1, raw, net, 0.0, null, 0, noSpread);
            }
            // The team's own change is noisy too; the agent's spread stands in for the team's.
            double teamVar = teamVar(before) + teamVar(after);
            double distance = before.value() - teamTrend.before();
            boolean pickedForBeingWorse = sign * distance < 0;
            double allowance = pickedForBeingWorse ? Math.min(Math.abs(distance), REGRESSION_SE * seB) : 0.0;
            return judge(criterion, before.value(), after.value(), teamTrend.before(), teamTrend.after(),
                    ComparisonKind.TEAM_TREND, 1, raw, net, allowance, Math.sqrt(agentVar + teamVar), agentDf, null);
        }
        return judge(criterion, before.value(), after.value(), null, null, ComparisonKind.NONE, 0, raw, raw, 0.0,
                null, 0, "no comparison group: regression to the mean cannot be told from an effect");
    }

    /**
     * Team-level evaluation (work that changes the whole team, so no internal comparison exists): the mean of
     * the affected agents' paired changes, with a t-interval over agents.
     */
    public static Result evaluateTeam(SuccessCriterion criterion, List<Change> affected) {
        double before = affected.stream().mapToDouble(Change::before).average().orElseThrow();
        double after = affected.stream().mapToDouble(Change::after).average().orElseThrow();
        double raw = after - before;
        if (affected.size() < 2) {
            return judge(criterion, before, after, null, null, ComparisonKind.NONE, 0, raw, raw, 0.0, null, 0,
                    "fewer than two affected agents measured in both windows");
        }
        double sd = Statistics.stdDev(affected.stream().map(Change::delta).toList());
        return judge(criterion, before, after, null, null, ComparisonKind.NONE, 0, raw, raw, 0.0,
                sd / Math.sqrt(affected.size()), affected.size() - 1, null);
    }

    private static double teamVar(Window w) {
        return w.teamN() == null || w.teamN() < 1 || w.sd() == null ? 0.0 : w.sd() * w.sd() / w.teamN();
    }

    /** Welch–Satterthwaite degrees of freedom of a sum of two variance estimates. */
    static int welchDf(double a, int dfA, double b, int dfB) {
        double denom = (dfA > 0 ? a * a / dfA : 0) + (dfB > 0 ? b * b / dfB : 0);
        if (denom <= 0) {
            return Math.max(1, Math.min(dfA, dfB));
        }
        return Math.max(1, (int) Math.floor((a + b) * (a + b) / denom));
    }

    private static Result judge(SuccessCriterion criterion, double before, double after, Double cBefore,
                                Double cAfter, ComparisonKind kind, int size, double raw, double net,
                                double allowance, Double se, int df, String noInterval) {
        int sign = criterion.direction().sign();
        double scale = Math.abs(before) > 1e-9 ? Math.abs(before) : 1.0;
        double improvement = (sign * net - allowance) / scale;
        Double lo = null;
        Double hi = null;
        if (se != null) {
            double half = Statistics.t975(df) * se / scale;
            lo = improvement - half;
            hi = improvement + half;
        }
        Outcome outcome;
        String target;
        if (criterion.relativeImprovement() != null) {
            double goal = criterion.relativeImprovement();
            target = String.format(Locale.ROOT, "target %.1f %%", goal * 100);
            outcome = lo == null ? Outcome.INCONCLUSIVE
                    : lo > 0 && improvement >= goal ? Outcome.EFFECTIVE
                    : hi < goal ? Outcome.INEFFECTIVE : Outcome.INCONCLUSIVE;
        } else {
            double goal = criterion.absoluteTarget();
            boolean reached = sign > 0 ? after >= goal : after <= goal;
            // The improvement the agent needed to reach the target from where they started (none if already there).
            double needed = Math.max(0.0, sign * (goal - before) / scale);
            target = String.format(Locale.ROOT, "after value %.3f %s target %.3f", after, reached ? "meets" : "misses",
                    goal);
            outcome = lo == null ? Outcome.INCONCLUSIVE
                    : reached && lo > 0 ? Outcome.EFFECTIVE
                    : hi < needed || hi <= 0 ? Outcome.INEFFECTIVE : Outcome.INCONCLUSIVE;
        }
        String interval = lo == null ? "no interval (" + noInterval + ")"
                : String.format(Locale.ROOT, "95 %% interval %.1f %% to %.1f %%", lo * 100, hi * 100);
        String explanation = String.format(Locale.ROOT, "%s: net %s of %.1f %% (%s; %s), %s%s", outcome,
                sign > 0 ? "increase" : "decrease", improvement * 100, interval, target, describe(kind),
                allowance > 0 ? String.format(Locale.ROOT, "; %.3f of the change taken off as regression to the mean",
                        allowance) : "");
        return new Result(before, after, cBefore, cAfter, kind, size, raw, net, improvement, lo, hi, allowance,
                outcome, explanation);
    }

    private static String describe(ComparisonKind kind) {
        return switch (kind) {
            case UNCOACHED_PEERS -> "compared with uncoached peers with the same gap";
            case TEAM_TREND -> "compared with the team trend";
            case NONE -> "no comparison group";
        };
    }
}
