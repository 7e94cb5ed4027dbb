package io.wem.governance.domain.retention;

import io.wem.common.contracts.DataClasses;

import java.util.LinkedHashMap;
import java.util.Map;

/** Which service holds (and purges) each retention data class. */
public final class DataClassOwners {
    public static final Map<String, String> SERVICE_BY_CLASS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(DataClasses.INTERACTION_SIGNAL, "signal-service");
        m.put(DataClasses.TRANSCRIPT, "signal-service");
        m.put(DataClasses.QA_EVALUATION, "signal-service");
        m.put(DataClasses.COACHING_RECORD, "coaching-service");
        m.put(DataClasses.WELLBEING_METRIC, "wellbeing-service");
        m.put(DataClasses.GUARDRAIL_DECISION, "wellbeing-service");
        m.put(DataClasses.AUDIT_EVENT, "governance-service");
        SERVICE_BY_CLASS = Map.copyOf(m);
    }

    private DataClassOwners() {
    }

    public static String serviceOf(String dataClass) {
        return SERVICE_BY_CLASS.get(dataClass);
    }
}
