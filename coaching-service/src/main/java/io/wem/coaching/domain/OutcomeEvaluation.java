package io.wem.coaching.domain;

import java.util.List;

/**
 * Was the behavior change real? Difference-in-differences: the agent's change from the gap window to the window
 * after the first coaching, minus the comparison's change over the same windows, so a drift that moved the whole
 * team (a new IVR, a seasonal mix) is not credited to coaching.
 *
 * <p>Comparison, in order of preference: peers of the same team with the same behavior gap who were not coached
 * yet (their mean change), else the team's own value in both windows (the team trend), else none (then the
 * plain before/after change is used and the result says so).
 */
public final class OutcomeEvaluation {

    private OutcomeEvaluation() {
    }

    public enum ComparisonKind { UNCOACHED_PEERS, TEAM_TREND, NONE }

    /** One window pair of a comparison unit (a peer, or the team). */
    public record Change(double before, double after) {
        public double delta() {
            return after - before;
        }
    }

    public record Result(double before, double after, Double comparisonBefore, Double comparisonAfter,
                         ComparisonKind comparisonKind, int comparisonSize, double rawChange, double netChange,
                         double netImprovement, boolean effective, String explanation) {
    }

    /**
     * @param before        the agent's value in the gap window
     * @param after         the agent's value after the first coaching
     * @param peers         changes of uncoached peers with the same gap (may be empty)
     * @param teamTrend     the team's values in both windows, or null
     */
    public static Result evaluate(SuccessCriterion criterion, double before, double after, List<Change> peers,
                                  Change teamTrend) {
        ComparisonKind kind;
        Double cBefore = null;
        Double cAfter = null;
        int size = 0;
        if (peers != null && !peers.isEmpty()) {
            kind = ComparisonKind.UNCOACHED_PEERS;
            cBefore = peers.stream().mapToDouble(Change::before).average().orElseThrow();
            cAfter = peers.stream().mapToDouble(Change::after).average().orElseThrow();
            size = peers.size();
        } else if (teamTrend != null) {
            kind = ComparisonKind.TEAM_TREND;
            cBefore = teamTrend.before();
            cAfter = teamTrend.after();
            size = 1;
        } else {
            kind = ComparisonKind.NONE;
        }
        double raw = after - before;
        double net = kind == ComparisonKind.NONE ? raw : raw - (cAfter - cBefore);
        int sign = criterion.direction().sign();
        // Improvement relative to where the agent started, positive = better in the criterion's direction.
        double scale = Math.abs(before) > 1e-9 ? Math.abs(before) : 1.0;
        double improvement = sign * net / scale;
        boolean effective;
        String explanation;
        if (criterion.relativeImprovement() != null) {
            effective = improvement >= criterion.relativeImprovement();
            explanation = String.format(java.util.Locale.ROOT,
                    "net %s of %.1f %% against a target of %.1f %% (%s)", sign > 0 ? "increase" : "decrease",
                    improvement * 100, criterion.relativeImprovement() * 100, describe(kind));
        } else {
            double target = criterion.absoluteTarget();
            boolean reached = sign > 0 ? after >= target : after <= target;
            // Reaching the target only counts when the agent also moved beyond the comparison's drift.
            effective = reached && sign * net > 0;
            explanation = String.format(java.util.Locale.ROOT,
                    "after value %.3f %s target %.3f; net change %.3f (%s)", after, reached ? "meets" : "misses",
                    target, net, describe(kind));
        }
        return new Result(before, after, cBefore, cAfter, kind, size, raw, net, improvement, effective, explanation);
    }

    private static String describe(ComparisonKind kind) {
        return switch (kind) {
            case UNCOACHED_PEERS -> "compared with uncoached peers with the same gap";
            case TEAM_TREND -> "compared with the team trend";
            case NONE -> "no comparison available, plain before/after";
        };
    }
}
