package io.wem.signal.domain;

import io.wem.common.contracts.GapType;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A behavior of the catalog: which metric of which signal kind it reads, on which interactions (filters), what it
 * is compared with, which direction is worse, over which window, and how much evidence is needed before a gap is
 * raised. Behaviors are data (versioned rows), not code.
 *
 * @param filters           contactReason, queue, channel (and criterion / checklistItem for the generic QA metrics)
 * @param percentile        for TEAM_PERCENTILE: the peers' percentile the agent is compared with (e.g. 75)
 * @param target            for ABSOLUTE the standard; for other comparisons an optional organisation standard used
 *                          to recognise team-wide (process) gaps
 * @param minEffectSize     Cohen's d (means) or h (rates) below which a difference is not worth anyone's time
 * @param satisfactionGuard only a gap while the agent's CSAT is at least the team median ("long wrap-up while
 *                          satisfaction is fine")
 */
public record Behavior(
        String id,
        int version,
        String name,
        String description,
        String metric,
        Map<String, String> filters,
        Comparison comparison,
        Double percentile,
        Double target,
        Direction direction,
        Duration window,
        int minSample,
        double minEffectSize,
        List<GapType> gapTypeHints,
        double customerImpact,
        boolean satisfactionGuard,
        boolean enabled) {

    public enum Comparison { TEAM_MEDIAN, TEAM_PERCENTILE, AGENT_HISTORY, ABSOLUTE }

    public enum Direction {
        HIGHER_IS_WORSE, LOWER_IS_WORSE;

        /** +1 when a higher value is worse, so sign * (x - baseline) > 0 means "worse than baseline". */
        public int sign() {
            return this == HIGHER_IS_WORSE ? 1 : -1;
        }
    }

    public Behavior withVersion(int v) {
        return new Behavior(id, v, name, description, metric, filters, comparison, percentile, target, direction,
                window, minSample, minEffectSize, gapTypeHints, customerImpact, satisfactionGuard, enabled);
    }

    public String filter(String key) {
        return filters == null ? null : filters.get(key);
    }

    public Metrics.Metric metricDef() {
        return Metrics.get(metric);
    }
}
