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
        /** Agent-level work started on the agent (a recognition is asked as a coaching session, but is not). */
        boolean newIntervention() {
            return action == ActionKind.PERFORMANCE_PLAN
                    || (action == ActionKind.COACHING_SESSION && theme != CoachingTheme.RECOGNITION);
        }
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

    /** How long a decision deferred for in-flight monitoring events waits before it is asked again. */
    public static final Duration CATCH_UP_RETRY = Duration.ofMinutes(1);

    /** A decision on an up-to-date intensity window. */
    public static Outcome evaluate(Request request, IntensityWindow window, RecoveryState recovery,
                                   GuardrailPolicy policy, PriorReview prior, Instant now) {
        return evaluate(request, window, recovery, policy, prior, now, true, 0);
    }

    /**
     * @param upToDate false when monitoring events of the agent were in flight (in Kafka, not yet recorded) and did
     *                 not arrive in time: the window may under-count, so nothing is allowed on it
     * @param inFlight how many records of the agent's partition were not recorded (-1 = unknown)
     */
    public static Outcome evaluate(Request request, IntensityWindow window, RecoveryState recovery,
                                   GuardrailPolicy policy, PriorReview prior, Instant now, boolean upToDate,
                                   long inFlight) {
        Decision decision = Decision.ALLOW;
        Instant earliest = null;
        List<String> reasons = new ArrayList<>();
        if (!upToDate) {
            decision = Decision.DEFER;
            earliest = now.plus(CATCH_UP_RETRY);
            reasons.add((inFlight > 0 ? inFlight + " monitoring events" : "Monitoring events")
                    + " that may concern the agent are not recorded yet; the decision waits for them rather than "
                    + "answer on a stale intensity index.");
        }
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
            reasons.add("A reviewer (" + prior.reviewer() + ") rejected this " + (request.automated() ? "automated " : "")
                    + label + ": " + prior.reason());
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

        if (request.newIntervention()) {
            GuardrailPolicy.InterventionLoadSettings load = policy.interventionLoad();
            int recent = window.interventions();
            if (recent + 1 > load.maxNew()) {
                Instant room = window.roomFor(IntensityWindow::isIntervention, recent + 1 - load.maxNew());
                if (room == null) {
                    decision = decision.strictest(Decision.DENY);
                    reasons.add("This team's policy allows no new interventions for an agent.");
                } else {
                    decision = decision.strictest(Decision.DEFER);
                    earliest = latest(earliest, room);
                    reasons.add("The agent already started " + recent + " interventions in the last " + days
                            + " days (limit " + load.maxNew() + "); another one now would be load, not support.");
                }
            }
            String atCap = atMonitoringCap(window, policy);
            if (load.reviewAtMonitoringCap() && atCap != null) {
                if (prior != null && PriorReview.APPROVED.equals(prior.status())) {
                    reasons.add("A reviewer (" + prior.reviewer() + ") approved this " + label + " although " + atCap
                            + ": " + prior.reason());
                } else {
                    decision = decision.strictest(Decision.REQUIRE_HUMAN_REVIEW);
                    reasons.add("The agent is at a monitoring cap (" + atCap + "); a new " + label + " on top needs "
                            + "a person's approval.");
                }
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

    /** Which monitoring cap the agent has reached in the window, in words; null when none. */
    static String atMonitoringCap(IntensityWindow window, GuardrailPolicy policy) {
        for (MonitoringKind kind : MonitoringKind.values()) {
            Integer cap = policy.cap(kind);
            if (!kind.supportive() && cap != null && window.count(kind) >= cap) {
                return Labels.count(kind, window.count(kind)) + " of a cap of " + cap;
            }
        }
        if (window.index() + 1e-9 >= policy.indexCap()) {
            return "monitoring intensity " + Labels.number(window.index()) + " of a cap of "
                    + Labels.number(policy.indexCap());
        }
        return null;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
