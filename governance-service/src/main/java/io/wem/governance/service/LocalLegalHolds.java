package io.wem.governance.service;

import io.wem.common.contracts.LegalHoldScope;
import io.wem.common.retention.LegalHolds;
import io.wem.governance.domain.retention.LegalHold;
import io.wem.governance.persistence.RetentionRepository;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/** governance-service keeps the legal holds: its own deletions (audit-event purges) read them from the table. */
@Alternative
@Priority(1)
@ApplicationScoped
public class LocalLegalHolds extends LegalHolds {

    @Inject
    RetentionRepository repository;

    @Override
    @Transactional
    public List<LegalHoldScope> active() {
        return repository.holds(true).stream().map(LegalHold::scope).toList();
    }
}
