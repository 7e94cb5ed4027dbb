package io.wem.common.contracts;

import java.time.Instant;
import java.util.List;

/**
 * One read or change of personal data (topic wem.governance.audit-events.v1, key = subject or actor).
 *
 * @param subject  the agent id whose data was touched, or null for non-personal resources
 * @param action   READ, CREATE, UPDATE, DELETE, EXPORT, ERASE, PURGE, DECIDE
 * @param outcome  SUCCESS, DENIED or FAILED
 */
public record AuditEvent(
        String auditId,
        String service,
        String actor,
        List<String> actorRoles,
        String subject,
        String action,
        String resource,
        String purpose,
        String outcome,
        Instant occurredAt,
        String traceId) {
}
