package io.wem.common.retention;

import io.wem.common.contracts.DataClasses;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The minimum time each data class is kept, whatever a policy, an administrator or a message says: governance
 * refuses a shorter window and every service refuses a purge cutoff newer than now minus the floor. A class without
 * a floor is never purged (fail closed). Plain Java.
 */
public final class RetentionFloors {

    /** A minimum retention period and the legal reason for it. */
    public record Floor(Period minimum, String legalBasis) {

        /** The newest cutoff a purge may use at {@code now} (UTC calendar arithmetic, like retention windows). */
        public Instant newestCutoff(Instant now) {
            return now.atOffset(ZoneOffset.UTC).minus(minimum).toInstant();
        }

        /** True when deleting records older than {@code cutoff} keeps at least the minimum period. */
        public boolean permits(Instant cutoff, Instant now) {
            return !cutoff.isAfter(newestCutoff(now));
        }
    }

    private static final Map<String, Floor> FLOORS = Map.of(
            DataClasses.INTERACTION_SIGNAL, new Floor(Period.ofDays(30),
                    "An agent may dispute a monthly performance review; the signals behind it must still exist"),
            DataClasses.TRANSCRIPT, new Floor(Period.ofDays(30),
                    "Complaint and chargeback handling (card schemes answer disputes within 30 days)"),
            DataClasses.QA_EVALUATION, new Floor(Period.ofDays(30),
                    "An agent may contest an evaluation within 30 days"),
            DataClasses.COACHING_RECORD, new Floor(Period.ofMonths(6),
                    "Employment contract: development records of the current review cycle (GDPR Art. 6(1)(b))"),
            DataClasses.WELLBEING_METRIC, new Floor(Period.ofDays(30),
                    "Occupational health and safety: evidence for the monthly workload review (GDPR Art. 9(2)(b))"),
            DataClasses.GUARDRAIL_DECISION, new Floor(Period.ofMonths(6),
                    "Evidence of proportionate monitoring (GDPR Art. 22, 35)"),
            DataClasses.AUDIT_EVENT, new Floor(Period.ofYears(6),
                    "Accountability and security logging (GDPR Art. 5(2), 32; PCI DSS 10.7 asks one year) kept for "
                            + "the six-year limitation period of claims"));

    private RetentionFloors() {
    }

    /** The floor of a data class, or null when it has none (then nothing of it may be purged). */
    public static Floor of(String dataClass) {
        return dataClass == null ? null : FLOORS.get(dataClass);
    }
}
