package io.wem.coaching.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.wem.coaching.client.Guardrails;
import io.wem.common.contracts.GuardrailDecision;
import io.wem.common.contracts.GuardrailEvaluationRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The guardrail step, separate from the gap consumer: the consumer commits the intervention in
 * AWAITING_GUARDRAIL and returns; after the commit this worker asks wellbeing on a worker thread. A scheduler
 * retries what is still waiting (wellbeing was down or slow), releases deferrals that are due, and runs follow-up
 * evaluations that are due. Nothing here assigns without a decision.
 */
@ApplicationScoped
public class GuardrailWorker {
    private static final Logger LOG = Logger.getLogger(GuardrailWorker.class);
    private static final int BATCH = 50;
    private static final java.time.Duration EVALUATION_RETRY = java.time.Duration.ofHours(1);

    @Inject
    InterventionService interventions;

    @Inject
    Guardrails guardrails;

    @Inject
    EvaluationService evaluations;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) GuardrailDue due) {
        Infrastructure.getDefaultWorkerPool().execute(() -> evaluate(due.interventionId()));
    }

    @Scheduled(every = "${wem.coaching.scheduler.every:5s}", delayed = "${wem.coaching.scheduler.delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        try {
            for (String id : interventions.releaseDeferred(BATCH)) {
                evaluate(id);
            }
            for (String id : interventions.dueForGuardrail(BATCH)) {
                evaluate(id);
            }
            for (String id : interventions.dueForEvaluation(BATCH)) {
                try {
                    evaluations.evaluate(id, InterventionService.SYSTEM);
                } catch (RuntimeException e) {
                    // Measurements missing or signal down: try again later instead of every tick.
                    interventions.postponeEvaluation(id, EVALUATION_RETRY);
                    LOG.warnf("follow-up evaluation of %s postponed by %s: %s", id, EVALUATION_RETRY, e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("coaching scheduler pass failed: %s", e.getMessage());
        }
    }

    /** Asks wellbeing about one intervention, if it still waits and nobody else is asking. */
    public void evaluate(String interventionId) {
        GuardrailEvaluationRequest request;
        try {
            request = interventions.claimForGuardrail(interventionId);
        } catch (RuntimeException e) {
            LOG.warnf("could not claim %s for the guardrail: %s", interventionId, e.getMessage());
            return;
        }
        if (request == null) {
            return;
        }
        GuardrailDecision decision;
        try {
            decision = guardrails.evaluate(request);
        } catch (RuntimeException e) {
            interventions.guardrailUnavailable(interventionId, e.getClass().getSimpleName() + ": " + e.getMessage());
            return;
        }
        if (decision == null) {
            interventions.guardrailUnavailable(interventionId, "empty answer");
            return;
        }
        interventions.applyGuardrail(interventionId, decision);
    }
}
