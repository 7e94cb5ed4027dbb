package io.wem.governance.domain.retention;

import io.wem.common.contracts.LegalHoldScope;

import java.time.Instant;
import java.util.List;

/** A legal hold: while active, nothing about its subjects (within [from, to) when given) may be purged or erased. */
public record LegalHold(String id, String caseReference, String reason, List<String> agentIds,
                        List<String> interactionIds, Instant from, Instant to, String createdBy, Instant createdAt,
                        Instant releasedAt, String releasedBy) {

    public boolean active() {
        return releasedAt == null;
    }

    public LegalHoldScope scope() {
        return new LegalHoldScope(id, caseReference, agentIds, interactionIds, from, to);
    }

    /** True when this active hold names the agent (for refusing erasure; time ranges do not matter there). */
    public boolean names(String agentId) {
        return active() && agentIds != null && agentIds.contains(agentId);
    }
}
