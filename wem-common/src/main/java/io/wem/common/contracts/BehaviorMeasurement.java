package io.wem.common.contracts;

import java.time.Instant;

/**
 * One agent's value of one behavior's metric over a period, beside the team's value
 * (REST measurements endpoint and topic wem.signal.measurements.v1).
 */
public record BehaviorMeasurement(
        String agentId,
        String teamId,
        String behaviorId,
        String metric,
        Instant periodStart,
        Instant periodEnd,
        double value,
        int sampleSize,
        Double teamValue,
        Integer teamSampleSize) {
}
