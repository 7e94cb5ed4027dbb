package io.wem.coaching.rest;

import io.wem.coaching.domain.PlaybookDefinition;
import io.wem.coaching.persistence.PlaybookVersionEntity;
import io.wem.coaching.service.PlaybookService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "Playbook", description = "The current (or a given) version of a playbook.")
public record PlaybookView(
        @Schema(example = "pb-billing-confirmation-skill") String id,
        @Schema(example = "3") int version,
        @Schema(example = "billing-confirmation") String behaviorId,
        @Schema(example = "SKILL") String gapType,
        String title,
        @Schema(example = "COACHING_SESSION") String kind,
        @Schema(example = "coach") String ownerRole,
        @Schema(example = "PT24H") String deadline,
        @Schema(example = "Use a confirmation statement before closing every billing dispute") String goal,
        @Schema(example = "COMPLIANCE") String theme,
        List<String> learningItems,
        List<String> coachingPrompts,
        PlaybookRequest.SuccessCriterionDto successCriterion,
        String followUpAssessment,
        @Schema(example = "coach1") String changedBy,
        String changeNote,
        Instant changedAt) {

    static PlaybookView of(PlaybookService.Current c) {
        return of(c.playbook().id, c.version(), c.definition());
    }

    static PlaybookView of(String id, PlaybookVersionEntity v, PlaybookDefinition d) {
        return new PlaybookView(id, v.version, d.behaviorId(), d.gapType().name(), d.title(), d.kind().name(),
                d.ownerRole().key(), io.wem.coaching.domain.Durations.format(d.deadline()), d.goal(), d.theme().name(), d.learningItems(),
                d.coachingPrompts(), new PlaybookRequest.SuccessCriterionDto(d.successCriterion().metric(),
                d.successCriterion().direction(), d.successCriterion().relativeImprovement(),
                d.successCriterion().absoluteTarget(), io.wem.coaching.domain.Durations.format(d.successCriterion().followUpWindow())),
                d.followUpAssessment(), v.changedBy, v.changeNote, v.createdAt);
    }
}
