package io.wem.common.contracts;

import java.util.List;

/** Retention data classes. Every table holding personal data belongs to exactly one. */
public final class DataClasses {
    public static final String INTERACTION_SIGNAL = "interaction-signal";
    public static final String TRANSCRIPT = "transcript";
    public static final String QA_EVALUATION = "qa-evaluation";
    public static final String COACHING_RECORD = "coaching-record";
    public static final String WELLBEING_METRIC = "wellbeing-metric";
    public static final String GUARDRAIL_DECISION = "guardrail-decision";
    public static final String AUDIT_EVENT = "audit-event";

    public static final List<String> ALL = List.of(INTERACTION_SIGNAL, TRANSCRIPT, QA_EVALUATION, COACHING_RECORD,
            WELLBEING_METRIC, GUARDRAIL_DECISION, AUDIT_EVENT);

    private DataClasses() {
    }
}
