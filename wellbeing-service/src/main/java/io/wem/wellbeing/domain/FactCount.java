package io.wem.wellbeing.domain;

import java.time.Instant;

/**
 * How many facts of one kind (and coaching theme) an agent had in one hourly bucket: the compact per-agent state
 * the guardrail reads instead of raw events.
 */
public record FactCount(MonitoringKind kind, CoachingTheme theme, Instant bucketStart, int count) {
    public static final java.time.Duration BUCKET = java.time.Duration.ofHours(1);

    /** When every fact of this bucket has left a rolling window of the given length. */
    public Instant leavesWindowAt(java.time.Duration window) {
        return bucketStart.plus(BUCKET).plus(window);
    }

    public static Instant bucketOf(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    }
}
