package io.wem.coaching.messaging;

import io.smallrye.common.annotation.Blocking;
import io.wem.coaching.service.InterventionService;
import io.wem.common.contracts.BehaviorGapDetected;
import io.wem.common.contracts.BehaviorGapResolved;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Events;
import io.wem.common.events.MalformedEventException;
import io.wem.common.messaging.Consumption;
import io.wem.common.messaging.ProcessedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletionStage;

/**
 * Consumes wem.signal.gaps.v1. Only database work happens here (no remote call), so a gap is an intervention
 * within milliseconds of arriving; the guardrail call runs after commit (GuardrailWorker). Idempotent twice over:
 * on the envelope id (processed_event) and on the gap id (intervention_gap primary key).
 * <p>
 * Only a gap that cannot be handled (malformed, an unknown event type) goes to the dead-letter topic. A database that
 * does not answer is waited for ({@link Consumption#consume}), and a gap that fails because this replica is
 * stopping is left unacknowledged for the replica that takes over the partition (issue #18).
 */
@ApplicationScoped
public class GapConsumer {
    private static final Logger LOG = Logger.getLogger(GapConsumer.class);
    static final String CONSUMER = "coaching-gaps";
    static final String CHANNEL = "gaps";

    @Inject
    ProcessedEvents processed;

    @Inject
    InterventionService interventions;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    @Inject
    Consumption consumption;

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> on(Message<String> message) {
        return consumption.consume(CHANNEL, message, () -> handle(message.getPayload()));
    }

    /** One gap event in its own transaction (a retry starts a fresh one). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void handle(String message) {
        EventEnvelope envelope = Events.parse(message);
        if (EventTypes.GAP_DETECTED.equals(envelope.type())) {
            BehaviorGapDetected gap = envelope.dataAs(BehaviorGapDetected.class);
            validate(gap, envelope.id());
            if (!processed.firstDelivery(CONSUMER, envelope.id())) {
                return;
            }
            InterventionService.GapOutcome outcome = interventions.onGapDetected(gap, envelope.id());
            if (outcome == InterventionService.GapOutcome.CREATED && gap.detectedAt() != null) {
                // Detection to intervention, the suite's "within a second" promise, as a metric (not a test).
                registry.timer("wem.coaching.gap.to.intervention").record(
                        java.time.Duration.between(gap.detectedAt(), java.time.Instant.now()).abs());
            }
            registry.counter("wem.coaching.gaps", "outcome", outcome.name()).increment();
            LOG.debugf("gap %s (%s, %s): %s", gap.gapId(), gap.behaviorId(), gap.gapType(), outcome);
        } else if (EventTypes.GAP_RESOLVED.equals(envelope.type())) {
            BehaviorGapResolved resolved = envelope.dataAs(BehaviorGapResolved.class);
            if (blank(resolved.gapId())) {
                throw new MalformedEventException("gap resolution " + envelope.id() + " has no gapId");
            }
            if (processed.firstDelivery(CONSUMER, envelope.id())) {
                interventions.onGapResolved(resolved);
            }
        } else {
            throw new MalformedEventException("unexpected event type " + envelope.type() + " on the gaps topic");
        }
    }

    static void validate(BehaviorGapDetected gap, String envelopeId) {
        StringBuilder missing = new StringBuilder();
        if (blank(gap.gapId())) {
            missing.append(" gapId");
        }
        if (blank(gap.teamId())) {
            missing.append(" teamId");
        }
        if (blank(gap.behaviorId())) {
            missing.append(" behaviorId");
        }
        if (gap.gapType() == null) {
            missing.append(" gapType");
        }
        if (gap.windowStart() == null || gap.windowEnd() == null) {
            missing.append(" windowStart/windowEnd");
        }
        boolean teamLevel = gap.gapType() == io.wem.common.contracts.GapType.PROCESS
                || gap.gapType() == io.wem.common.contracts.GapType.CAPACITY;
        if (!teamLevel && blank(gap.agentId())) {
            missing.append(" agentId");
        }
        if (!missing.isEmpty()) {
            throw new MalformedEventException("gap event " + envelopeId + " lacks" + missing);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
