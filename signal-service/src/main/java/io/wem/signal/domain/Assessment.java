package io.wem.signal.domain;

import io.wem.common.contracts.GapType;

import java.util.List;

/**
 * The detector's verdict for one agent and one behavior.
 *
 * @param gap            the gap holds now
 * @param clear          there is enough data and the agent is clearly fine again (effect below half the threshold
 *                       against both references), so an open gap can be resolved; hysteresis avoids flapping
 * @param baselineKind   TEAM_MEDIAN, TEAM_PERCENTILE, AGENT_HISTORY, ABSOLUTE, ORG_MEDIAN / ORG_STANDARD for
 *                       team-wide gaps, or TEAM_NORMAL_INTERVALS for team CAPACITY gaps (see GapDetector)
 *                       measured against the organisation
 */
public record Assessment(
        String agentId,
        boolean gap,
        boolean clear,
        GapType gapType,
        double observed,
        double baseline,
        String baselineKind,
        double effectSize,
        int sampleSize,
        double confidenceLow,
        double confidenceHigh,
        List<String> evidenceInteractionIds,
        String causeExplanation,
        List<String> affectedAgentIds,
        String queue,
        String contactReason) {

    public Assessment withGap(boolean value) {
        return new Assessment(agentId, value, clear, gapType, observed, baseline, baselineKind, effectSize, sampleSize,
                confidenceLow, confidenceHigh, evidenceInteractionIds, causeExplanation, affectedAgentIds, queue,
                contactReason);
    }

    public Assessment withClear(boolean value) {
        return new Assessment(agentId, gap, value, gapType, observed, baseline, baselineKind, effectSize, sampleSize,
                confidenceLow, confidenceHigh, evidenceInteractionIds, causeExplanation, affectedAgentIds, queue,
                contactReason);
    }
}
