package io.wem.wellbeing.domain;

import java.util.Locale;

/** Theme of a coaching session (MonitoringEvent.theme / GuardrailEvaluationRequest.theme). */
public enum CoachingTheme {
    HANDLE_TIME, COMPLIANCE, DEVELOPMENT, RECOGNITION;

    public static CoachingTheme parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Handle time and compliance sessions correct the agent; they are what builds pressure when they pile up. */
    public boolean pressure() {
        return this == HANDLE_TIME || this == COMPLIANCE;
    }
}
