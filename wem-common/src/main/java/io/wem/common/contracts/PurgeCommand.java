package io.wem.common.contracts;

import java.time.Instant;
import java.util.List;

/**
 * Governance tells one service to delete one data class older than {@code cutoff}, except what the holds protect
 * (topic wem.governance.purge-commands.v1, key = service).
 */
public record PurgeCommand(
        String commandId,
        String service,
        String dataClass,
        Instant cutoff,
        List<LegalHoldScope> holds,
        Instant issuedAt) {
}
