package io.wem.common.contracts;

import java.time.Instant;
import java.util.List;

/**
 * What an active legal hold protects from purging: every record of these agents or interactions,
 * optionally only within [from, to).
 */
public record LegalHoldScope(
        String holdId,
        String caseReference,
        List<String> agentIds,
        List<String> interactionIds,
        Instant from,
        Instant to) {

    public boolean protects(String agentId, String interactionId, Instant recordTime) {
        boolean subject = (agentId != null && agentIds != null && agentIds.contains(agentId))
                || (interactionId != null && interactionIds != null && interactionIds.contains(interactionId));
        if (!subject) {
            return false;
        }
        if (recordTime == null) {
            return true;
        }
        return (from == null || !recordTime.isBefore(from)) && (to == null || recordTime.isBefore(to));
    }
}
