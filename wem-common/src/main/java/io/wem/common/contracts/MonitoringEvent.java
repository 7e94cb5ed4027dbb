package io.wem.common.contracts;

import java.time.Instant;

/**
 * One act of watching or supporting an agent (topic wem.wellbeing.monitoring-events.v1, key = agent id).
 *
 * @param kind      QA_EVALUATION, LIVE_MONITORING, SCREEN_RECORDING_REVIEW, ADHERENCE_ALERT, AUTOMATED_SCORE,
 *                  COACHING_SESSION, RECOGNITION
 * @param score     0..100 for evaluations and scores, else null
 * @param theme     for coaching: HANDLE_TIME, COMPLIANCE, DEVELOPMENT, RECOGNITION; else null
 * @param reference the id of the evaluation, score or intervention in the producing service
 */
public record MonitoringEvent(
        String monitoringId,
        String agentId,
        String teamId,
        String kind,
        boolean automated,
        Double score,
        String theme,
        String sourceService,
        String reference,
        Instant occurredAt) {
}
