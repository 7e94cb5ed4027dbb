package io.wem.common.contracts;

import java.time.Instant;

/**
 * A service's evidence of a purge (topic wem.governance.purge-results.v1, key = service).
 *
 * @param retainedByHold records older than the cutoff kept because a legal hold protects them
 * @param oldestRemaining the oldest record of the class still stored, null when none
 * @param error          null on success
 */
public record PurgeResult(
        String commandId,
        String service,
        String dataClass,
        Instant cutoff,
        long purged,
        long retainedByHold,
        Instant oldestRemaining,
        Instant completedAt,
        String error) {
}
