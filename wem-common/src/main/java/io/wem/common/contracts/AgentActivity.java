package io.wem.common.contracts;

import java.time.Instant;

/**
 * What an agent did and when, as facts (topic wem.signal.interactions.v1, key = agent id): wellbeing-service
 * decides what counts as difficult or as recovery. No free text ever travels here.
 *
 * @param kind       INTERACTION, BREAK or SCHEDULED_RECOVERY
 * @param sentiment  customer sentiment -1..1 when known
 */
public record AgentActivity(
        String activityId,
        String kind,
        String agentId,
        String teamId,
        String queue,
        String channel,
        String contactReason,
        Instant start,
        Instant end,
        Double sentiment,
        boolean escalated,
        boolean abusiveCustomer,
        boolean repeatContact) {
}
