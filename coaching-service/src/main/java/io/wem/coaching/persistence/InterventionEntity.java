package io.wem.coaching.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** An intervention (data class coaching-record). Columns documented in V1__coaching_baseline.sql. */
@Entity
@Table(name = "intervention")
public class InterventionEntity extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "gap_id")
    public String gapId;
    @Column(name = "agent_id")
    public String agentId;
    @Column(name = "team_id")
    public String teamId;
    @Column(name = "behavior_id")
    public String behaviorId;
    public String metric;
    @Column(name = "gap_type")
    public String gapType;
    @Column(name = "playbook_id")
    public String playbookId;
    @Column(name = "playbook_version")
    public int playbookVersion;
    public String title;
    public String kind;
    @Column(name = "owner_role")
    public String ownerRole;
    @Column(name = "owner_key")
    public String ownerKey;
    /** The person who owns it (from the directory), or null: UNASSIGNED, waiting in the owner_key queue. */
    @Column(name = "owner_person")
    public String ownerPerson;
    public String theme;
    public String goal;
    @Column(name = "proposed_goal")
    public String proposedGoal;
    @Column(name = "learning_items")
    public String learningItems;
    @Column(name = "coaching_prompts")
    public String coachingPrompts;
    @Column(name = "evidence_interaction_ids")
    public String evidenceInteractionIds;
    public String direction;
    @Column(name = "relative_improvement")
    public Double relativeImprovement;
    @Column(name = "absolute_target")
    public Double absoluteTarget;
    @Column(name = "follow_up_window")
    public String followUpWindow;
    @Column(name = "follow_up_assessment")
    public String followUpAssessment;
    @Column(name = "deadline_duration")
    public String deadlineDuration;
    public String state;
    public int priority;
    @Column(name = "effect_size")
    public double effectSize;
    @Column(name = "customer_impact")
    public double customerImpact;
    public double observed;
    public double baseline;
    @Column(name = "cause_explanation")
    public String causeExplanation;
    @Column(name = "gap_window_start")
    public Instant gapWindowStart;
    @Column(name = "gap_window_end")
    public Instant gapWindowEnd;
    @Column(name = "gap_detected_at")
    public Instant gapDetectedAt;
    @Column(name = "gap_resolved_at")
    public Instant gapResolvedAt;
    public Instant deadline;
    @Column(name = "scheduled_for")
    public Instant scheduledFor;
    @Column(name = "guardrail_attempts")
    public int guardrailAttempts;
    @Column(name = "next_guardrail_at")
    public Instant nextGuardrailAt;
    @Column(name = "guardrail_claimed_until")
    public Instant guardrailClaimedUntil;
    @Column(name = "guardrail_decision_id")
    public String guardrailDecisionId;
    @Column(name = "guardrail_reason")
    public String guardrailReason;
    @Column(name = "last_guardrail_error")
    public String lastGuardrailError;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
    public String reflection;
    @Column(name = "reflection_at")
    public Instant reflectionAt;
    @Column(name = "dispute_reason")
    public String disputeReason;
    @Column(name = "disputed_at")
    public Instant disputedAt;
    @Column(name = "first_coaching_at")
    public Instant firstCoachingAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "follow_up_due_at")
    public Instant followUpDueAt;
    @Column(name = "eval_before")
    public Double evalBefore;
    @Column(name = "eval_after")
    public Double evalAfter;
    @Column(name = "eval_comparison_kind")
    public String evalComparisonKind;
    @Column(name = "eval_comparison_size")
    public Integer evalComparisonSize;
    @Column(name = "eval_comparison_before")
    public Double evalComparisonBefore;
    @Column(name = "eval_comparison_after")
    public Double evalComparisonAfter;
    @Column(name = "eval_net_change")
    public Double evalNetChange;
    @Column(name = "eval_net_improvement")
    public Double evalNetImprovement;
    @Column(name = "eval_ci_low")
    public Double evalCiLow;
    @Column(name = "eval_ci_high")
    public Double evalCiHigh;
    @Column(name = "eval_regression_allowance")
    public Double evalRegressionAllowance;
    @Column(name = "eval_outcome")
    public String evalOutcome;
    @Column(name = "eval_explanation")
    public String evalExplanation;
    @Column(name = "evaluated_at")
    public Instant evaluatedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    public boolean teamLevel() {
        return agentId == null;
    }
}
