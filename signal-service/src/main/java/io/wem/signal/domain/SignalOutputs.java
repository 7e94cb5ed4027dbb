package io.wem.signal.domain;

import io.wem.common.contracts.AgentActivity;
import io.wem.common.contracts.MonitoringEvent;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Topics;
import io.wem.signal.api.Signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What other services learn from a newly stored signal: interactions and breaks as {@link AgentActivity} (facts,
 * never text) for wellbeing's recovery and emotional-load rules; QA evaluations, automated scores, live monitoring
 * and adherence alerts as {@link MonitoringEvent}s for wellbeing's monitoring-intensity caps.
 * Event ids derive from the signal's eventId, so a replay produces the same ids and consumers deduplicate.
 */
public final class SignalOutputs {
    public static final String SOURCE = "signal-service";

    public record Output(String id, String topic, String type, String key, Object payload) {
    }

    private SignalOutputs() {
    }

    /** @param adherenceAlertBelow adherence percentage under which a real-time adherence alert counts as monitoring */
    public static List<Output> of(Signal s, double adherenceAlertBelow) {
        return of(s, adherenceAlertBelow, Map.of());
    }

    /**
     * @param sentimentByInteraction customer sentiment known for interactions (from sentiment signals stored so
     *                               far), forwarded on the interaction's activity
     */
    public static List<Output> of(Signal s, double adherenceAlertBelow, Map<String, Double> sentimentByInteraction) {
        List<Output> out = new ArrayList<>();
        if (s instanceof Signal.Interaction i) {
            out.add(activity(i.eventId(), new AgentActivity(i.interactionId(), "INTERACTION", i.agentId(), i.teamId(),
                    i.queue(), i.channel(), i.contactReason(), i.startedAt(), i.occurredAt(),
                    sentimentByInteraction.get(i.interactionId()),
                    Boolean.TRUE.equals(i.escalated()), Boolean.TRUE.equals(i.abusiveCustomer()),
                    Boolean.TRUE.equals(i.repeatContact()))));
        } else if (s instanceof Signal.Adherence a) {
            if (a.breaks() != null) {
                for (int k = 0; k < a.breaks().size(); k++) {
                    Signal.Break b = a.breaks().get(k);
                    out.add(activity(a.eventId() + "#break-" + k, new AgentActivity(a.eventId() + "-break-" + k,
                            "BREAK", a.agentId(), a.teamId(), null, null, null, b.start(), b.end(), null, false, false,
                            false)));
                }
            }
            if (a.adherencePct() < adherenceAlertBelow) {
                out.add(monitoring(a.eventId(), new MonitoringEvent(id("monitoring", a.eventId()), a.agentId(),
                        a.teamId(), "ADHERENCE_ALERT", true, null, null, SOURCE, a.eventId(), a.intervalEnd())));
            }
        } else if (s instanceof Signal.QaEvaluation q) {
            boolean automated = Boolean.TRUE.equals(q.automated());
            out.add(monitoring(q.eventId(), new MonitoringEvent(id("monitoring", q.eventId()), q.agentId(), q.teamId(),
                    automated ? "AUTOMATED_SCORE" : "QA_EVALUATION", automated, score(q), null, SOURCE,
                    q.evaluationId(), q.occurredAt())));
        } else if (s instanceof Signal.LiveMonitoring m) {
            out.add(monitoring(m.eventId(), new MonitoringEvent(id("monitoring", m.eventId()), m.agentId(), m.teamId(),
                    "LIVE_MONITORING", false, null, null, SOURCE, m.eventId(), m.at())));
        }
        return out;
    }

    /** The evaluation's total score, or the mean of its criteria when the platform sent no total. */
    static Double score(Signal.QaEvaluation q) {
        if (q.totalScore() != null) {
            return q.totalScore();
        }
        if (q.criteria() == null || q.criteria().isEmpty()) {
            return null;
        }
        return q.criteria().stream().mapToDouble(Signal.CriterionScore::score).average().orElse(0);
    }

    private static Output activity(String seed, AgentActivity a) {
        return new Output(id("activity", seed), Topics.ACTIVITY, EventTypes.AGENT_ACTIVITY, a.agentId(), a);
    }

    private static Output monitoring(String seed, MonitoringEvent m) {
        return new Output(id("monitoring-event", seed), Topics.MONITORING, EventTypes.MONITORING, m.agentId(), m);
    }

    static String id(String what, String seed) {
        return UUID.nameUUIDFromBytes((what + ":" + seed).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
