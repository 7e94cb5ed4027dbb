package io.wem.wellbeing.service;

import io.wem.common.contracts.AgentActivity;
import io.wem.common.events.MalformedEventException;
import io.wem.common.messaging.ProcessedEvents;
import io.wem.wellbeing.domain.GuardrailPolicy;
import io.wem.wellbeing.domain.RecoveryState;
import io.wem.wellbeing.domain.RecoveryTracker;
import io.wem.wellbeing.persistence.ActivityEntity;
import io.wem.wellbeing.persistence.AgentStateEntity;
import io.wem.wellbeing.persistence.IntensityRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Interactions and breaks from signal-service: difficulty, recovery bookkeeping and recovery alerts. */
@ApplicationScoped
public class ActivityService {

    static final Set<String> KINDS = Set.of(RecoveryTracker.INTERACTION, RecoveryTracker.BREAK,
            RecoveryTracker.SCHEDULED_RECOVERY);

    @Inject
    AgentTeams teams;

    @Inject
    IntensityRepository intensity;

    @Inject
    PolicyService policies;

    @Inject
    AlertService alerts;

    @Inject
    PatternCheck patterns;

    @Inject
    ProcessedEvents processed;

    /** One consumed activity: the envelope id (redeliveries are skipped by it) and the payload. */
    public record Delivery(String eventId, AgentActivity activity) {
    }

    /** Throws {@link MalformedEventException} (→ dead-letter topic) for an activity that can never be recorded. */
    public static void validate(AgentActivity a) {
        if (a == null || a.activityId() == null || a.agentId() == null || a.agentId().isBlank() || a.kind() == null
                || !KINDS.contains(a.kind()) || a.start() == null) {
            throw new MalformedEventException("AgentActivity needs activityId, agentId, start and a kind of " + KINDS);
        }
        if (a.end() != null && a.end().isBefore(a.start())) {
            throw new MalformedEventException("AgentActivity " + a.activityId() + " ends before it starts");
        }
    }

    /**
     * A consumed batch in one transaction, in the order consumed (per agent, the order of the agent's partition): one
     * commit per batch instead of one per activity is what lets recovery bookkeeping keep up with ingestion. Every
     * delivery has passed {@link #validate} (the consumer dead-letters the others before the transaction starts).
     */
    @Transactional
    public void recordAll(String consumer, List<Delivery> batch) {
        for (Delivery d : batch) {
            if (processed.firstDelivery(consumer, d.eventId())) {
                record(d.activity());
            }
        }
    }

    private void record(AgentActivity a) {
        // Same lock as the guardrail: it must not read a recovery state this event is changing.
        intensity.lockAgent(a.agentId());
        if (ActivityEntity.findById(a.activityId()) != null) {
            return;
        }
        AgentStateEntity state = AgentStateEntity.findById(a.agentId());
        boolean created = state == null;
        if (created) {
            state = new AgentStateEntity();
            state.agentId = a.agentId();
        }
        state.teamId = teams.teamOf(a.agentId(), a.teamId(), state.teamId);
        GuardrailPolicy policy = policies.policyFor(state.teamId);
        RecoveryTracker.Result result = RecoveryTracker.apply(created ? RecoveryState.FRESH : state.recovery(), a,
                policy.recovery());
        state.apply(result.state());
        if (created) {
            state.persist();
        }
        ActivityEntity row = new ActivityEntity();
        row.activityId = a.activityId();
        row.agentId = a.agentId();
        row.teamId = state.teamId;
        row.kind = a.kind();
        row.queue = a.queue();
        row.startAt = a.start();
        row.endAt = a.end();
        row.difficulty = result.difficulty().name();
        row.persist();
        Instant at = a.end() != null ? a.end() : a.start();
        for (RecoveryTracker.AlertDraft d : result.alerts()) {
            alerts.raise(a.agentId(), state.teamId, d.kind(), d.severity(), d.recoveryDebtMinutes(), d.message(),
                    d.kind().equals("RECOVERY_VIOLATION") ? a.start() : at);
        }
        patterns.activityIn(state.teamId);
    }
}
