package io.wem.wellbeing.rest;

import io.wem.wellbeing.persistence.ReviewItemEntity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** DTOs of the review queue and of contests. */
public final class ReviewViews {
    private ReviewViews() {
    }

    @Schema(name = "ReviewItem", description = "An automated decision awaiting a person, or an agent's contest.")
    public record ReviewItem(
            @Schema(example = "9a0e5c1b-...") String reviewId,
            @Schema(description = "AUTOMATED_DECISION or CONTEST", example = "AUTOMATED_DECISION") String type,
            @Schema(example = "agent-north-01") String agentId,
            @Schema(example = "team-north") String teamId,
            @Schema(example = "PERFORMANCE_PLAN") String actionKind,
            @Schema(description = "the requester's id of the action", example = "int-42") String reference,
            @Schema(description = "GUARDRAIL_DECISION or MONITORING_EVENT") String subjectType,
            String subjectId,
            @Schema(example = "Automated PERFORMANCE_PLAN requested by coaching-service: ...") String summary,
            @Schema(description = "the agent's words, for contests") String statement,
            @Schema(description = "PENDING, APPROVED or REJECTED", example = "PENDING") String status,
            String reviewer,
            String reviewReason,
            Instant createdAt,
            Instant decidedAt) {

        static ReviewItem of(ReviewItemEntity e) {
            return new ReviewItem(e.reviewId, e.type, e.agentId, e.teamId, e.actionKind, e.reference, e.subjectType,
                    e.subjectId, e.summary, e.statement, e.status, e.reviewer, e.reviewReason, e.createdAt,
                    e.decidedAt);
        }
    }

    @Schema(name = "ReviewDecision", description = "A person's verdict. For a contest, approve = the agent is right "
            + "and the automated decision is overturned.")
    public record ReviewDecision(
            @NotNull @Schema(example = "false") Boolean approve,
            @NotBlank @Size(max = 2000) @Schema(example = "The score model ignores the transfer the agent was given.")
            String reason) {
    }

    @Schema(name = "ContestRequest", description = "An agent contests an automated decision about them.")
    public record ContestRequest(
            @NotBlank @Size(max = 40) @Schema(description = "GUARDRAIL_DECISION or MONITORING_EVENT", example = "MONITORING_EVENT",
                    enumeration = {"GUARDRAIL_DECISION", "MONITORING_EVENT"})
            String subjectType,
            @NotBlank @Size(max = 100) @Schema(example = "mon-7f3c") String subjectId,
            @NotBlank @Size(max = 2000) @Schema(example = "The automated score counted a call I transferred.")
            String statement) {
    }

    @Schema(name = "Contest", description = "An agent's contest and its outcome.")
    public record Contest(
            String contestId,
            @Schema(example = "MONITORING_EVENT") String subjectType,
            String subjectId,
            @Schema(example = "AUTOMATED_SCORE") String actionKind,
            String statement,
            @Schema(description = "PENDING, APPROVED (overturned) or REJECTED (upheld)", example = "PENDING")
            String status,
            @Schema(description = "the reviewer's reason, once decided") String outcomeReason,
            Instant createdAt,
            Instant decidedAt) {

        static Contest of(ReviewItemEntity e) {
            return new Contest(e.reviewId, e.subjectType, e.subjectId, e.actionKind, e.statement, e.status,
                    e.reviewReason, e.createdAt, e.decidedAt);
        }
    }
}
