package io.wem.common.contracts;

import java.time.Instant;

/** The gap no longer holds (topic wem.signal.gaps.v1, key = agent id). */
public record BehaviorGapResolved(
        String gapId,
        String agentId,
        String teamId,
        String behaviorId,
        double observed,
        double baseline,
        String reason,
        Instant resolvedAt) {
}
