package io.wem.signal.persistence;

import io.wem.common.contracts.DataClasses;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Data class interaction-signal: interactions, surveys, sentiment, adherence, live monitoring, and resolved gaps
 * (open gaps are live work items of coaching and are purged only once resolved). Surveys and sentiment are keyed by
 * interaction, so they are purged and erased BEFORE the interactions they point to.
 */
@ApplicationScoped
public class InteractionSignalStore extends TableStore {
    static final List<SignalTables.Table> TABLES = List.of(
            new SignalTables.Table("signal_survey", SignalTables.AGENT_OF_INTERACTION, "t.interaction_id",
                    "occurred_at", null),
            new SignalTables.Table("signal_sentiment", SignalTables.AGENT_OF_INTERACTION, "t.interaction_id",
                    "occurred_at", null),
            new SignalTables.Table("signal_interaction", "t.agent_id", "t.interaction_id", "occurred_at", null),
            new SignalTables.Table("signal_adherence", "t.agent_id", "NULL", "occurred_at", null),
            new SignalTables.Table("signal_live_monitoring", "t.agent_id", "NULL", "occurred_at", null),
            new SignalTables.Table("behavior_gap", "t.agent_id", "NULL", "detected_at", "t.status = 'RESOLVED'"));

    @Override
    public String dataClass() {
        return DataClasses.INTERACTION_SIGNAL;
    }

    @Override
    List<SignalTables.Table> tables() {
        return TABLES;
    }

    @Override
    public long erase(String agentId) {
        // Erasure removes open gaps too (the subject's right outranks the work item), and the directory entry.
        long n = super.erase(agentId);
        em.createNativeQuery("DELETE FROM agent_directory WHERE agent_id = ?1").setParameter(1, agentId).executeUpdate();
        return n;
    }
}
