package io.wem.common.retention;

import io.wem.common.contracts.LegalHoldScope;

import java.time.Instant;
import java.util.List;

/**
 * One data class of personal data kept by a service. Each service implements one bean per data class it holds;
 * the common purge consumer and subject endpoints drive them, so retention, export and erasure work the same way
 * in every service.
 */
public interface PersonalDataStore {

    /** The retention data class (see DataClasses). */
    String dataClass();

    /** Deletes records older than cutoff unless a hold protects them. Runs inside a transaction. */
    PurgeOutcome purge(Instant cutoff, List<LegalHoldScope> holds);

    /** The oldest record still stored, or null. */
    Instant oldestRecord();

    /** This agent's records, as JSON-serializable objects, for a data-subject access request. */
    List<?> export(String agentId);

    /** Deletes this agent's records; returns how many. Runs inside a transaction. */
    long erase(String agentId);

    /**
     * Deletes this agent's records except those an active hold protects (by interaction id or time range); holds
     * naming the agent are refused before this is called. The default cannot tell which records belong to which
     * interaction, so it refuses the whole erasure while any interaction hold exists (fail closed); a store whose
     * records carry interaction ids overrides it.
     */
    default long erase(String agentId, List<LegalHoldScope> holds) {
        if (holds.stream().anyMatch(h -> h.interactionIds() != null && !h.interactionIds().isEmpty())) {
            throw new HeldDataException("an active legal hold on interactions may cover " + dataClass() + " records");
        }
        return erase(agentId);
    }

    /** An erasure that would delete records under a legal hold. */
    class HeldDataException extends RuntimeException {
        public HeldDataException(String message) {
            super(message);
        }
    }

    record PurgeOutcome(long purged, long retainedByHold) {
    }
}
