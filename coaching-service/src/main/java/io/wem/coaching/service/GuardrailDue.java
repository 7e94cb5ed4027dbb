package io.wem.coaching.service;

/** Fired inside the transaction that put an intervention into AWAITING_GUARDRAIL; observed after commit. */
public record GuardrailDue(String interventionId) {
}
