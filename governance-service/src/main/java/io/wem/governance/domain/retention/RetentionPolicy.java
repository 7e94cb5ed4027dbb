package io.wem.governance.domain.retention;

import java.time.Instant;

/** How long one data class is kept, why (legal basis) and who answers for it. */
public record RetentionPolicy(String dataClass, String service, String window, String legalBasis, String owner,
                              Instant updatedAt, String updatedBy) {
}
