package io.wem.signal.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.wem.common.contracts.RedactionRequest;
import io.wem.signal.api.Signal;
import io.wem.signal.client.Redactor;
import io.wem.signal.domain.TranscriptConversations;
import io.wem.signal.domain.TranscriptTurns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one ingestion path of REST and Kafka: free text is redacted by governance first (outside the database
 * transaction, so a slow governance never holds locks), each interaction's transcripts as one conversation of
 * speaker turns; signals whose text could not be redacted are refused and never reach the database; everything
 * else is stored once.
 */
@ApplicationScoped
public class IngestService {
    private static final Logger LOG = Logger.getLogger(IngestService.class);
    static final int REDACTION_CHUNK = 100;
    /** Turns per redaction request (governance allows 1,000 texts and turns together). */
    static final int MAX_TURNS = 500;

    @Inject
    Redactor redactor;

    @Inject
    SignalWriter writer;

    /** The stored end of each interaction's transcript, sent along as context (cross-batch rule (b)). */
    @Inject
    io.wem.signal.persistence.TranscriptTails tails;

    @Inject
    TeamPlacement placement;

    @Inject
    MeterRegistry metrics;

    /**
     * @param refused signals (with text) that were not stored because governance could not redact them
     */
    public record Outcome(int accepted, int duplicates, List<Signal> refused, String refusalReason) {
    }

    /** Signals ready to store (texts redacted) and those refused because their text could not be redacted. */
    public record Prepared(int received, List<Signal> toStore, List<Signal> refused, String refusalReason) {
    }

    public Outcome ingest(List<Signal> signals) {
        return store(prepare(signals));
    }

    /**
     * Deduplicates the batch and redacts its transcript texts, one conversation per interaction, outside any
     * transaction. Nothing is stored yet.
     */
    public Prepared prepare(List<Signal> signals) {
        // Within one batch the first occurrence of an eventId wins; later ones count as duplicates.
        Map<String, Signal> unique = new LinkedHashMap<>();
        for (Signal s : signals) {
            unique.putIfAbsent(s.eventId(), s);
        }
        List<Signal> toStore = new ArrayList<>(unique.size());
        List<Signal.Transcript> withText = new ArrayList<>();
        for (Signal s : unique.values()) {
            if (s.freeText() != null) {
                withText.add((Signal.Transcript) s);
            } else {
                toStore.add(s);
            }
        }
        List<Signal> refused = List.of();
        String reason = null;
        if (!withText.isEmpty()) {
            try {
                List<String> redacted = redact(withText);
                for (int k = 0; k < withText.size(); k++) {
                    toStore.add(withText.get(k).withText(redacted.get(k)));
                }
            } catch (RuntimeException e) {
                reason = "governance-service could not redact free text: " + rootMessage(e);
                LOG.warnf("refusing %d text-bearing signals: %s", withText.size(), reason);
                refused = List.copyOf(withText);
                metrics.counter("wem.signal.refused", "reason", "redaction-unavailable").increment(withText.size());
            }
        }
        return new Prepared(signals.size(), toStore, refused, reason);
    }

    /** Stores what {@link #prepare} accepted, in one transaction per kind. */
    public Outcome store(Prepared prepared) {
        Set<String> inserted = prepared.toStore().isEmpty() ? new HashSet<>() : writer.write(placement.place(prepared.toStore()));
        int accepted = inserted.size();
        int duplicates = prepared.received() - prepared.refused().size() - accepted;
        metrics.counter("wem.signal.ingested").increment(accepted);
        metrics.counter("wem.signal.duplicates").increment(duplicates);
        return new Outcome(accepted, duplicates, prepared.refused(), prepared.refusalReason());
    }

    /**
     * The texts of one interaction go to governance as one conversation of speaker turns; requests stay bounded
     * (a 1,000-text batch must not become one huge request), but a conversation is never cut in two.
     */
    private List<String> redact(List<Signal.Transcript> transcripts) {
        TranscriptConversations grouped = new TranscriptConversations(transcripts.stream()
                .map(t -> new TranscriptConversations.Input(t.interactionId(), t.text())).toList(),
                tails.latest(transcripts.stream().map(Signal.Transcript::interactionId)
                        .filter(java.util.Objects::nonNull).distinct().toList(),
                        transcripts.stream().map(Signal.Transcript::eventId).toList()));
        List<List<String>> redacted = new ArrayList<>();
        List<RedactionRequest.Conversation> request = new ArrayList<>();
        int turns = 0;
        for (List<TranscriptTurns.Turn> conversation : grouped.conversations()) {
            if (!request.isEmpty() && (request.size() >= REDACTION_CHUNK || turns + conversation.size() > MAX_TURNS)) {
                redacted.addAll(redactor.redactConversations(request));
                request = new ArrayList<>();
                turns = 0;
            }
            request.add(new RedactionRequest.Conversation(conversation.stream()
                    .map(t -> new RedactionRequest.Turn(t.speaker(), t.text())).toList()));
            turns += conversation.size();
        }
        redacted.addAll(redactor.redactConversations(request));
        return grouped.texts(redacted);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

}
