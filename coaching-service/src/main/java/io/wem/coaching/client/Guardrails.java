package io.wem.coaching.client;

import io.wem.common.contracts.GuardrailDecision;
import io.wem.common.contracts.GuardrailEvaluationRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;

/**
 * The guardrail call with its fault tolerance. There is deliberately no fallback: when wellbeing does not
 * answer the caller gets an exception and the intervention keeps waiting (fails closed).
 */
@ApplicationScoped
public class Guardrails {

    @Inject
    @RestClient
    WellbeingClient client;

    // Above wellbeing's guardrail-catch-up-timeout (3 s: it waits for the agent's in-flight monitoring before it
    // answers). At 1 s every request made while wellbeing caught up timed out, opened the breaker, and the demo's
    // agent-level interventions all stayed AWAITING_GUARDRAIL (run of 2026-12-04 10:25 UTC).
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public GuardrailDecision evaluate(GuardrailEvaluationRequest request) {
        return client.evaluate(request);
    }
}
