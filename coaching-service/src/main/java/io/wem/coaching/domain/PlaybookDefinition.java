package io.wem.coaching.domain;

import io.wem.common.contracts.GapType;

import java.time.Duration;
import java.util.List;

/**
 * One version of a playbook: the intervention path for a behavior and gap type. The gap's example interactions
 * are attached per intervention, not here.
 *
 * @param deadline how long the owner has to complete the intervention after it is assigned
 */
public record PlaybookDefinition(
        String behaviorId,
        GapType gapType,
        String title,
        InterventionKind kind,
        OwnerRole ownerRole,
        Duration deadline,
        String goal,
        Theme theme,
        List<String> learningItems,
        List<String> coachingPrompts,
        SuccessCriterion successCriterion,
        String followUpAssessment) {
}
