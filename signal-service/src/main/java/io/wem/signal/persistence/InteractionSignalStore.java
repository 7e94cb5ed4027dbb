package io.wem.signal.persistence;

import io.wem.common.contracts.DataClasses;
import io.wem.common.contracts.LegalHoldScope;
import io.wem.common.retention.PersonalDataStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;

/**
 * Data class interaction-signal: interactions, surveys, sentiment, adherence, live monitoring, and resolved gaps
 * (open gaps are live work items of coaching and are purged only once resolved). Surveys and sentiment are keyed by
 * interaction, so they are purged and erased BEFORE the interactions they point to.
 */
@ApplicationScoped
public class InteractionSignalStore implements PersonalDataStore {
    static final List<SignalTables.Table> TABLES = List.of(
            new SignalTables.Table("signal_survey", SignalTables.AGENT_OF_INTERACTION, "t.interaction_id",
                    "occurred_at", null),
            new SignalTables.Table("signal_sentiment", SignalTables.AGENT_OF_INTERACTION, "t.interaction_id",
                    "occurred_at", null),
            new SignalTables.Table("signal_interaction", "t.agent_id", "t.interaction_id", "occurred_at", null),
            new SignalTables.Table("signal_adherence", "t.agent_id", "NULL", "occurred_at", null),
            new SignalTables.Table("signal_live_monitoring", "t.agent_id", "NULL", "occurred_at", null),
            new SignalTables.Table("behavior_gap", "t.agent_id", "NULL", "detected_at", "t.status = 'RESOLVED'"));

    @Inject
    EntityManager em;

    @Override
    public String dataClass() {
        return DataClasses.INTERACTION_SIGNAL;
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
        // Erasure removes open gaps too (the subject's right outranks the work item), and the directory entry.
        long n = SignalTables.erase(em, TABLES, agentId);
        em.createNativeQuery("DELETE FROM agent_directory WHERE agent_id = ?1").setParameter(1, agentId).executeUpdate();
        return n;
    }
}
