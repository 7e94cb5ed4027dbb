package io.wem.signal.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * One performance signal, as pushed by a contact-center platform (REST batch or one per Kafka envelope).
 * {@code kind} selects the shape; {@code eventId} is the idempotency key (a re-sent signal is stored once);
 * {@code occurredAt} is when it happened (UTC), which every rolling computation uses instead of arrival time.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "kind", visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = Signal.Interaction.class, name = Signal.INTERACTION),
        @JsonSubTypes.Type(value = Signal.QaEvaluation.class, name = Signal.QA_EVALUATION),
        @JsonSubTypes.Type(value = Signal.Survey.class, name = Signal.SURVEY),
        @JsonSubTypes.Type(value = Signal.Sentiment.class, name = Signal.SENTIMENT),
        @JsonSubTypes.Type(value = Signal.Adherence.class, name = Signal.ADHERENCE),
        @JsonSubTypes.Type(value = Signal.Staffing.class, name = Signal.STAFFING),
        @JsonSubTypes.Type(value = Signal.Transcript.class, name = Signal.TRANSCRIPT),
        @JsonSubTypes.Type(value = Signal.LiveMonitoring.class, name = Signal.LIVE_MONITORING)})
@Schema(name = "Signal", description = "A performance signal; `kind` selects the shape.",
        oneOf = {Signal.Interaction.class, Signal.QaEvaluation.class, Signal.Survey.class, Signal.Sentiment.class,
                Signal.Adherence.class, Signal.Staffing.class, Signal.Transcript.class, Signal.LiveMonitoring.class},
        discriminatorProperty = "kind",
        discriminatorMapping = {
                @DiscriminatorMapping(value = Signal.INTERACTION, schema = Signal.Interaction.class),
                @DiscriminatorMapping(value = Signal.QA_EVALUATION, schema = Signal.QaEvaluation.class),
                @DiscriminatorMapping(value = Signal.SURVEY, schema = Signal.Survey.class),
                @DiscriminatorMapping(value = Signal.SENTIMENT, schema = Signal.Sentiment.class),
                @DiscriminatorMapping(value = Signal.ADHERENCE, schema = Signal.Adherence.class),
                @DiscriminatorMapping(value = Signal.STAFFING, schema = Signal.Staffing.class),
                @DiscriminatorMapping(value = Signal.TRANSCRIPT, schema = Signal.Transcript.class),
                @DiscriminatorMapping(value = Signal.LIVE_MONITORING, schema = Signal.LiveMonitoring.class)})
public sealed interface Signal {
    String INTERACTION = "interaction";
    String QA_EVALUATION = "qa-evaluation";
    String SURVEY = "survey";
    String SENTIMENT = "sentiment";
    String ADHERENCE = "adherence";
    String STAFFING = "staffing";
    String TRANSCRIPT = "transcript";
    String LIVE_MONITORING = "live-monitoring";
    List<String> KINDS = List.of(INTERACTION, QA_EVALUATION, SURVEY, SENTIMENT, ADHERENCE, STAFFING, TRANSCRIPT,
            LIVE_MONITORING);

    String eventId();

    String kind();

    Instant occurredAt();

    /** The agent the signal is about, or null (survey, sentiment, staffing). Used as the Kafka key. */
    default String agentIdOrNull() {
        return null;
    }

    /** The same signal filed under {@code team} (the directory's team of its agent); unchanged for team signals. */
    default Signal withTeam(String team) {
        return this;
    }

    /** The team the signal names, or null. */
    default String teamOrNull() {
        return null;
    }

    /** Free text that must be redacted by governance-service before storing, or null. */
    default String freeText() {
        return null;
    }

