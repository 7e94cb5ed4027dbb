package io.wem.signal.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.wem.signal.api.Signal;
import io.wem.signal.client.RedactionUnavailableException;
import io.wem.signal.client.Redactor;
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
 * transaction, so a slow governance never holds locks); signals whose text could not be redacted are refused and
 * never reach the database; everything else is stored once.
 */
@ApplicationScoped
public class IngestService {
    private static final Logger LOG = Logger.getLogger(IngestService.class);
    static final int REDACTION_CHUNK = 100;

    @Inject
    Redactor redactor;

    @Inject
    SignalWriter writer;

    @Inject
    TeamPlacement placement;

    @Inject
    MeterRegistry metrics;

    /**
     * @param refused signals (with text) that were not stored because governance could not redact them
     */
    public record Outcome(int accepted, int duplicates, List<Signal> refused, String refusalReason) {
    }

    public Outcome ingest(List<Signal> signals) {
        // Within one batch the first occurrence of an eventId wins; later ones count as duplicates.
        Map<String, Signal> unique = new LinkedHashMap<>();
        for (Signal s : signals) {
            unique.putIfAbsent(s.eventId(), s);
        }
        List<Signal> toStore = new ArrayList<>(unique.size());
        List<Signal> withText = new ArrayList<>();
        for (Signal s : unique.values()) {
            (s.freeText() != null ? withText : toStore).add(s);
        }
        List<Signal> refused = List.of();
        String reason = null;
        if (!withText.isEmpty()) {
            try {
                List<String> redacted = new ArrayList<>(withText.size());
                // Bounded calls: a 1,000-text batch must not become one huge request to governance.
                for (int from = 0; from < withText.size(); from += REDACTION_CHUNK) {
                    List<Signal> chunk = withText.subList(from, Math.min(withText.size(), from + REDACTION_CHUNK));
                    redacted.addAll(redactor.redact(chunk.stream().map(Signal::freeText).toList()));
                }
                for (int k = 0; k < withText.size(); k++) {
                    toStore.add(((Signal.Transcript) withText.get(k)).withText(redacted.get(k)));
                }
            } catch (RuntimeException e) {
                reason = "governance-service could not redact free text: " + rootMessage(e);
                LOG.warnf("refusing %d text-bearing signals: %s", withText.size(), reason);
                refused = withText;
                metrics.counter("wem.signal.refused", "reason", "redaction-unavailable").increment(withText.size());
            }
        }
        Set<String> inserted = toStore.isEmpty() ? new HashSet<>() : writer.write(placement.place(toStore));
        int accepted = inserted.size();
        int duplicates = signals.size() - refused.size() - accepted;
        metrics.counter("wem.signal.ingested").increment(accepted);
        metrics.counter("wem.signal.duplicates").increment(duplicates);
        return new Outcome(accepted, duplicates, refused, reason);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

}
