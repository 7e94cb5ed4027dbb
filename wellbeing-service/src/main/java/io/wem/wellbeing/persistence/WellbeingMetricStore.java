package io.wem.wellbeing.persistence;

import io.wem.common.contracts.DataClasses;
import io.wem.common.contracts.LegalHoldScope;
import io.wem.common.retention.PersonalDataStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;

/** Data class wellbeing-metric: monitoring facts, activity, recovery state and alerts. */
@ApplicationScoped
public class WellbeingMetricStore implements PersonalDataStore {
    private static final TableRetention TABLES = new TableRetention(
            new TableRetention.Table("monitoring_event", "occurred_at", null),
            new TableRetention.Table("agent_activity", "start_at", "activity_id"),
            new TableRetention.Table("wellbeing_alert", "raised_at", null),
            new TableRetention.Table("intensity_bucket", "bucket_start", null),
            // The state describes the agent's last activity: it expires with that activity, not with the moment it
            // was written (a replay of old activity writes it now). Rows without activity fall back to their write time.
            new TableRetention.Table("agent_state", "COALESCE(last_activity_at, updated_at)", null));

    @Inject
    EntityManager em;

    @Override
    public String dataClass() {
        return DataClasses.WELLBEING_METRIC;
    }

    @Override
    public PurgeOutcome purge(Instant cutoff, List<LegalHoldScope> holds) {
        return TABLES.purge(em, cutoff, holds);
    }

    @Override
    public Instant oldestRecord() {
        return TABLES.oldest(em);
    }

    @Override
    public List<?> export(String agentId) {
        return TABLES.export(em, agentId);
    }

    @Override
    public long erase(String agentId) {
        return TABLES.erase(em, agentId);
    }
}
