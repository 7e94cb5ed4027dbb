package io.wem.common.contracts;

import java.time.Instant;

/**
 * One agent's value of one behavior's metric over a period, beside the team's value
 * (REST measurements endpoint and topic wem.signal.measurements.v1). {@code standardDeviation} is the spread of
 * the agent's observations in the period (null when unknown or fewer than two), so a caller can put an interval
 * on a change instead of judging a point estimate.
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
        Integer teamSampleSize,
        Double standardDeviation) {

    /** Without the spread (producers that do not compute it). */
    public BehaviorMeasurement(String agentId, String teamId, String behaviorId, String metric, Instant periodStart,
                               Instant periodEnd, double value, int sampleSize, Double teamValue,
                               Integer teamSampleSize) {
        this(agentId, teamId, behaviorId, metric, periodStart, periodEnd, value, sampleSize, teamValue, teamSampleSize,
                null);
    }
}
