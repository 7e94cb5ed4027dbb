package io.wem.wellbeing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The guardrail rules. Every rule that fires adds one human-readable reason; the most restrictive decision wins
 * (DENY over DEFER over REQUIRE_HUMAN_REVIEW over ALLOW) and a DEFER carries the latest of the earliest times the
 * deferring rules name, so acting at that time satisfies all of them.
 */
public final class GuardrailEngine {

    private GuardrailEngine() {
    }

    /** What is being asked. */
    public record Request(ActionKind action, boolean automated, CoachingTheme theme) {
    }

    /** A person's earlier verdict on the same automated action (same agent, kind and reference). */
    public record PriorReview(String status, String reviewer, String reason) {
        public static final String PENDING = "PENDING";
        public static final String APPROVED = "APPROVED";
        public static final String REJECTED = "REJECTED";
    }

    /**
     * @param countsAsFact the action becomes an intensity fact now (only when allowed)
     * @param intensityIndex the index after this decision (including the action when it counts)
     */
    public record Outcome(Decision decision, Instant earliestAt, List<String> reasons, double intensityIndex,
                          boolean countsAsFact, boolean needsReviewItem) {
    }

    public static Outcome evaluate(Request request, IntensityWindow window, RecoveryState recovery,
                                   GuardrailPolicy policy, PriorReview prior, Instant now) {
        Decision decision = Decision.ALLOW;
        Instant earliest = null;
        List<String> reasons = new ArrayList<>();
        ActionKind action = request.action();
        MonitoringKind kind = action.asMonitoringKind();
        String label = Labels.of(action);
        int days = policy.windowDays();

        if (policy.forbiddenActions().contains(action)) {
            decision = Decision.DENY;
            reasons.add("This team's policy does not allow " + label + ".");
        }
        if (prior != null && PriorReview.REJECTED.equals(prior.status())) {
            decision = decision.strictest(Decision.DENY);
            reasons.add("A reviewer (" + prior.reviewer() + ") rejected this automated " + label + ": "
                    + prior.reason());
        }

        recovery = RecoveryTracker.afterIdle(recovery, now, policy.recovery());
        if ((action == ActionKind.COACHING_SESSION || action == ActionKind.PERFORMANCE_PLAN)
                && recovery != null && recovery.owesRecovery()) {
            int owed = Math.max(recovery.debtMinutes(), recovery.due() ? policy.recovery().breakMinutes() : 0);
            Instant after = now.plus(Duration.ofMinutes(owed));
            decision = decision.strictest(Decision.DEFER);
            earliest = latest(earliest, after);
            reasons.add("The agent is owed " + owed + " minutes of recovery time after difficult interactions; the "
                    + label + " waits until after that break.");
        }

        if (action == ActionKind.COACHING_SESSION && request.theme() != null && request.theme().pressure()) {
            int pressure = window.pressureSessions();
            int max = policy.coachingPressureMax();
            if (pressure + 1 > max) {
                Instant room = window.roomFor(IntensityWindow::isPressure, pressure + 1 - max);
                if (room == null) {
                    decision = decision.strictest(Decision.DENY);
                    reasons.add("This team's policy allows no handle-time or compliance coaching sessions.");
                } else {
                    decision = decision.strictest(Decision.DEFER);
                    earliest = latest(earliest, room);
                    reasons.add("The agent already had " + pressure + " handle-time or compliance coaching sessions "
                            + "in the last " + days + " days (limit " + max + "); another one would be pressure, "
                            + "not support.");
                }
            }
        }

        double index = window.index();
        double weight = policy.weight(kind);
        Integer cap = policy.cap(kind);
        if (cap != null) {
            int count = window.count(kind);
            if (count + 1 > cap) {
                Instant room = window.roomFor(f -> f.kind() == kind, count + 1 - cap);
                if (room == null) {
                    decision = decision.strictest(Decision.DENY);
                    reasons.add("This team's policy allows no " + label + " at all (cap 0).");
                } else {
                    decision = decision.strictest(Decision.DEFER);
                    earliest = latest(earliest, room);
                    reasons.add("The agent already had " + Labels.count(kind, count) + " in the last "
                            + days + " days, the team's cap is " + cap + ".");
                }
            }
        }
        if (weight > 0 && index + weight > policy.indexCap() + 1e-9) {
            Instant room = window.roomForWeight(index + weight - policy.indexCap());
            if (room == null) {
                decision = decision.strictest(Decision.DENY);
                reasons.add("A " + label + " alone weighs " + Labels.number(weight) + ", more than the team's "
                        + "intensity cap of " + Labels.number(policy.indexCap()) + ".");
            } else {
                decision = decision.strictest(Decision.DEFER);
                earliest = latest(earliest, room);
                reasons.add("The agent's monitoring intensity is " + Labels.number(index) + " over the last " + days
                        + " days; a " + label + " (weight " + Labels.number(weight) + ") would pass the team's cap of "
                        + Labels.number(policy.indexCap()) + ".");
            }
        }

        boolean reviewItem = false;
        if (request.automated() && policy.humanReviewForAutomated().contains(action)) {
            if (prior != null && PriorReview.APPROVED.equals(prior.status())) {
                reasons.add("A reviewer (" + prior.reviewer() + ") approved this automated " + label + ": "
                        + prior.reason());
            } else if (prior == null || PriorReview.PENDING.equals(prior.status())) {
                decision = decision.strictest(Decision.REQUIRE_HUMAN_REVIEW);
                reviewItem = prior == null;
                reasons.add(prior == null
                        ? "An automated " + label + " affects the agent, so this team's policy requires a person "
                        + "to approve it first."
                        : "The automated " + label + " is waiting in the human review queue.");
            }
        }

        boolean counts = decision == Decision.ALLOW;
        if (counts && reasons.isEmpty()) {
            reasons.add(weight > 0
                    ? "Within this team's guardrails: monitoring intensity " + Labels.number(index + weight)
                    + " of " + Labels.number(policy.indexCap()) + " over the last " + days + " days."
                    : "Within this team's guardrails; a " + label + " is support, not monitoring.");
        }
        if (decision != Decision.DEFER) {
            earliest = null;
        }
        double after = counts ? IntensityWindow.round(index + weight) : index;
        // The review item is only queued when review is the decision: a denied or deferred action is not reviewed.
        return new Outcome(decision, earliest, List.copyOf(reasons), after, counts,
                reviewItem && decision == Decision.REQUIRE_HUMAN_REVIEW);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
