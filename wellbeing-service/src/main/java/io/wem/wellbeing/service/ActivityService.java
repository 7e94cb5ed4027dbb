package io.wem.wellbeing.service;

import io.wem.common.contracts.AgentActivity;
import io.wem.common.events.MalformedEventException;
import io.wem.common.messaging.ProcessedEvents;
import io.wem.wellbeing.domain.GuardrailPolicy;
import io.wem.wellbeing.domain.RecoveryState;
import io.wem.wellbeing.domain.RecoveryTracker;
import io.wem.wellbeing.persistence.ActivityBatchStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Interactions and breaks from signal-service: difficulty, recovery bookkeeping and recovery alerts. */
@ApplicationScoped
public class ActivityService {

    static final Set<String> KINDS = Set.of(RecoveryTracker.INTERACTION, RecoveryTracker.BREAK,
            RecoveryTracker.SCHEDULED_RECOVERY);

    @Inject
    AgentTeams teams;

    @Inject
    ActivityBatchStore store;

    @Inject
    Clock clock;

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
     * commit per batch instead of one per activity is what lets recovery bookkeeping keep up with ingestion, and a
     * fixed number of statements per batch (not five or six round trips per activity) is what keeps its CPU down.
     * Every delivery has passed {@link #validate} (the consumer dead-letters the others before the transaction starts).
     * Same outcome as recording the deliveries one by one: a redelivered event id or an already recorded activity is
     * skipped, and each agent's recovery state carries from one of its activities to the next.
     */
    @Transactional
    public void recordAll(String consumer, List<Delivery> batch) {
        Set<String> first = processed.firstDeliveries(consumer, batch.stream().map(Delivery::eventId).toList());
        Set<String> handled = new HashSet<>();
        List<AgentActivity> todo = new ArrayList<>();
        for (Delivery d : batch) {
            if (first.contains(d.eventId()) && handled.add(d.eventId())) {
                todo.add(d.activity());
            }
        }
        if (todo.isEmpty()) {
            return;
        }
        Set<String> agents = new LinkedHashSet<>();
        todo.forEach(a -> agents.add(a.agentId()));
        // Same lock as the guardrail: it must not read a recovery state this batch is changing.
        store.lockAgents(agents);
        Set<String> recorded = store.recorded(todo.stream().map(AgentActivity::activityId).distinct().toList());
        Map<String, ActivityBatchStore.AgentState> states = store.states(agents);
        Map<String, ActivityBatchStore.AgentState> changed = new LinkedHashMap<>();
        List<ActivityBatchStore.ActivityRow> rows = new ArrayList<>(todo.size());
        for (AgentActivity a : todo) {
            if (!recorded.add(a.activityId())) {
                continue;
            }
            ActivityBatchStore.AgentState state = states.get(a.agentId());
            String team = teams.teamOf(a.agentId(), a.teamId(), state == null ? null : state.teamId());
            GuardrailPolicy policy = policies.policyFor(team);
            RecoveryTracker.Result result = RecoveryTracker.apply(state == null ? RecoveryState.FRESH
                    : state.recovery(), a, policy.recovery());
            ActivityBatchStore.AgentState next = new ActivityBatchStore.AgentState(a.agentId(), team, result.state());
            states.put(a.agentId(), next);
            changed.put(a.agentId(), next);
            rows.add(new ActivityBatchStore.ActivityRow(a.activityId(), a.agentId(), team, a.kind(), a.queue(),
                    a.start(), a.end(), result.difficulty().name()));
            Instant at = a.end() != null ? a.end() : a.start();
            for (RecoveryTracker.AlertDraft d : result.alerts()) {
                alerts.raise(a.agentId(), team, d.kind(), d.severity(), d.recoveryDebtMinutes(), d.message(),
                        d.kind().equals("RECOVERY_VIOLATION") ? a.start() : at);
            }
            patterns.activityIn(team);
        }
        store.write(rows, changed.values(), clock.instant());
    }
}
