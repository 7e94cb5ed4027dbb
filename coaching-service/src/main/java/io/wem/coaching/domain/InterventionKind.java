package io.wem.coaching.domain;

/** What an intervention asks someone to do. Agent-level kinds go through the wellbeing guardrail. */
public enum InterventionKind {
    COACHING_SESSION(true), MICRO_LEARNING(true), SIDE_BY_SIDE(true), RECOGNITION(true),
    KNOWLEDGE_ARTICLE_UPDATE(false), PROCESS_FIX(false), SCHEDULE_ADJUSTMENT(false);

    private final boolean agentLevel;

    InterventionKind(boolean agentLevel) {
        this.agentLevel = agentLevel;
    }

    /** True when the intervention is done with one agent (and so needs a guardrail decision first). */
    public boolean agentLevel() {
        return agentLevel;
    }

    /** The guardrail action kind wellbeing-service understands (GuardrailEvaluationRequest.actionKind). */
    public String guardrailActionKind() {
        // Side-by-side means sitting in on live calls: wellbeing counts it as live monitoring.
        return this == SIDE_BY_SIDE ? "LIVE_MONITORING" : "COACHING_SESSION";
    }

    /**
     * MonitoringEvent.kind when the session happens, or null when nobody watches or meets the agent. It equals the
     * guardrail action kind (RECOGNITION matches a COACHING_SESSION decision in wellbeing), so wellbeing recognises
     * the event as the action it already allowed and does not count it twice.
     */
    public String monitoringKind() {
        return switch (this) {
            case COACHING_SESSION -> "COACHING_SESSION";
            case SIDE_BY_SIDE -> "LIVE_MONITORING";
            case RECOGNITION -> "RECOGNITION";
            default -> null;
        };
    }
}
