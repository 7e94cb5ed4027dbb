package io.wem.common.contracts;

import java.time.Instant;
import java.util.List;

/**
 * Answer of signal-service's GET /api/v1/agents/{agentId}/behaviors/{behaviorId}/measurements?from=&to=:
 * the agent's daily values and the whole window's value, each beside the team's, so a caller can tell an
 * agent's change from a team-wide drift.
 */
public record MeasurementSeries(
        String agentId,
        String teamId,
        String behaviorId,
        String metric,
        Instant from,
        Instant to,
        List<BehaviorMeasurement> daily,
        BehaviorMeasurement total) {
}