    @Schema(name = "InteractionSignal", description = "An interaction (call, chat, email) completed.")
    record Interaction(
            @Schema(required = true, example = "evt-7f3a") String eventId,
            @Schema(required = true, enumeration = INTERACTION) String kind,
            @Schema(required = true, example = "2026-11-25T09:14:00Z") Instant occurredAt,
            @Schema(required = true, example = "int-100234") String interactionId,
            @Schema(required = true, example = "agent-north-01") String agentId,
            @Schema(required = true, example = "team-north") String teamId,
            @Schema(example = "voice") String channel,
            @Schema(example = "billing") String queue,
            @Schema(example = "billing-dispute") String contactReason,
            @Schema(required = true, example = "2026-11-25T09:05:00Z") Instant startedAt,
            @Schema(required = true, minimum = "0", example = "420") Integer talkSeconds,
            @Schema(minimum = "0", example = "35") Integer holdSeconds,
            @Schema(minimum = "0", example = "1") Integer holdCount,
            @Schema(required = true, minimum = "0", example = "95") Integer acwSeconds,
            @Schema(minimum = "0", example = "0") Integer transfers,
            @Schema(example = "resolved") String disposition,
            @Schema(example = "false") Boolean repeatContact,
            @Schema(example = "false") Boolean escalated,
            @Schema(example = "false") Boolean abusiveCustomer) implements Signal {
        @Override
        public String agentIdOrNull() {
            return agentId;
        }

        @Override
        public String teamOrNull() {
            return teamId;
        }

        @Override
        public Interaction withTeam(String team) {
            return new Interaction(eventId, kind, occurredAt, interactionId, agentId, team, channel, queue, contactReason, startedAt, talkSeconds, holdSeconds, holdCount, acwSeconds, transfers, disposition, repeatContact, escalated, abusiveCustomer);
        }
    }

    @Schema(name = "QaCriterionScore")
    record CriterionScore(@Schema(required = true, example = "empathy") String criterion,
                          @Schema(required = true, minimum = "0", maximum = "100", example = "80") Double score) {
    }

    @Schema(name = "QaChecklistItem")
    record ChecklistItem(@Schema(required = true, example = "confirmation-statement") String item,
                         @Schema(required = true, example = "true") Boolean passed) {
    }

    @Schema(name = "QaEvaluationSignal", description = "A QA evaluation of one interaction, by a person or automated.")
    record QaEvaluation(
            @Schema(required = true, example = "evt-qa-11") String eventId,
            @Schema(required = true, enumeration = QA_EVALUATION) String kind,
            @Schema(required = true, example = "2026-11-25T10:00:00Z") Instant occurredAt,
            @Schema(required = true, example = "qa-5521") String evaluationId,
            @Schema(example = "int-100234") String interactionId,
            @Schema(required = true, example = "agent-north-01") String agentId,
            @Schema(required = true, example = "team-north") String teamId,
            @Schema(example = "qa-analyst-3") String evaluator,
            @Schema(example = "false") Boolean automated,
            List<CriterionScore> criteria,
            List<ChecklistItem> checklist,
            @Schema(minimum = "0", maximum = "100", example = "86") Double totalScore) implements Signal {
        @Override
        public String agentIdOrNull() {
            return agentId;
        }

        @Override
        public String teamOrNull() {
            return teamId;
        }

        @Override
        public QaEvaluation withTeam(String team) {
            return new QaEvaluation(eventId, kind, occurredAt, evaluationId, interactionId, agentId, team, evaluator, automated, criteria, checklist, totalScore);
        }
    }

    @Schema(name = "SurveySignal", description = "A customer survey answer for one interaction (csat and/or nps).")
    record Survey(
            @Schema(required = true, example = "evt-sv-1") String eventId,
            @Schema(required = true, enumeration = SURVEY) String kind,
            @Schema(required = true, example = "2026-11-25T11:00:00Z") Instant occurredAt,
            @Schema(required = true, example = "int-100234") String interactionId,
            @Schema(minimum = "1", maximum = "5", example = "4") Integer csat,
            @Schema(minimum = "0", maximum = "10", example = "9") Integer nps) implements Signal {
    }

    @Schema(name = "SentimentSignal", description = "Customer sentiment of one interaction, -1 (negative) .. 1.")
    record Sentiment(
            @Schema(required = true, example = "evt-se-1") String eventId,
            @Schema(required = true, enumeration = SENTIMENT) String kind,
            @Schema(required = true, example = "2026-11-25T09:15:00Z") Instant occurredAt,
            @Schema(required = true, example = "int-100234") String interactionId,
            @Schema(required = true, minimum = "-1", maximum = "1", example = "-0.4") Double score) implements Signal {
    }

    @Schema(name = "AdherenceBreak")
    record Break(@Schema(required = true) Instant start, @Schema(required = true) Instant end,
                 @Schema(example = "break") String type) {
    }

