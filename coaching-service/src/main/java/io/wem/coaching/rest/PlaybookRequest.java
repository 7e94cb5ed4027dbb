package io.wem.coaching.rest;

import io.wem.coaching.domain.Direction;
import io.wem.coaching.domain.InterventionKind;
import io.wem.coaching.domain.Theme;
import io.wem.common.contracts.GapType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "PlaybookRequest", description = "A playbook version: the intervention path for a behavior and gap type.")
public record PlaybookRequest(
        @NotBlank @Size(max = 100) @Schema(example = "billing-confirmation") String behaviorId,
        @NotNull @Schema(example = "SKILL") GapType gapType,
        @NotBlank @Size(max = 200) @Schema(example = "Confirmation statement before closing billing disputes") String title,
        @NotNull @Schema(example = "COACHING_SESSION") InterventionKind kind,
        @NotBlank @Size(max = 40) @Schema(example = "coach", description = "supervisor, coach, trainer, process-owner or wfm-planner") String ownerRole,
        @NotBlank @Size(max = 40) @Schema(example = "PT24H", description = "ISO-8601 duration the owner has after assignment") String deadline,
        @NotBlank @Size(max = 500) @Schema(example = "Use a confirmation statement before closing every billing dispute") String goal,
        @NotNull @Schema(example = "COMPLIANCE") Theme theme,
        @NotNull @Size(max = 20) @Schema(example = "[\"Billing dispute checklist\"]")
        List<@NotBlank @Size(max = 500) String> learningItems,
        @NotEmpty @Size(max = 20) @Schema(example = "[\"Which words confirm the amount?\"]")
        List<@NotBlank @Size(max = 500) String> coachingPrompts,
        @NotNull @Valid SuccessCriterionDto successCriterion,
        @NotBlank @Size(max = 2000) @Schema(example = "Coach samples ten billing disputes from the follow-up week") String followUpAssessment,
        @Size(max = 500) @Schema(example = "Shorter opening prompt after coach feedback") String changeNote) {

    @Schema(name = "SuccessCriterion", description = "Metric target within a follow-up window: set relativeImprovement "
            + "(0.15 = 15 % better than the gap window, net of the comparison group) or absoluteTarget.")
    public record SuccessCriterionDto(
            @NotBlank @Size(max = 100) @Schema(example = "confirmation_rate") String metric,
            @NotNull @Schema(example = "INCREASE") Direction direction,
            @Schema(example = "0.15") Double relativeImprovement,
            @Schema(example = "0.9") Double absoluteTarget,
            @NotBlank @Size(max = 40) @Schema(example = "P7D") String followUpWindow) {
    }
}
