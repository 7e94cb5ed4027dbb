package io.wem.common.contracts;

import java.time.Instant;

/**
 * An intervention's state changed (topic wem.coaching.interventions.v1, key = agent id, or team id for
 * process and capacity interventions that have no single agent).
 */
public record InterventionChanged(
        String interventionId,
        String gapId,
        String agentId,
        String teamId,
        String behaviorId,
        GapType gapType,
        String kind,
        String ownerRole,
        String ownerId,
        String theme,
        String previousState,
        String state,
        Instant deadline,
        Instant occurredAt) {
}