    @Schema(name = "AdherenceSignal", description = "Schedule adherence of one agent over an interval.")
    record Adherence(
            @Schema(required = true, example = "evt-ad-1") String eventId,
            @Schema(required = true, enumeration = ADHERENCE) String kind,
            @Schema(required = true, example = "2026-11-25T10:00:00Z") Instant occurredAt,
            @Schema(required = true, example = "agent-north-01") String agentId,
            @Schema(required = true, example = "team-north") String teamId,
            @Schema(required = true, example = "2026-11-25T09:00:00Z") Instant intervalStart,
            @Schema(required = true, example = "2026-11-25T10:00:00Z") Instant intervalEnd,
            @Schema(required = true, minimum = "0", maximum = "100", example = "92.5") Double adherencePct,
            @Schema(example = "true") Boolean breakTaken,
            List<Break> breaks) implements Signal {
        @Override
        public String agentIdOrNull() {
            return agentId;
        }

        @Override
        public String teamOrNull() {
            return teamId;
        }

        @Override
        public Adherence withTeam(String team) {
            return new Adherence(eventId, kind, occurredAt, agentId, team, intervalStart, intervalEnd, adherencePct, breakTaken, breaks);
        }
    }

    @Schema(name = "StaffingSignal", description = "Scheduled vs required agents of a team/queue over an interval "
            + "(from WFM); used to tell capacity gaps from skill gaps.")
    record Staffing(
            @Schema(required = true, example = "evt-st-1") String eventId,
            @Schema(required = true, enumeration = STAFFING) String kind,
            @Schema(required = true, example = "2026-11-25T09:00:00Z") Instant occurredAt,
            @Schema(required = true, example = "team-north") String teamId,
            @Schema(example = "billing") String queue,
            @Schema(required = true, example = "2026-11-25T09:00:00Z") Instant intervalStart,
            @Schema(required = true, example = "2026-11-25T09:30:00Z") Instant intervalEnd,
            @Schema(required = true, minimum = "0", example = "12") Integer scheduledAgents,
            @Schema(required = true, minimum = "0", example = "15") Integer requiredAgents,
            @Schema(minimum = "0", maximum = "1", example = "0.93") Double occupancy) implements Signal {
    }

    @Schema(name = "TranscriptSignal", description = "Transcript or note text of one interaction. Redacted by "
            + "governance-service before it is stored; never stored or published unredacted.")
    record Transcript(
            @Schema(required = true, example = "evt-tr-1") String eventId,
            @Schema(required = true, enumeration = TRANSCRIPT) String kind,
            @Schema(required = true, example = "2026-11-25T09:15:00Z") Instant occurredAt,
            @Schema(required = true, example = "int-100234") String interactionId,
            @Schema(required = true, example = "agent-north-01") String agentId,
            @Schema(required = true, example = "team-north") String teamId,
            @Schema(required = true, maxLength = 100000, example = "Customer asked about a double charge...") String text)
            implements Signal {
        @Override
        public String agentIdOrNull() {
            return agentId;
        }

        @Override
        public String teamOrNull() {
            return teamId;
        }

        @Override
        public Transcript withTeam(String team) {
            return new Transcript(eventId, kind, occurredAt, interactionId, agentId, team, text);
        }

        @Override
        public String freeText() {
            return text;
        }

        public Transcript withText(String redacted) {
            return new Transcript(eventId, kind, occurredAt, interactionId, agentId, teamId, redacted);
        }
    }

    @Schema(name = "LiveMonitoringSignal", description = "Someone listened in live on the agent.")
    record LiveMonitoring(
            @Schema(required = true, example = "evt-lm-1") String eventId,
            @Schema(required = true, enumeration = LIVE_MONITORING) String kind,
            @Schema(required = true, example = "2026-11-25T09:20:00Z") Instant occurredAt,
            @Schema(required = true, example = "agent-north-01") String agentId,
            @Schema(required = true, example = "team-north") String teamId,
            @Schema(example = "supervisor1") String monitor,
            @Schema(required = true, example = "2026-11-25T09:20:00Z") Instant at) implements Signal {
        @Override
        public String agentIdOrNull() {
            return agentId;
        }

        @Override
        public String teamOrNull() {
            return teamId;
        }

        @Override
        public LiveMonitoring withTeam(String team) {
            return new LiveMonitoring(eventId, kind, occurredAt, agentId, team, monitor, at);
        }
    }
}
