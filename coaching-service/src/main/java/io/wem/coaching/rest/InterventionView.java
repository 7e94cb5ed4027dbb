package io.wem.coaching.rest;

import io.wem.coaching.domain.Priority;
import io.wem.coaching.persistence.HistoryEntity;
import io.wem.coaching.persistence.InterventionEntity;
import io.wem.coaching.persistence.JsonLists;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "Intervention", description = "An owned, deadlined intervention made from a behavior gap, with its "
        + "evidence, goal, success criterion, guardrail status, the agent's participation and (once closed) the "
        + "measured outcome. Contains coaching notes: visible to the agent, their team's supervisors/coaches and, for "
        + "team-level work, the process owner or WFM planner only.")
public record InterventionView(
        @Schema(example = "0b6c1f0e-3f7a-4a55-9b1e-2f4b7f0d9a11") String id,
        @Schema(example = "gap-7f3a") String gapId,
        @Schema(example = "agent-north-01", description = "null for team-level work") String agentId,
        @Schema(example = "team-north") String teamId,
        @Schema(example = "billing-confirmation") String behaviorId,
        @Schema(example = "confirmation_rate") String metric,
        @Schema(example = "SKILL") String gapType,
        @Schema(example = "pb-billing-confirmation-skill") String playbookId,
        @Schema(example = "1") int playbookVersion,
        String title,
        @Schema(example = "COACHING_SESSION") String kind,
        @Schema(example = "coach") String ownerRole,
        @Schema(example = "coach:team-north:coach1", description = "Backlog key: role:team:person, or the role's "
                + "fallback queue role:team while unassigned") String ownerKey,
        @Schema(example = "coach1", description = "The person who owns it (from the organisation directory), or "
                + "UNASSIGNED when nobody holds the owner role for the team") String owner,
        @Schema(example = "COMPLIANCE") String theme,
        @Schema(example = "Use a confirmation statement before closing every billing dispute") String goal,
        String proposedGoal,
        List<String> learningItems,
        List<String> coachingPrompts,
        @Schema(description = "The gap's example interactions") List<String> evidenceInteractionIds,
        @Schema(description = "Team-level work: the agents who share the gap") List<String> affectedAgentIds,
        Outcome expectedOutcome,
        @Schema(example = "ASSIGNED") String state,
        @Schema(example = "72") int priority,
        @Schema(example = "P2") String priorityBand,
        double effectSize,
        double customerImpact,
        double observed,
        double baseline,
        String causeExplanation,
        Instant gapWindowStart,
        Instant gapWindowEnd,
        Instant gapDetectedAt,
        Instant gapResolvedAt,
        Instant deadline,
        boolean overdue,
        @Schema(description = "DEFERRED: when wellbeing allows asking again") Instant scheduledFor,
        Guardrail guardrail,
        String cancelReason,
        Instant acknowledgedAt,
        String reflection,
        String disputeReason,
        Instant disputedAt,
        Instant firstCoachingAt,
        Instant completedAt,
        Instant followUpDueAt,
        Evaluation evaluation,
        List<History> history,
        Instant createdAt,
        Instant updatedAt) {

    @Schema(name = "ExpectedOutcome")
    public record Outcome(@Schema(example = "INCREASE") String direction, @Schema(example = "0.15") Double relativeImprovement,
                          @Schema(example = "0.9") Double absoluteTarget, @Schema(example = "P7D") String followUpWindow,
                          String followUpAssessment) {
    }

    @Schema(name = "GuardrailStatus")
    public record Guardrail(@Schema(example = "2") int attempts, Instant nextAttemptAt, String decisionId, String reason,
                            @Schema(example = "wellbeing-service unreachable: ConnectException") String lastError) {
    }

    @Schema(name = "OutcomeEvaluation", description = "Difference-in-differences figures stored at closing: the net "
            + "improvement (fraction of the before value, positive = better, after the regression-to-the-mean "
            + "allowance) with its 95 % interval, the comparison used (UNCOACHED_PEERS, TEAM_TREND or NONE) and the "
            + "verdict (EFFECTIVE, INEFFECTIVE, INCONCLUSIVE).")
    public record Evaluation(double before, double after, @Schema(example = "UNCOACHED_PEERS") String comparisonKind,
                             Integer comparisonSize, Double comparisonBefore, Double comparisonAfter, Double netChange,
                             @Schema(example = "0.21") Double netImprovement, @Schema(example = "0.08") Double ciLow,
                             @Schema(example = "0.34") Double ciHigh, @Schema(example = "0.0") Double regressionAllowance,
                             @Schema(example = "EFFECTIVE") String outcome, String explanation, Instant evaluatedAt) {
    }

    @Schema(name = "InterventionHistory")
    public record History(String from, String to, String actor, String note, Instant at) {
    }

    static InterventionView of(InterventionEntity i, List<String> affected, List<HistoryEntity> history, Instant now) {
        return of(i, affected, history, now, true);
    }

    /** {@code personal=false}: without the agent's reflection, dispute, goal proposal and the coaching notes. */
    static InterventionView of(InterventionEntity i, List<String> affected, List<HistoryEntity> history, Instant now,
                               boolean personal) {
        return new InterventionView(i.id, i.gapId, i.agentId, i.teamId, i.behaviorId, i.metric, i.gapType, i.playbookId,
                i.playbookVersion, i.title, i.kind, i.ownerRole, i.ownerKey,
                i.ownerPerson != null ? i.ownerPerson : io.wem.coaching.domain.OwnerResolution.UNASSIGNED, i.theme, i.goal, personal ? i.proposedGoal : null,
                JsonLists.read(i.learningItems), JsonLists.read(i.coachingPrompts), JsonLists.read(i.evidenceInteractionIds),
                affected, new Outcome(i.direction, i.relativeImprovement, i.absoluteTarget, i.followUpWindow,
                i.followUpAssessment), i.state, i.priority, Priority.band(i.priority), i.effectSize, i.customerImpact,
                i.observed, i.baseline, i.causeExplanation, i.gapWindowStart, i.gapWindowEnd, i.gapDetectedAt,
                i.gapResolvedAt, i.deadline, overdue(i, now), i.scheduledFor,
                new Guardrail(i.guardrailAttempts, i.nextGuardrailAt, i.guardrailDecisionId, i.guardrailReason,
                        i.lastGuardrailError), i.cancelReason, i.acknowledgedAt, personal ? i.reflection : null, personal ? i.disputeReason : null,
                i.disputedAt, i.firstCoachingAt, i.completedAt, i.followUpDueAt,
                i.evaluatedAt == null ? null : new Evaluation(i.evalBefore, i.evalAfter, i.evalComparisonKind,
                        i.evalComparisonSize, i.evalComparisonBefore, i.evalComparisonAfter, i.evalNetChange,
                        i.evalNetImprovement, i.evalCiLow, i.evalCiHigh, i.evalRegressionAllowance, i.evalOutcome,
                        i.evalExplanation, i.evaluatedAt),
                history == null || !personal ? null : history.stream().map(h -> new History(h.fromState, h.toState, h.actor, h.note,
                        h.occurredAt)).toList(), i.createdAt, i.updatedAt);
    }

    static boolean overdue(InterventionEntity i, Instant now) {
        return i.deadline != null && i.deadline.isBefore(now)
                && io.wem.coaching.domain.InterventionState.valueOf(i.state).ownerWork();
    }
}
