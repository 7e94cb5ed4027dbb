package io.wem.common.contracts;

import java.util.List;

/**
 * Ids of the built-in behaviors signal-service ships; coaching-service ships a playbook for each of them and
 * every gap type. Custom behaviors get other ids.
 */
public final class BuiltInBehaviors {
    /** Long after-call work while satisfaction is fine (metric acw_seconds). */
    public static final String ACW_HABITS = "acw-habits";
    /** Empathy criterion on complaint interactions (metric empathy_score). */
    public static final String COMPLAINT_EMPATHY = "complaint-empathy";
    /** Confirmation statement before closing billing disputes (metric confirmation_rate). */
    public static final String BILLING_CONFIRMATION = "billing-confirmation";
    /** Repeat contacts per contact reason, a knowledge gap (metric repeat_rate). */
    public static final String REPEAT_CONTACTS = "repeat-contacts";
    /** Long or frequent holds: system navigation / knowledge retrieval (metric hold_seconds). */
    public static final String HOLD_USAGE = "hold-usage";
    /** Transfer rate (metric transfer_rate). */
    public static final String TRANSFERS = "transfers";
    /** Schedule adherence (metric adherence_pct). */
    public static final String SCHEDULE_ADHERENCE = "schedule-adherence";

    public static final List<String> ALL = List.of(ACW_HABITS, COMPLAINT_EMPATHY, BILLING_CONFIRMATION,
            REPEAT_CONTACTS, HOLD_USAGE, TRANSFERS, SCHEDULE_ADHERENCE);

    private BuiltInBehaviors() {
    }
}
