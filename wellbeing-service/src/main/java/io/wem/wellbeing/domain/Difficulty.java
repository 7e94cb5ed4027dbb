package io.wem.wellbeing.domain;

import io.wem.common.contracts.AgentActivity;

import java.time.Duration;
import java.util.Locale;

/** How hard an interaction was on the agent. */
public enum Difficulty {
    NORMAL, DIFFICULT, SEVERE;

    /**
     * Difficult: a complaint contact reason, sentiment at or below the difficult threshold, an escalation, an
     * abusive customer, or a very long interaction. Severe: an abusive customer, or an escalation with sentiment
     * at or below the severe threshold.
     */
    public static Difficulty of(AgentActivity a, GuardrailPolicy.RecoverySettings s) {
        boolean veryNegative = a.sentiment() != null && a.sentiment() <= s.severeSentiment();
        if (a.abusiveCustomer() || (a.escalated() && veryNegative)) {
            return SEVERE;
        }
        boolean complaint = a.contactReason() != null && s.complaintReasons().stream()
                .anyMatch(r -> r.equalsIgnoreCase(a.contactReason().trim().toLowerCase(Locale.ROOT)));
        boolean negative = a.sentiment() != null && a.sentiment() <= s.difficultSentiment();
        boolean long_ = a.start() != null && a.end() != null
                && Duration.between(a.start(), a.end()).toMinutes() >= s.longInteractionMinutes();
        return complaint || negative || a.escalated() || long_ ? DIFFICULT : NORMAL;
    }

    public boolean difficult() {
        return this != NORMAL;
    }
}
