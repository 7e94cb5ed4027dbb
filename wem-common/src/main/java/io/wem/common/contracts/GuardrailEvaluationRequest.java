package io.wem.common.contracts;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Body of POST /api/v1/guardrails/evaluations (wellbeing-service), sent by coaching-service before it
 * assigns anything to an agent.
 *
 * @param actionKind COACHING_SESSION, QA_EVALUATION, LIVE_MONITORING, PERFORMANCE_PLAN, AUTOMATED_SCORE
 * @param reference  the caller's id for the action (e.g. intervention id), echoed back and stored
 */
public record GuardrailEvaluationRequest(
        @NotBlank @Size(max = 128) String agentId,
        @Size(max = 128) String teamId,
        @NotBlank @Size(max = 64) String actionKind,
        @NotBlank @Size(max = 200) String requester,
        @NotNull Boolean automated,
        @Size(max = 64) String theme,
        @Size(max = 200) String reference) {
}
