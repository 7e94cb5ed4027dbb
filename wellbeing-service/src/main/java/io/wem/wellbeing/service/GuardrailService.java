package io.wem.wellbeing.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.micrometer.core.instrument.MeterRegistry;
import io.wem.common.audit.Audit;
import io.wem.common.contracts.GuardrailDecision;
import io.wem.common.contracts.GuardrailEvaluationRequest;
import io.wem.common.events.Events;
import io.wem.common.problem.ProblemException;
import io.wem.common.security.Caller;
import io.wem.common.security.Roles;
import io.wem.wellbeing.domain.ActionKind;
import io.wem.wellbeing.domain.CoachingTheme;
import io.wem.wellbeing.domain.FactCount;
import io.wem.wellbeing.domain.GuardrailEngine;
import io.wem.wellbeing.domain.GuardrailPolicy;
import io.wem.wellbeing.domain.IntensityWindow;
import io.wem.wellbeing.domain.RecoveryState;
import io.wem.wellbeing.persistence.GuardrailDecisionEntity;
import io.wem.wellbeing.persistence.IntensityRepository;
import io.wem.wellbeing.persistence.ReviewItemEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import io.wem.wellbeing.messaging.MonitoringCatchUp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Answers guardrail evaluations: reads the agent's compact state in one query, applies the team policy, stores
 * and audits the decision, counts an allowed action as an intensity fact and queues review items. Decisions for
 * one agent are serialized so two concurrent requests cannot both take the last slot under a cap.
 */
@ApplicationScoped
public class GuardrailService {

    @Inject
    IntensityRepository intensity;

    @Inject
    PolicyService policies;

    @Inject
    Audit audit;

    @Inject
    MeterRegistry registry;

    @Inject
    MonitoringCatchUp catchUp;

    @Inject
    Clock clock;

    /**
     * Waits (bounded, outside the transaction and the agent's lock, which the consumer needs to record) until the
     * agent's monitoring events already in Kafka are recorded, then decides. Not caught up in time: DEFER.
     */
    public GuardrailDecision evaluate(GuardrailEvaluationRequest req, Caller caller) {
        return decide(req, caller, catchUp.await(req.agentId()));
    }

