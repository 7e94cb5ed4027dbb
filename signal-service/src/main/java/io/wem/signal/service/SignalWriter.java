package io.wem.signal.service;

import io.wem.common.events.EventEnvelope;
import io.wem.signal.api.Signal;
import io.wem.signal.config.SignalConfig;
import io.wem.signal.domain.SignalOutputs;
import io.wem.signal.persistence.SignalStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Stores signals (already validated and redacted) and their outgoing events in one transaction. */
@ApplicationScoped
public class SignalWriter {

    @Inject
    SignalStore store;

    @Inject
    SignalConfig config;

    @Transactional
    public Set<String> write(List<Signal> signals) {
        Set<String> inserted = store.insert(signals);
        // Sentiment arrives as its own signal (before, with or after the interaction): an interaction carries the one
        // stored so far, so wellbeing can tell a difficult contact by it.
        Map<String, Double> sentiment = store.sentimentOf(signals.stream()
                .filter(s -> s instanceof Signal.Interaction && inserted.contains(s.eventId()))
                .map(s -> ((Signal.Interaction) s).interactionId()).toList());
        List<SignalStore.OutboxRow> rows = new ArrayList<>();
        for (Signal s : signals) {
            if (!inserted.contains(s.eventId())) {
                continue;
            }
            for (SignalOutputs.Output o : SignalOutputs.of(s, config.ingest().adherenceAlertBelow(), sentiment)) {
                EventEnvelope e = new EventEnvelope(EventEnvelope.SPEC_VERSION, o.id(), SignalOutputs.SOURCE, o.type(),
                        o.key(), Instant.now(), "application/json",
                        io.wem.common.events.Events.mapper().valueToTree(o.payload()));
                rows.add(new SignalStore.OutboxRow(o.topic(), o.key(), e));
            }
        }
        store.outbox(rows);
        return inserted;
    }
}
