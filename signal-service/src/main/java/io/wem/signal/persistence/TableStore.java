package io.wem.signal.persistence;

import io.wem.common.contracts.LegalHoldScope;
import io.wem.common.retention.PersonalDataStore;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;

/** A data class kept in plain signal tables: purge, oldest, export and erase all go through {@link SignalTables}. */
abstract class TableStore implements PersonalDataStore {

    @Inject
    EntityManager em;

    /** The tables holding this data class. */
    abstract List<SignalTables.Table> tables();

    @Override
    public PurgeOutcome purge(Instant cutoff, List<LegalHoldScope> holds) {
        return SignalTables.purge(em, tables(), cutoff, holds);
    }

    @Override
    public Instant oldestRecord() {
        return SignalTables.oldest(em, tables());
    }

    @Override
    public List<?> export(String agentId) {
        return SignalTables.export(em, tables(), agentId);
    }

    @Override
    public long erase(String agentId) {
        return SignalTables.erase(em, tables(), agentId, List.of());
    }

    /** Keeps the rows of held interactions (the records carry their interaction id). */
    @Override
    public long erase(String agentId, List<LegalHoldScope> holds) {
        return SignalTables.erase(em, tables(), agentId, holds);
    }
}
