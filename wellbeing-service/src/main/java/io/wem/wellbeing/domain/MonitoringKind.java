package io.wem.wellbeing.domain;

import java.util.Locale;

/**
 * Kinds of monitoring facts (MonitoringEvent.kind plus PERFORMANCE_PLAN, which only arrives through guardrail
 * decisions). Whether a kind counts as "watching" is decided by the team policy's weight (0 = not watching).
 */
public enum MonitoringKind {
    QA_EVALUATION, LIVE_MONITORING, SCREEN_RECORDING_REVIEW, ADHERENCE_ALERT, AUTOMATED_SCORE, PERFORMANCE_PLAN,
    COACHING_SESSION, RECOGNITION;

    public static MonitoringKind parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Supporting acts: they never raise the intensity index, whatever a policy says. */
    public boolean supportive() {
        return this == COACHING_SESSION || this == RECOGNITION;
    }
}
