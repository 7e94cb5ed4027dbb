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

    /** The filter's value; null when unset or when the behavior is evaluated per value ("*", see {@link #slicedBy}). */
    public String filter(String key) {
        String v = filters == null ? null : filters.get(key);
        return EACH.equals(v) ? null : v;
    }

    /** Filter value meaning "evaluate separately for each value" (e.g. repeat contacts per contact reason). */
    public static final String EACH = "*";

    /** The filter key this behavior is evaluated per value of, or null. Only contactReason is supported. */
    public String slicedBy() {
        return filters != null && EACH.equals(filters.get("contactReason")) ? "contactReason" : null;
    }

    /** This behavior restricted to one value of a filter (one slice of a sliced behavior). */
    public Behavior withFilter(String key, String value) {
        Map<String, String> f = new java.util.HashMap<>(filters == null ? Map.of() : filters);
        f.put(key, value);
        return new Behavior(id, version, name, description, metric, Map.copyOf(f), comparison, percentile, target,
                direction, window, minSample, minEffectSize, gapTypeHints, customerImpact, satisfactionGuard, enabled);
    }

    public Metrics.Metric metricDef() {
        return Metrics.get(metric);
    }
}
