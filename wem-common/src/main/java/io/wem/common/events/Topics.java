package io.wem.common.events;

/**
 * The suite's Kafka topics (logical names). Keys are agent ids so each agent's events stay in order.
 * At runtime every name is prefixed with {@code wem.kafka.topic-prefix} (empty by default, "test-" in tests)
 * so service tests never mix with a running local stack. deploy/kafka/topics.txt lists partitions.
 */
public final class Topics {
    /** Structured performance signals pushed by contact-center platforms (consumed by signal-service). */
    public static final String SIGNALS = "wem.signal.signals.v1";
    /** Normalized interaction and break activity (signal-service → wellbeing-service). */
    public static final String ACTIVITY = "wem.signal.interactions.v1";
    /** BehaviorGapDetected / BehaviorGapResolved (signal-service → coaching-service). */
    public static final String GAPS = "wem.signal.gaps.v1";
    /** Periodic behavior measurements per agent (signal-service → anyone tracking outcomes). */
    public static final String MEASUREMENTS = "wem.signal.measurements.v1";
    /** Monitoring events: QA evaluations, live monitoring, automated scores, coaching sessions (→ wellbeing). */
    public static final String MONITORING = "wem.wellbeing.monitoring-events.v1";
    /** Wellbeing alerts for WFM planners and supervisors. */
    public static final String WELLBEING_ALERTS = "wem.wellbeing.alerts.v1";
    /** Intervention lifecycle events (coaching-service). */
    public static final String INTERVENTIONS = "wem.coaching.interventions.v1";
    /** Audit events from every service (→ governance-service, append-only hash chain). */
    public static final String AUDIT = "wem.governance.audit-events.v1";
    /** Purge commands per service and data class (governance → every service). */
    public static final String PURGE_COMMANDS = "wem.governance.purge-commands.v1";
    /** Purge results with counts (every service → governance). */
    public static final String PURGE_RESULTS = "wem.governance.purge-results.v1";

    /** Signed heads of governance's audit chain, kept outside its database (governance → auditors, verify). */
    public static final String AUDIT_CHECKPOINTS = "wem.governance.audit-checkpoints.v1";

    /** Dead-letter topic for one consumer: {@code wem.dlq.<service>.<channel>.v1}. */
    public static String deadLetter(String service, String channel) {
        return "wem.dlq." + service + "." + channel + ".v1";
    }

    private Topics() {
    }
}
