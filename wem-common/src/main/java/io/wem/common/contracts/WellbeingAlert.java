package io.wem.common.contracts;

import java.time.Instant;

/**
 * A guardrail alert for WFM planners and supervisors (topic wem.wellbeing.alerts.v1, key = agent id).
 *
 * @param kind RECOVERY_DUE, RECOVERY_VIOLATION, MONITORING_CAP, EMOTIONAL_LOAD, COACHING_PRESSURE, or
 *             MONITORING_PROGRAMME (about the agent's team: its monitoring programme takes its agents over a cap;
 *             {@code agentId} is the agent whose crossing told it)
 */
public record WellbeingAlert(
        String alertId,
        String agentId,
        String teamId,
        String kind,
        String severity,
        int recoveryDebtMinutes,
        String message,
        Instant raisedAt) {
}
