package io.wem.wellbeing.domain;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One team's guardrail policy. {@link #defaults()} is the suite's documented default (docs/wellbeing.md explains
 * each number); a platform admin may replace it per team. Null fields in a submitted policy take the default,
 * so an admin can change one setting without restating the rest.
 *
 * @param windowDays              rolling window of the intensity index and of coaching pressure, in days
 * @param weights                 intensity weight per monitoring kind (0 = not watching)
 * @param kindCaps                most facts of a kind within the window (absent = no per-kind cap)
 * @param indexCap                highest weighted intensity index within the window
 * @param forbiddenActions        actions this team never allows (DENY), e.g. LIVE_MONITORING
 * @param humanReviewForAutomated automated actions a person must approve (REQUIRE_HUMAN_REVIEW)
 * @param coachingPressureMax     most HANDLE_TIME/COMPLIANCE coaching sessions within the window
 * @param interventionLoad        how many new agent-level interventions the window takes, and whether one needs a
 *                                person while the agent is at a monitoring cap
 */
public record GuardrailPolicy(
        Integer windowDays,
        // Caps (Bean Validation, checked at the REST edge and shown in the OpenAPI document): one entry per kind.
        @Size(max = 32) Map<MonitoringKind, Double> weights,
        @Size(max = 32) Map<MonitoringKind, Integer> kindCaps,
        Double indexCap,
        @Size(max = 32) Set<ActionKind> forbiddenActions,
        @Size(max = 32) Set<ActionKind> humanReviewForAutomated,
        Integer coachingPressureMax,
        @Valid RecoverySettings recovery,
        BalanceSettings balance,
        LoadSettings load,
        InterventionLoadSettings interventionLoad) {

    /**
     * Coaching weighs nothing on the intensity index (it is support), but an agent given a new intervention every
     * other day is not being supported. {@code maxNew}: most new agent-level interventions (coaching sessions,
     * micro-learning, performance plans) within the window; {@code reviewAtMonitoringCap}: a new one while the
     * agent is at any monitoring cap (or the index cap) needs a person's approval.
     */
    public record InterventionLoadSettings(Integer maxNew, Boolean reviewAtMonitoringCap) {
    }

    /** When recovery time is due (see RecoveryTracker). */
    public record RecoverySettings(
            Integer difficultStreak,
            Integer breakMinutes,
            @Size(max = 100) List<@NotBlank @Size(max = 100) String> complaintReasons,
            Double difficultSentiment,
            Double severeSentiment,
            Integer longInteractionMinutes) {
    }

    /** When a coaching mix counts as a pressure pattern (see CoachingBalance). */
    public record BalanceSettings(Double pressureShareThreshold, Integer minSessions) {
    }

    /** When strong performers count as over-routed to the hardest queues (see EmotionalLoadAnalyzer). */
    public record LoadSettings(
            Integer windowDays,
            Double hardQueueFactor,
            Double disproportionFactor,
            Double strongPerformerPercentile,
            Integer minInteractions,
            Integer minScoredAgents) {
    }

    public static GuardrailPolicy defaults() {
        Map<MonitoringKind, Double> weights = new EnumMap<>(MonitoringKind.class);
        weights.put(MonitoringKind.LIVE_MONITORING, 3.0);
        weights.put(MonitoringKind.SCREEN_RECORDING_REVIEW, 2.0);
        weights.put(MonitoringKind.PERFORMANCE_PLAN, 2.0);
        weights.put(MonitoringKind.QA_EVALUATION, 1.0);
        weights.put(MonitoringKind.ADHERENCE_ALERT, 0.5);
        weights.put(MonitoringKind.AUTOMATED_SCORE, 0.25);
        weights.put(MonitoringKind.COACHING_SESSION, 0.0);
        weights.put(MonitoringKind.RECOGNITION, 0.0);
        Map<MonitoringKind, Integer> caps = new EnumMap<>(MonitoringKind.class);
        caps.put(MonitoringKind.LIVE_MONITORING, 2);
        caps.put(MonitoringKind.SCREEN_RECORDING_REVIEW, 3);
        caps.put(MonitoringKind.PERFORMANCE_PLAN, 1);
        caps.put(MonitoringKind.QA_EVALUATION, 4);
        caps.put(MonitoringKind.ADHERENCE_ALERT, 10);
        caps.put(MonitoringKind.AUTOMATED_SCORE, 40);
        return new GuardrailPolicy(7, weights, caps, 12.0, EnumSet.noneOf(ActionKind.class),
                EnumSet.of(ActionKind.PERFORMANCE_PLAN, ActionKind.AUTOMATED_SCORE), 2,
                new RecoverySettings(5, 10, List.of("complaint"), -0.5, -0.8, 20),
                new BalanceSettings(0.6, 3),
                new LoadSettings(28, 1.5, 1.5, 0.75, 10, 4),
                new InterventionLoadSettings(2, true));
    }

    /** This policy with every missing field taken from {@link #defaults()}. */
    public GuardrailPolicy withDefaults() {
        GuardrailPolicy d = defaults();
        RecoverySettings r = recovery == null ? d.recovery : recovery;
        RecoverySettings dr = d.recovery;
        BalanceSettings b = balance == null ? d.balance : balance;
        LoadSettings l = load == null ? d.load : load;
        LoadSettings dl = d.load;
        InterventionLoadSettings il = interventionLoad == null ? d.interventionLoad : interventionLoad;
        Map<MonitoringKind, Double> w = new EnumMap<>(d.weights);
        if (weights != null) {
            w.putAll(weights);
        }
        return new GuardrailPolicy(
                or(windowDays, d.windowDays), Collections.unmodifiableMap(w),
                kindCaps == null ? d.kindCaps : Collections.unmodifiableMap(new HashMap<>(kindCaps)),
                or(indexCap, d.indexCap),
                forbiddenActions == null ? d.forbiddenActions : Collections.unmodifiableSet(new HashSet<>(forbiddenActions)),
                humanReviewForAutomated == null ? d.humanReviewForAutomated
                        : Collections.unmodifiableSet(new HashSet<>(humanReviewForAutomated)),
                or(coachingPressureMax, d.coachingPressureMax),
                new RecoverySettings(or(r.difficultStreak, dr.difficultStreak), or(r.breakMinutes, dr.breakMinutes),
                        r.complaintReasons == null ? dr.complaintReasons : List.copyOf(r.complaintReasons),
                        or(r.difficultSentiment, dr.difficultSentiment), or(r.severeSentiment, dr.severeSentiment),
                        or(r.longInteractionMinutes, dr.longInteractionMinutes)),
                new BalanceSettings(or(b.pressureShareThreshold, d.balance.pressureShareThreshold),
                        or(b.minSessions, d.balance.minSessions)),
                new LoadSettings(or(l.windowDays, dl.windowDays), or(l.hardQueueFactor, dl.hardQueueFactor),
                        or(l.disproportionFactor, dl.disproportionFactor),
                        or(l.strongPerformerPercentile, dl.strongPerformerPercentile),
                        or(l.minInteractions, dl.minInteractions), or(l.minScoredAgents, dl.minScoredAgents)),
                new InterventionLoadSettings(or(il.maxNew, d.interventionLoad.maxNew),
                        or(il.reviewAtMonitoringCap, d.interventionLoad.reviewAtMonitoringCap)));
    }

    /** Field errors of a complete policy (call on {@link #withDefaults()}); empty when valid. */
    public List<PolicyViolation> validate() {
        List<PolicyViolation> errors = new ArrayList<>();
        range(errors, "windowDays", windowDays, 1, 90);
        weights.forEach((k, v) -> {
            if (v == null || v < 0 || v > 100) {
                errors.add(new PolicyViolation("weights." + k, "must be between 0 and 100"));
            } else if (k.supportive() && v != 0) {
                errors.add(new PolicyViolation("weights." + k, "supporting acts are never counted as watching: must be 0"));
            }
        });
        kindCaps.forEach((k, v) -> {
            if (v == null || v < 0 || v > 10_000) {
                errors.add(new PolicyViolation("kindCaps." + k, "must be between 0 and 10000"));
            }
        });
        if (indexCap <= 0 || indexCap > 10_000) {
            errors.add(new PolicyViolation("indexCap", "must be greater than 0 and at most 10000"));
        }
        range(errors, "coachingPressureMax", coachingPressureMax, 0, 100);
        range(errors, "recovery.difficultStreak", recovery.difficultStreak, 1, 100);
        range(errors, "recovery.breakMinutes", recovery.breakMinutes, 1, 240);
        range(errors, "recovery.longInteractionMinutes", recovery.longInteractionMinutes, 1, 600);
        between(errors, "recovery.difficultSentiment", recovery.difficultSentiment, -1, 1);
        between(errors, "recovery.severeSentiment", recovery.severeSentiment, -1, 1);
        between(errors, "balance.pressureShareThreshold", balance.pressureShareThreshold, 0, 1);
        range(errors, "balance.minSessions", balance.minSessions, 1, 1000);
        range(errors, "load.windowDays", load.windowDays, 1, 365);
        between(errors, "load.hardQueueFactor", load.hardQueueFactor, 1, 100);
        between(errors, "load.disproportionFactor", load.disproportionFactor, 1, 100);
        between(errors, "load.strongPerformerPercentile", load.strongPerformerPercentile, 0, 1);
        range(errors, "load.minInteractions", load.minInteractions, 1, 100_000);
        range(errors, "load.minScoredAgents", load.minScoredAgents, 2, 10_000);
        range(errors, "interventionLoad.maxNew", interventionLoad.maxNew, 0, 100);
        return errors;
    }

    public double weight(MonitoringKind kind) {
        if (kind.supportive()) {
            return 0;
        }
        Double w = weights.get(kind);
        return w == null ? 0 : w;
    }

    public Integer cap(MonitoringKind kind) {
        return kindCaps.get(kind);
    }

    public record PolicyViolation(String field, String message) {
    }

    private static void range(List<PolicyViolation> errors, String field, Integer v, int min, int max) {
        if (v < min || v > max) {
            errors.add(new PolicyViolation(field, "must be between " + min + " and " + max));
        }
    }

    private static void between(List<PolicyViolation> errors, String field, Double v, double min, double max) {
        if (v.isNaN() || v < min || v > max) {
            errors.add(new PolicyViolation(field, "must be between " + min + " and " + max));
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
