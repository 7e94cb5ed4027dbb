package io.wem.common.events;

/** CloudEvents {@code type} values. One payload record per type in {@code io.wem.common.contracts}. */
public final class EventTypes {
    public static final String SIGNAL_RECEIVED = "io.wem.signal.SignalReceived.v1";
    public static final String AGENT_ACTIVITY = "io.wem.signal.AgentActivity.v1";
    public static final String GAP_DETECTED = "io.wem.signal.BehaviorGapDetected.v1";
    public static final String GAP_RESOLVED = "io.wem.signal.BehaviorGapResolved.v1";
    public static final String MEASUREMENT = "io.wem.signal.BehaviorMeasurement.v1";
    public static final String MONITORING = "io.wem.wellbeing.MonitoringEvent.v1";
    public static final String WELLBEING_ALERT = "io.wem.wellbeing.WellbeingAlert.v1";
    public static final String INTERVENTION = "io.wem.coaching.InterventionChanged.v1";
    public static final String AUDIT = "io.wem.governance.AuditEvent.v1";
    public static final String PURGE_COMMAND = "io.wem.governance.PurgeCommand.v1";
    public static final String AUDIT_CHECKPOINT = "io.wem.governance.AuditCheckpoint.v1";
    public static final String PURGE_RESULT = "io.wem.governance.PurgeResult.v1";

    private EventTypes() {
    }
}
