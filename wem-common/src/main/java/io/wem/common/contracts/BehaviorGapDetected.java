package io.wem.common.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A behavior gap found by signal-service (topic wem.signal.gaps.v1, key = agent id).
 * For a PROCESS gap, {@code affectedAgentIds} lists the team members sharing it.
 *
 * @param baselineKind  TEAM_MEDIAN, TEAM_PERCENTILE, AGENT_HISTORY, ABSOLUTE, ORG_MEDIAN / ORG_STANDARD for
 *                      team-wide (PROCESS/CAPACITY) gaps measured against the organisation, or
 *                      TEAM_NORMAL_INTERVALS for team CAPACITY gaps (baseline: the team in normally staffed intervals;
 *                      observed: the agent in understaffed ones)
 * @param effectSize    standardized difference between observed and baseline (Cohen's d or h)
 * @param customerImpact 0..1, how much the behavior touches customers (used to prioritise work)
 */
public record BehaviorGapDetected(
        String gapId,
        String agentId,
        String teamId,
        String behaviorId,
        int behaviorVersion,
        String metric,
        double observed,
        double baseline,
        String baselineKind,
        double effectSize,
        int sampleSize,
        double confidenceLow,
        double confidenceHigh,
        List<String> evidenceInteractionIds,
        GapType gapType,
        String causeExplanation,
        List<String> affectedAgentIds,
        String queue,
        String contactReason,
        double customerImpact,
        Instant windowStart,
        Instant windowEnd,
        Instant detectedAt) {
}
