package io.wem.wellbeing.domain;

import java.util.Locale;

/** What a caller wants to do to an agent (GuardrailEvaluationRequest.actionKind). */
public enum ActionKind {
    COACHING_SESSION, QA_EVALUATION, LIVE_MONITORING, PERFORMANCE_PLAN, AUTOMATED_SCORE;

    /** Parses case-insensitively; null when unknown so callers can name the field in their error. */
    public static ActionKind parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The intensity fact an allowed action becomes. */
    public MonitoringKind asMonitoringKind() {
        return MonitoringKind.valueOf(name());
    }
}
