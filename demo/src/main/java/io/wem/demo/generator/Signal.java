package io.wem.demo.generator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.List;

/**
 * One performance signal as signal-service's {@code POST /api/v1/signals} takes it: a {@code kind}
 * discriminator, an {@code eventId} (idempotency key) and {@code occurredAt} (UTC), then the kind's fields.
 * The records mirror the ingestion contract field by field so the NDJSON the generator writes can be posted as is.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Signal.Interaction.class, name = "interaction"),
        @JsonSubTypes.Type(value = Signal.QaEvaluation.class, name = "qa-evaluation"),
        @JsonSubTypes.Type(value = Signal.Survey.class, name = "survey"),
        @JsonSubTypes.Type(value = Signal.Sentiment.class, name = "sentiment"),
        @JsonSubTypes.Type(value = Signal.Adherence.class, name = "adherence"),
        @JsonSubTypes.Type(value = Signal.Staffing.class, name = "staffing"),
        @JsonSubTypes.Type(value = Signal.Transcript.class, name = "transcript"),
        @JsonSubTypes.Type(value = Signal.LiveMonitoring.class, name = "live-monitoring")})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface Signal {

    String eventId();

    Instant occurredAt();

    /** The agent the signal is about, or null for team-level signals (staffing). */
    String agentIdOrNull();

    /** A completed contact (voice, chat or email). */
    record Interaction(String eventId, Instant occurredAt, String interactionId, String agentId, String teamId,
                       String channel, String queue, String contactReason, Instant startedAt, int talkSeconds,
                       int holdSeconds, int holdCount, int acwSeconds, int transfers, String disposition,
                       boolean repeatContact, boolean escalated, boolean abusiveCustomer) implements Signal {
        public String agentIdOrNull() {
            return agentId;
        }

        /** End of the agent's work on this contact (talk, hold and wrap-up). */
        public Instant endedAt() {
            return startedAt.plusSeconds((long) talkSeconds + holdSeconds + acwSeconds);
        }
    }

    record Criterion(String criterion, double score) {
    }

    record ChecklistItem(String item, boolean passed) {
    }

    /** A QA evaluation of one interaction, by a person or an automated scorer. Criteria scores are 0..100. */
    record QaEvaluation(String eventId, Instant occurredAt, String evaluationId, String interactionId, String agentId,
                        String teamId, String evaluator, boolean automated, List<Criterion> criteria,
                        List<ChecklistItem> checklist, double totalScore) implements Signal {
        public String agentIdOrNull() {
            return agentId;
        }
    }

    /** Post-contact survey: CSAT 1..5, NPS 0..10. The suite finds the agent through the interaction. */
    record Survey(String eventId, Instant occurredAt, String interactionId, int csat, int nps) implements Signal {
        public String agentIdOrNull() {
            return null;
        }
    }

    /** Customer sentiment of one interaction, -1..1 (speech/text analytics). */
    record Sentiment(String eventId, Instant occurredAt, String interactionId, double score) implements Signal {
        public String agentIdOrNull() {
            return null;
        }
    }

    record Break(Instant start, Instant end, String type) {
    }

    /** Schedule adherence (percent) of one agent over one shift, with the breaks actually taken. */
    record Adherence(String eventId, Instant occurredAt, String agentId, String teamId, Instant intervalStart,
                     Instant intervalEnd, double adherencePct, boolean breakTaken, List<Break> breaks) implements Signal {
        public String agentIdOrNull() {
            return agentId;
        }
    }

    /** Staffing of one team on one queue for a 30-minute interval (WFM). Occupancy 0..1. */
    record Staffing(String eventId, Instant occurredAt, String teamId, String queue, Instant intervalStart,
                    Instant intervalEnd, int scheduledAgents, int requiredAgents, double occupancy) implements Signal {
        public String agentIdOrNull() {
            return null;
        }
    }

    /** Transcript of a voice or chat interaction: free text, may contain spoken or typed card numbers. */
    record Transcript(String eventId, Instant occurredAt, String interactionId, String agentId, String teamId,
                      String text) implements Signal {
        public String agentIdOrNull() {
            return agentId;
        }
    }

    /** A supervisor or QA analyst listened to the agent live. */
    record LiveMonitoring(String eventId, Instant occurredAt, String agentId, String teamId, String monitor,
                          Instant at) implements Signal {
        public String agentIdOrNull() {
            return agentId;
        }
    }
}
