package io.wem.coaching.domain;

/** Coaching theme; wellbeing-service balances themes per agent (MonitoringEvent.theme). */
public enum Theme {
    HANDLE_TIME, COMPLIANCE, DEVELOPMENT, RECOGNITION
}
