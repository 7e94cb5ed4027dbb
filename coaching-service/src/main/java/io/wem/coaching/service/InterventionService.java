package io.wem.coaching.service;

import io.wem.coaching.config.CoachingConfig;
import io.wem.coaching.domain.GapFollowThrough;
import io.wem.coaching.domain.GuardrailOutcome;
import io.wem.coaching.domain.InterventionKind;
import io.wem.coaching.domain.InterventionState;
import io.wem.coaching.domain.OutcomeEvaluation;
import io.wem.coaching.domain.PlaybookDefinition;
import io.wem.coaching.domain.Priority;
import io.wem.coaching.domain.Routing;
import io.wem.coaching.domain.StateMachine;
import io.wem.coaching.persistence.HistoryEntity;
import io.wem.coaching.persistence.InterventionEntity;
import io.wem.coaching.persistence.InterventionGapEntity;
import io.wem.coaching.persistence.JsonLists;
import io.wem.common.contracts.BehaviorGapDetected;
import io.wem.common.contracts.BehaviorGapResolved;
import io.wem.common.contracts.GuardrailDecision;
import io.wem.common.contracts.GuardrailEvaluationRequest;
import io.wem.common.contracts.InterventionChanged;
import io.wem.common.contracts.MonitoringEvent;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Topics;
import io.wem.common.outbox.Outbox;
import io.wem.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Interventions: creation from gaps, the guardrail step, state changes and their events. Every state change goes
 * through {@link #move} so the transition table, the history row and the outbox events never diverge.
 */
@ApplicationScoped
public class InterventionService {
    private static final Logger LOG = Logger.getLogger(InterventionService.class);
    public static final String SYSTEM = "coaching-service";

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    PlaybookService playbooks;

    @Inject
    OwnerService owners;

    @Inject
    CoachingConfig config;

    @Inject
    Event<GuardrailDue> guardrailDue;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    public enum GapOutcome { CREATED, ATTACHED, DUPLICATE, NO_PLAYBOOK }

    // ---------------------------------------------------------------- gaps

    /** Turns a gap into an intervention (or attaches it to the open team-level one). Idempotent on gap id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public GapOutcome onGapDetected(BehaviorGapDetected gap, String envelopeId) {
        if (InterventionGapEntity.findById(gap.gapId()) != null) {
            return GapOutcome.DUPLICATE;
        }
        PlaybookService.Current playbook = playbooks.forGap(gap.behaviorId(), gap.gapType());
        if (playbook == null) {
            LOG.warnf("no playbook for behavior %s and gap type %s; gap %s left without intervention",
                    gap.behaviorId(), gap.gapType(), gap.gapId());
            return GapOutcome.NO_PLAYBOOK;
        }
        PlaybookDefinition def = playbook.definition();
        Routing.Route route = Routing.route(gap.gapType(), gap.teamId(), gap.behaviorId(), def);
        Instant now = clock.instant();
        int priority = Priority.score(gap.effectSize(), gap.customerImpact());
        if (!route.agentLevel()) {
            InterventionEntity open = InterventionEntity.find("agentId is null and teamId = ?1 and behaviorId = ?2 "
                            + "and gapType = ?3 and state not in ?4", gap.teamId(), gap.behaviorId(),
                    gap.gapType().name(), List.of("CLOSED_EFFECTIVE", "CLOSED_INEFFECTIVE", "CLOSED_INCONCLUSIVE", "CANCELLED"))
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
            if (open != null) {
                linkGap(open.id, gap, envelopeId, now);
                addAffected(open.id, gap);
                open.gapResolvedAt = null;   // a new open gap: no longer "all gaps resolved"
                if (priority > open.priority) {
                    open.priority = priority;
                }
                List<String> evidence = new ArrayList<>(JsonLists.read(open.evidenceInteractionIds));
                for (String e : nullSafe(gap.evidenceInteractionIds())) {
                    if (!evidence.contains(e) && evidence.size() < 50) {
                        evidence.add(e);
                    }
                }
                open.evidenceInteractionIds = JsonLists.write(evidence);
                open.updatedAt = now;
                return GapOutcome.ATTACHED;
            }
        }
        InterventionEntity i = new InterventionEntity();
        i.id = UUID.randomUUID().toString();
        i.gapId = gap.gapId();
        i.agentId = route.agentLevel() ? gap.agentId() : null;
        i.teamId = gap.teamId();
        i.behaviorId = gap.behaviorId();
        i.metric = gap.metric() != null ? gap.metric() : def.successCriterion().metric();
        i.gapType = gap.gapType().name();
        i.playbookId = playbook.playbook().id;
        i.playbookVersion = playbook.version().version;
        i.title = def.title();
        i.kind = def.kind().name();
        i.ownerRole = route.ownerRole().key();
        i.ownerKey = route.ownerKey();
        owners.assign(i);
        i.theme = def.theme().name();
        i.goal = def.goal();
        i.learningItems = JsonLists.write(def.learningItems());
        i.coachingPrompts = JsonLists.write(def.coachingPrompts());
        i.evidenceInteractionIds = JsonLists.write(nullSafe(gap.evidenceInteractionIds()));
        i.direction = def.successCriterion().direction().name();
        i.relativeImprovement = def.successCriterion().relativeImprovement();
        i.absoluteTarget = def.successCriterion().absoluteTarget();
        i.followUpWindow = io.wem.coaching.domain.Durations.format(def.successCriterion().followUpWindow());
        i.followUpAssessment = def.followUpAssessment();
        i.deadlineDuration = io.wem.coaching.domain.Durations.format(def.deadline());
        i.state = InterventionState.PROPOSED.name();
        i.priority = priority;
        i.effectSize = gap.effectSize();
        i.customerImpact = gap.customerImpact();
        i.observed = gap.observed();
        i.baseline = gap.baseline();
        i.causeExplanation = truncate(gap.causeExplanation(), 2000);
        i.gapWindowStart = gap.windowStart();
        i.gapWindowEnd = gap.windowEnd();
        i.gapDetectedAt = gap.detectedAt() != null ? gap.detectedAt() : now;
        i.createdAt = now;
        i.updatedAt = now;
        i.persist();
        linkGap(i.id, gap, envelopeId, now);
        record(i, null, InterventionState.PROPOSED, SYSTEM, "from gap " + gap.gapId() + " (" + gap.gapType() + ")");
        if (route.agentLevel()) {
            move(i, InterventionState.AWAITING_GUARDRAIL, SYSTEM, "asking wellbeing-service before assigning");
            guardrailDue.fire(new GuardrailDue(i.id));
        } else {
            addAffected(i.id, gap);
            move(i, InterventionState.ASSIGNED, SYSTEM, "team-level work, no agent is addressed");
        }
        return GapOutcome.CREATED;
    }

    /**
     * A resolved gap is recorded on its link. When the intervention's last open gap resolves, work that has not
     * reached anyone yet is cancelled and work an owner holds is flagged to the owner ({@link GapFollowThrough}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onGapResolved(BehaviorGapResolved resolved) {
        InterventionGapEntity link = InterventionGapEntity.findById(resolved.gapId());
        if (link == null || link.resolvedAt != null) {
            return;   // unknown gap, or a redelivery
        }
        InterventionEntity i = InterventionEntity.findById(link.interventionId, LockModeType.PESSIMISTIC_WRITE);
        if (i == null) {
            return;
        }
        Instant at = resolved.resolvedAt() != null ? resolved.resolvedAt() : clock.instant();
        link.resolvedAt = at;
        long open = InterventionGapEntity.count("interventionId = ?1 and resolvedAt is null", i.id);
        if (open > 0) {
            return;
        }
        i.gapResolvedAt = at;
        InterventionState s = InterventionState.valueOf(i.state);
        String why = resolved.reason() == null ? "" : ": " + resolved.reason();
        switch (GapFollowThrough.onGapResolved(s, open)) {
            case CANCEL -> move(i, InterventionState.CANCELLED, SYSTEM, "gap resolved before coaching started" + why);
            case TELL_OWNER -> {
                // No state change: the owner decides. The history row and an InterventionChanged with
                // previousState = state (on the interventions topic) are the notice; gapResolvedAt shows it in lists.
                i.updatedAt = clock.instant();
                record(i, s, s, SYSTEM, ALL_GAPS_RESOLVED + why + "; owner " + i.ownerKey
                        + ": continue (the follow-up still measures it) or cancel");
            }
            case NONE -> {
            }
        }
    }

    /** Start of the history note that tells an owner every gap of their open work has resolved. */
    public static final String ALL_GAPS_RESOLVED = "all gaps of this intervention resolved";

    private void linkGap(String interventionId, BehaviorGapDetected gap, String envelopeId, Instant now) {
        InterventionGapEntity link = new InterventionGapEntity();
        link.gapId = gap.gapId();
        link.interventionId = interventionId;
        link.agentId = gap.agentId();
        link.envelopeId = envelopeId;
        link.detectedAt = gap.detectedAt() != null ? gap.detectedAt() : now;
        link.receivedAt = now;
        link.persist();
    }

    private void addAffected(String interventionId, BehaviorGapDetected gap) {
        Set<String> agents = new LinkedHashSet<>();
        if (gap.agentId() != null) {
            agents.add(gap.agentId());
        }
        agents.addAll(nullSafe(gap.affectedAgentIds()));
        for (String a : agents) {
            em.createNativeQuery("INSERT INTO intervention_affected_agent (intervention_id, agent_id, added_at) "
                            + "VALUES (?1, ?2, now()) ON CONFLICT DO NOTHING")
                    .setParameter(1, interventionId).setParameter(2, a).executeUpdate();
        }
    }

    @SuppressWarnings("unchecked")
    @Transactional
    public List<String> affectedAgents(String interventionId) {
        return em.createNativeQuery("SELECT agent_id FROM intervention_affected_agent WHERE intervention_id = ?1 "
                + "ORDER BY agent_id").setParameter(1, interventionId).getResultList();
    }

    /**
     * The affected agents of many interventions in one query (a list of up to 500 rows must not cost 500 round
     * trips); every id is a key of the result, with an empty list when none are recorded.
     */
    public java.util.Map<String, List<String>> affectedAgents(java.util.Collection<String> interventionIds) {
        java.util.Map<String, List<String>> byId = new java.util.LinkedHashMap<>();
        interventionIds.forEach(id -> byId.put(id, new ArrayList<>()));
        if (byId.isEmpty()) {
            return byId;
        }
        List<Object[]> rows = em.createNativeQuery("SELECT intervention_id, agent_id FROM intervention_affected_agent "
                + "WHERE intervention_id IN (?1) ORDER BY intervention_id, agent_id")
                .setParameter(1, List.copyOf(byId.keySet())).getResultList();
        for (Object[] r : rows) {
            byId.get((String) r[0]).add((String) r[1]);
        }
        return byId;
    }

    // ---------------------------------------------------------------- guardrail step

    /**
     * Claims an intervention waiting for the guardrail and builds the request, in a short transaction of its own,
     * so the (possibly slow) call to wellbeing happens outside any transaction and two workers never both ask.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public GuardrailEvaluationRequest claimForGuardrail(String id) {
        Instant now = clock.instant();
        int claimed = em.createNativeQuery("UPDATE intervention SET guardrail_claimed_until = ?2 WHERE id = ?1 "
                        + "AND state = 'AWAITING_GUARDRAIL' AND (guardrail_claimed_until IS NULL OR guardrail_claimed_until < ?3) "
                        + "AND (next_guardrail_at IS NULL OR next_guardrail_at <= ?3)")
                .setParameter(1, id).setParameter(2, now.plus(config.guardrail().claim())).setParameter(3, now)
                .executeUpdate();
        if (claimed == 0) {
            return null;
        }
        InterventionEntity i = InterventionEntity.findById(id);
        em.refresh(i);
        InterventionKind kind = InterventionKind.valueOf(i.kind);
        return new GuardrailEvaluationRequest(i.agentId, i.teamId, kind.guardrailActionKind(), service, true, i.theme,
                i.id);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void applyGuardrail(String id, GuardrailDecision decision) {
        InterventionEntity i = InterventionEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (i == null || !InterventionState.AWAITING_GUARDRAIL.name().equals(i.state)) {
            return;
        }
        Instant now = clock.instant();
        GuardrailOutcome.Outcome outcome = GuardrailOutcome.apply(decision.decision(), decision.earliestAt(),
                decision.reasons(), now);
        i.guardrailClaimedUntil = null;
        i.guardrailDecisionId = decision.decisionId();
        if (outcome.next() == InterventionState.AWAITING_GUARDRAIL) {
            failed(i, outcome.reason(), now);
            return;
        }
        i.guardrailReason = truncate(outcome.reason(), 2000);
        i.lastGuardrailError = null;
        i.nextGuardrailAt = null;
        if (outcome.next() == InterventionState.DEFERRED) {
            i.scheduledFor = outcome.scheduledFor();
        }
        move(i, outcome.next(), "wellbeing-service", "guardrail " + decision.decision()
                + (outcome.reason() == null ? "" : ": " + outcome.reason()));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void guardrailUnavailable(String id, String error) {
        InterventionEntity i = InterventionEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (i == null || !InterventionState.AWAITING_GUARDRAIL.name().equals(i.state)) {
            return;
        }
        i.guardrailClaimedUntil = null;
        failed(i, "wellbeing-service unreachable: " + error, clock.instant());
    }

    private void failed(InterventionEntity i, String error, Instant now) {
        i.guardrailAttempts++;
        i.lastGuardrailError = truncate(error, 1000);
        i.nextGuardrailAt = now.plus(GuardrailOutcome.retryDelay(i.guardrailAttempts, config.guardrail().retryBase(),
                config.guardrail().retryMax()));
        i.updatedAt = now;
        LOG.warnf("intervention %s stays AWAITING_GUARDRAIL (attempt %d, next at %s): %s", i.id,
                i.guardrailAttempts, i.nextGuardrailAt, error);
    }

    @Transactional
    public List<String> dueForGuardrail(int limit) {
        Instant now = clock.instant();
        return InterventionEntity.<InterventionEntity>find("state = 'AWAITING_GUARDRAIL' and "
                        + "(nextGuardrailAt is null or nextGuardrailAt <= ?1) and "
                        + "(guardrailClaimedUntil is null or guardrailClaimedUntil < ?1) order by priority desc", now)
                .page(0, limit).list().stream().map(i -> i.id).toList();
    }

    /** Deferred interventions whose time has come go back to the guardrail (wellbeing decides again). */
    @Transactional
    public List<String> releaseDeferred(int limit) {
        Instant now = clock.instant();
        List<InterventionEntity> due = InterventionEntity.<InterventionEntity>find(
                "state = 'DEFERRED' and scheduledFor <= ?1 order by scheduledFor", now).page(0, limit)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        List<String> ids = new ArrayList<>();
        for (InterventionEntity i : due) {
            i.nextGuardrailAt = null;
            move(i, InterventionState.AWAITING_GUARDRAIL, SYSTEM, "deferral over, asking wellbeing-service again");
            ids.add(i.id);
        }
        return ids;
    }

    @Transactional
    public List<String> dueForEvaluation(int limit) {
        return InterventionEntity.<InterventionEntity>find("state = 'FOLLOW_UP' and followUpDueAt <= ?1 "
                + "order by followUpDueAt", clock.instant()).page(0, limit).list().stream().map(i -> i.id).toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void postponeEvaluation(String id, Duration by) {
        InterventionEntity i = InterventionEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (i != null && InterventionState.FOLLOW_UP.name().equals(i.state)) {
            i.followUpDueAt = clock.instant().plus(by);
        }
    }

    // ---------------------------------------------------------------- state changes

    @Transactional
    public InterventionEntity get(String id) {
        InterventionEntity i = InterventionEntity.findById(id);
        if (i == null) {
            throw ProblemException.notFound("intervention " + id);
        }
        return i;
    }

    /** An owner's request; the caller has checked role and team. */
    @Transactional
    public InterventionEntity requestTransition(String id, InterventionState to, String actor, String note) {
        InterventionEntity i = lock(id);
        InterventionState from = InterventionState.valueOf(i.state);
        StateMachine.checkByOwner(from, to);
        move(i, to, actor, note);
        return i;
    }

    @Transactional
    public InterventionEntity review(String id, boolean approve, String actor, String note) {
        InterventionEntity i = lock(id);
        InterventionState from = InterventionState.valueOf(i.state);
        InterventionState to = approve ? InterventionState.ASSIGNED : InterventionState.CANCELLED;
        if (from != InterventionState.AWAITING_REVIEW) {
            throw new StateMachine.IllegalTransitionException(from, to, "only interventions awaiting review are reviewed");
        }
        move(i, to, actor, (approve ? "approved after human review" : "rejected after human review")
                + (note == null || note.isBlank() ? "" : ": " + note));
        return i;
    }

    @Transactional
    public InterventionEntity lock(String id) {
        InterventionEntity i = InterventionEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (i == null) {
            throw ProblemException.notFound("intervention " + id);
        }
        return i;
    }

    /** Stores the measured outcome and closes the intervention. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public InterventionEntity close(String id, OutcomeEvaluation.Result r, String actor) {
        InterventionEntity i = lock(id);
        InterventionState from = InterventionState.valueOf(i.state);
        InterventionState to = switch (r.outcome()) {
            case EFFECTIVE -> InterventionState.CLOSED_EFFECTIVE;
            case INEFFECTIVE -> InterventionState.CLOSED_INEFFECTIVE;
            case INCONCLUSIVE -> InterventionState.CLOSED_INCONCLUSIVE;
        };
        StateMachine.check(from, to);
        i.evalBefore = r.before();
        i.evalAfter = r.after();
        i.evalComparisonKind = r.comparisonKind().name();
        i.evalComparisonSize = r.comparisonSize();
        i.evalComparisonBefore = r.comparisonBefore();
        i.evalComparisonAfter = r.comparisonAfter();
        i.evalNetChange = r.netChange();
        i.evalNetImprovement = r.netImprovement();
        i.evalCiLow = r.ciLow();
        i.evalCiHigh = r.ciHigh();
        i.evalRegressionAllowance = r.regressionAllowance();
        i.evalOutcome = r.outcome().name();
        i.evalExplanation = truncate(r.explanation(), 1000);
        i.evaluatedAt = clock.instant();
        move(i, to, actor, r.explanation());
        return i;
    }

    /**
     * The one way a state changes: checks the table, keeps the timestamps the lifecycle depends on, writes the
     * history row and puts InterventionChanged (and, when an agent is coached or recognised, a MonitoringEvent)
     * into the outbox in the same transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void move(InterventionEntity i, InterventionState to, String actor, String note) {
        InterventionState from = InterventionState.valueOf(i.state);
        StateMachine.check(from, to);
        Instant now = clock.instant();
        i.state = to.name();
        i.updatedAt = now;
        switch (to) {
            case ASSIGNED -> i.deadline = now.plus(Duration.parse(i.deadlineDuration));
            case CANCELLED -> i.cancelReason = truncate(note, 2000);
            case IN_PROGRESS -> {
                if (i.firstCoachingAt == null) {
                    i.firstCoachingAt = now;
                    monitoring(i, now);
                }
            }
            case COMPLETED -> i.completedAt = now;
            default -> {
            }
        }
        record(i, from, to, actor, note);
        if (to == InterventionState.COMPLETED) {
            // The follow-up window starts with the first coaching: the behavior has had that long to change.
            Instant start = i.firstCoachingAt != null ? i.firstCoachingAt : now;
            Instant due = start.plus(Duration.parse(i.followUpWindow));
            i.followUpDueAt = due.isBefore(now) ? now : due;
            move(i, InterventionState.FOLLOW_UP, SYSTEM, "follow-up assessment due " + i.followUpDueAt);
        }
    }

    private void record(InterventionEntity i, InterventionState from, InterventionState to, String actor, String note) {
        HistoryEntity h = new HistoryEntity();
        h.interventionId = i.id;
        h.fromState = from == null ? null : from.name();
        h.toState = to.name();
        h.actor = actor;
        h.note = truncate(note, 2000);
        h.occurredAt = clock.instant();
        h.persist();
        InterventionChanged changed = new InterventionChanged(i.id, i.gapId, i.agentId, i.teamId, i.behaviorId,
                io.wem.common.contracts.GapType.valueOf(i.gapType), i.kind, i.ownerRole, i.ownerKey, i.theme,
                from == null ? null : from.name(), to.name(), i.deadline, h.occurredAt);
        String key = i.agentId != null ? i.agentId : i.teamId;
        outbox.add(Topics.INTERVENTIONS, key, EventEnvelope.of(EventTypes.INTERVENTION, service, i.agentId, changed));
    }

    private void monitoring(InterventionEntity i, Instant now) {
        String kind = InterventionKind.valueOf(i.kind).monitoringKind();
        if (i.agentId == null || kind == null) {
            return;
        }
        // A person coaches here, so the event is not automated; its theme feeds wellbeing's theme balance.
        MonitoringEvent event = new MonitoringEvent(UUID.randomUUID().toString(), i.agentId, i.teamId, kind, false,
                null, i.theme, service, i.id, now);
        outbox.add(Topics.MONITORING, i.agentId, EventEnvelope.of(EventTypes.MONITORING, service, i.agentId, event));
    }

    static <T> List<T> nullSafe(List<T> xs) {
        return xs == null ? List.of() : xs;
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
