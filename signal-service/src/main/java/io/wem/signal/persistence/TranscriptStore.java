package io.wem.signal.persistence;

import io.wem.common.contracts.DataClasses;
import io.wem.common.contracts.LegalHoldScope;
import io.wem.common.retention.PersonalDataStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;

/** Data class transcript: redacted transcript and note text. */
@ApplicationScoped
public class TranscriptStore implements PersonalDataStore {
    static final List<SignalTables.Table> TABLES = List.of(
            new SignalTables.Table("signal_transcript", "t.agent_id", "t.interaction_id", "occurred_at", null));

    @Inject
    EntityManager em;

    @Override
    public String dataClass() {
        return DataClasses.TRANSCRIPT;
    }

    @Override
    public PurgeOutcome purge(Instant cutoff, List<LegalHoldScope> holds) {
        return SignalTables.purge(em, TABLES, cutoff, holds);
    }

    @Override
    public Instant oldestRecord() {
        return SignalTables.oldest(em, TABLES);
    }

    @Override
    public List<?> export(String agentId) {
        return SignalTables.export(em, TABLES, agentId);
    }

    @Override
    public long erase(String agentId) {
        return SignalTables.erase(em, TABLES, agentId);
    }
}