    @Transactional
    GuardrailDecision decide(GuardrailEvaluationRequest req, Caller caller, MonitoringCatchUp.Status fresh) {
        ActionKind action = ActionKind.parse(req.actionKind());
        if (action == null) {
            throw ProblemException.badRequest("actionKind", "must be one of " + Arrays.toString(ActionKind.values()));
        }
        CoachingTheme theme = CoachingTheme.parse(req.theme());
        if (req.theme() != null && !req.theme().isBlank() && theme == null) {
            throw ProblemException.badRequest("theme", "must be one of " + Arrays.toString(CoachingTheme.values()));
        }
        Instant now = clock.instant();
        intensity.lockAgent(req.agentId());
        // The window of the team named in the request is a good guess; when the agent's known team has a
        // longer window (rare: a team changed or a caller named the wrong team) the state is read again.
        int guessedDays = policies.policyFor(blankToNull(req.teamId())).windowDays();
        IntensityRepository.Snapshot snap = intensity.snapshot(req.agentId(), since(now, guessedDays));
        String team = snap.teamId() != null ? snap.teamId() : blankToNull(req.teamId());
        requireScope(caller, req.agentId(), team);
        GuardrailDecisionEntity allowedBefore = allowedBefore(req, action);
        if (allowedBefore != null) {
            return view(allowedBefore);
        }
        GuardrailPolicy policy = policies.policyFor(team);
        if (policy.windowDays() > guessedDays) {
            snap = intensity.snapshot(req.agentId(), since(now, policy.windowDays()));
        }

        GuardrailEngine.PriorReview prior = null;
        if (req.automated() && req.reference() != null && policy.humanReviewForAutomated().contains(action)) {
            ReviewItemEntity item = ReviewItemEntity.find("agentId = ?1 and actionKind = ?2 and reference = ?3 "
                            + "and type = ?4 order by createdAt desc", req.agentId(), action.name(), req.reference(),
                    ReviewItemEntity.AUTOMATED_DECISION).firstResult();
            if (item != null) {
                prior = new GuardrailEngine.PriorReview(item.status, item.reviewer, item.reviewReason);
            }
        }
        RecoveryState recovery = snap.recovery() != null ? snap.recovery() : RecoveryState.FRESH;
        GuardrailEngine.Outcome outcome = GuardrailEngine.evaluate(
                new GuardrailEngine.Request(action, req.automated(), theme),
                new IntensityWindow(snap.facts(), policy, now), recovery, policy, prior, now, fresh.caughtUp(),
                fresh.inFlight());

        GuardrailDecisionEntity d = new GuardrailDecisionEntity();
        d.decisionId = UUID.randomUUID().toString();
        d.agentId = req.agentId();
        d.teamId = team;
        d.actionKind = action.name();
        d.decision = outcome.decision().name();
        d.earliestAt = outcome.earliestAt();
        d.reasons = Events.toJson(outcome.reasons());
        d.intensityIndex = outcome.intensityIndex();
        d.requester = req.requester();
        d.caller = caller.actor();
        d.automated = req.automated();
        d.theme = theme == null ? null : theme.name();
        d.reference = req.reference();
        d.counted = outcome.countsAsFact();
        d.decidedAt = now;
        d.persist();
        if (outcome.countsAsFact()) {
            intensity.increment(req.agentId(), team, now, action.asMonitoringKind(), theme);
        }
        if (outcome.needsReviewItem()) {
            ReviewItemEntity item = new ReviewItemEntity();
            item.reviewId = UUID.randomUUID().toString();
            item.type = ReviewItemEntity.AUTOMATED_DECISION;
            item.agentId = req.agentId();
            item.teamId = team;
            item.actionKind = action.name();
            item.reference = req.reference();
            item.subjectType = "GUARDRAIL_DECISION";
            item.subjectId = d.decisionId;
            item.summary = "Automated " + action.name() + " requested by " + req.requester() + ": "
                    + String.join(" ", outcome.reasons());
            item.status = ReviewItemEntity.PENDING;
            item.createdAt = now;
            item.persist();
        }
        // the decision's id is its audit id: one entry per decision, however the outbox delivers it
        audit.recordAs(d.decisionId, caller, req.agentId(), "DECIDE", "wellbeing-service:guardrail-decision",
                "guardrail " + outcome.decision() + " for " + action + " requested by " + req.requester(), "SUCCESS");
        registry.counter("wem.wellbeing.guardrail.decisions", "decision", outcome.decision().name(),
                "action", action.name()).increment();
        return new GuardrailDecision(d.decisionId, d.agentId, d.actionKind, d.decision, d.earliestAt,
                outcome.reasons(), d.intensityIndex, now);
    }

    /**
     * The same requester asking again about the same action (same reference) that was already allowed: a retry
     * after a client timeout, whose first answer was decided and counted. It gets that answer again; counting it
     * twice would push the agent towards the cap with monitoring that never happened (seen under load: two timed-out
     * attempts counted two live-monitoring facts and the third was deferred for a cap of 2). A deferred or denied
     * action counted nothing, so asking again is a new evaluation.
     */
    private GuardrailDecisionEntity allowedBefore(GuardrailEvaluationRequest req, ActionKind action) {
        if (req.reference() == null || req.reference().isBlank()) {
            return null;
        }
        return GuardrailDecisionEntity.find("agentId = ?1 and actionKind = ?2 and requester = ?3 and reference = ?4 "
                        + "and counted = true order by decidedAt desc", req.agentId(), action.name(),
                req.requester(), req.reference()).firstResult();
    }

    private static GuardrailDecision view(GuardrailDecisionEntity d) {
        List<String> reasons;
        try {
            reasons = Events.mapper().readValue(d.reasons, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reasons of decision " + d.decisionId + " are not a JSON array", e);
        }
        return new GuardrailDecision(d.decisionId, d.agentId, d.actionKind, d.decision, d.earliestAt, reasons,
                d.intensityIndex, d.decidedAt);
    }

    /**
     * coaching-service's account may ask about anyone; supervisors and platform admins only about agents of their
     * own teams (the agent's known team wins over the one in the request).
     */
    static void requireScope(Caller caller, String agentId, String team) {
        if (caller.hasRole(Roles.SVC_GUARDRAIL)) {
            return;
        }
        if (caller.hasAnyRole(Roles.SUPERVISOR, Roles.PLATFORM_ADMIN) && caller.memberOf(team)) {
            return;
        }
        throw ProblemException.forbidden("not allowed to request guardrail decisions for agent " + agentId);
    }

    /** Start of the read: one bucket earlier than the window, so a bucket straddling the window start is seen. */
    private static Instant since(Instant now, int days) {
        return now.minus(Duration.ofDays(days)).minus(FactCount.BUCKET);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
