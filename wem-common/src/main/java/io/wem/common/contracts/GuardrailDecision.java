package io.wem.common.contracts;

import java.time.Instant;
import java.util.List;

/**
 * Answer of POST /api/v1/guardrails/evaluations.
 *
 * @param decision     ALLOW, DEFER, REQUIRE_HUMAN_REVIEW or DENY
 * @param earliestAt   for DEFER: the earliest time the action may happen
 * @param reasons      human-readable reasons, one per rule that fired
 */
public record GuardrailDecision(
        String decisionId,
        String agentId,
        String actionKind,
        String decision,
        Instant earliestAt,
        List<String> reasons,
        double intensityIndex,
        Instant decidedAt) {
}
