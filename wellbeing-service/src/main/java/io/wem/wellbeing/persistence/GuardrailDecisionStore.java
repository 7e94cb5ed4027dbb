package io.wem.wellbeing.persistence;

import io.wem.common.contracts.DataClasses;
import io.wem.common.contracts.LegalHoldScope;
import io.wem.common.retention.PersonalDataStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;

/** Data class guardrail-decision: guardrail decisions and the human review items (reviews and contests). */
@ApplicationScoped
public class GuardrailDecisionStore implements PersonalDataStore {
    private static final TableRetention TABLES = new TableRetention(
            new TableRetention.Table("guardrail_decision", "decided_at", null),
            new TableRetention.Table("review_item", "created_at", null));

    @Inject
    EntityManager em;

    @Override
    public String dataClass() {
        return DataClasses.GUARDRAIL_DECISION;
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
