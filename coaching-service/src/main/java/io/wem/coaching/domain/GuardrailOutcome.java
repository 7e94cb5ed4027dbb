package io.wem.coaching.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a wellbeing guardrail decision does to an intervention waiting for it. Unknown decisions fail closed:
 * the intervention keeps waiting and is asked about again.
 */
public final class GuardrailOutcome {

    /** When DEFER comes without earliestAt, wait this long before asking again. */
    public static final Duration DEFAULT_DEFERRAL = Duration.ofDays(1);

    private GuardrailOutcome() {
    }

    public record Outcome(InterventionState next, Instant scheduledFor, String reason) {
    }

    public static Outcome apply(String decision, Instant earliestAt, List<String> reasons, Instant now) {
        String why = reasons == null || reasons.isEmpty() ? null : String.join("; ", reasons);
        if (decision == null) {
            return new Outcome(InterventionState.AWAITING_GUARDRAIL, null, "guardrail answered without a decision");
        }
        return switch (decision) {
            case "ALLOW" -> new Outcome(InterventionState.ASSIGNED, null, why);
            case "DEFER" -> new Outcome(InterventionState.DEFERRED,
                    earliestAt != null && earliestAt.isAfter(now) ? earliestAt : now.plus(DEFAULT_DEFERRAL), why);
            case "REQUIRE_HUMAN_REVIEW" -> new Outcome(InterventionState.AWAITING_REVIEW, null, why);
            case "DENY" -> new Outcome(InterventionState.CANCELLED, null,
                    "denied by wellbeing guardrail" + (why == null ? "" : ": " + why));
            default -> new Outcome(InterventionState.AWAITING_GUARDRAIL, null, "unknown guardrail decision " + decision);
        };
    }

    /** Exponential back-off for retries while wellbeing is unreachable, capped at {@code max}. */
    public static Duration retryDelay(int attempts, Duration base, Duration max) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration d = base.multipliedBy(factor);
        return d.compareTo(max) > 0 ? max : d;
    }
}
