package io.wem.signal.messaging;

import io.smallrye.common.annotation.Blocking;
import io.wem.common.events.MalformedEventException;
import io.wem.common.messaging.Consumption;
import io.wem.common.messaging.DeadLetters;
import io.wem.common.messaging.Stopping;
import io.wem.signal.api.Signal;
import io.wem.signal.domain.SignalRules;
import io.wem.signal.service.IngestService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Structured signals from contact-center platforms (topic wem.signal.signals.v1, one signal per EventEnvelope,
 * key = agent id), each record read in one pass into its signal ({@link SignalRecords}), consumed in batches of up
 * to max.poll.records and written with one multi-row INSERT per kind.
 * A record that is not an envelope, not a known signal, fails validation, or carries text governance could not
 * redact (after the client's retries) is sent alone to wem.dlq.signal-service.signals.v1 with a reason header, as a
 * copy without free text ({@link TextFreeCopy}); the rest of the batch is stored and the consumer goes on. Storing
 * is retried while its failures are transient (database down); if it fails permanently, its records are parked with
 * their redacted text (replaying is safe: inserts are idempotent). Raw transcripts never reach a dead-letter topic; if
 * even parking fails, the channel stops (failure-strategy=fail) and the batch is read again from the ingest topic
 * after a restart. A batch that fails because this replica is stopping is neither parked nor acknowledged: the
 * partition's next owner reads it again (issue #18).
 */
@ApplicationScoped
public class SignalConsumer {
    @Inject
    IngestService ingest;

    @Inject
    Consumption consumption;

    @Inject
    Stopping stopping;

    @Inject
    @Channel("signals-dead-letter")
    Emitter<String> deadLetters;

    @Incoming("signals")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        Instant now = Instant.now();
        List<Signal> valid = new ArrayList<>(records.count());
        Map<String, ConsumerRecord<String, String>> byEventId = new HashMap<>();
        Map<String, SignalRecords.SignalEnvelope> envelopes = new HashMap<>();
        DeadLetters parked = new DeadLetters(deadLetters);
        for (ConsumerRecord<String, String> r : records) {
            try {
                SignalRecords.SignalEnvelope envelope = SignalRecords.read(r.value());
                Signal signal = envelope.data();
                List<SignalRules.FieldError> errors = SignalRules.validate(signal, "data", now);
                if (!errors.isEmpty()) {
                    throw new MalformedEventException("invalid signal: " + errors.stream()
                            .map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
                }
                valid.add(signal);
                byEventId.putIfAbsent(signal.eventId(), r);
                envelopes.putIfAbsent(signal.eventId(), envelope);
            } catch (MalformedEventException e) {
                parked.parkReplaced(r, e.getMessage(), TextFreeCopy.of(r.value()));
            }
        }
        if (!valid.isEmpty()) {
            IngestService.Prepared prepared = ingest.prepare(valid);
            leaveIfStopping(prepared.refused().isEmpty() ? null : "redaction refused while stopping");
            for (Signal s : prepared.refused()) {
                parked.parkReplaced(byEventId.get(s.eventId()), "redaction-unavailable: " + prepared.refusalReason(),
                        TextFreeCopy.of(byEventId.get(s.eventId()).value()));
            }
            try {
                consumption.retryTransient("signals", () -> {
                    leaveIfStopping("stopping");
                    ingest.store(prepared);
                });
            } catch (RuntimeException e) {
                leaveIfStopping("store failed while stopping: " + e);
                // parked with the text governance already redacted: replayable, and no raw text on the topic
                String reason = "store-failed: " + e.getClass().getSimpleName();
                for (Signal s : prepared.toStore()) {
                    parked.parkReplaced(byEventId.get(s.eventId()), reason,
                            TextFreeCopy.redacted(envelopes.get(s.eventId()).withoutData(), s));
                }
            }
        }
        parked.awaitAcknowledged();
    }

    /**
     * Fails the batch without parking it while this replica stops: its failures then say nothing about the records,
     * and an unacknowledged batch is read again by the partition's next owner.
     */
    private void leaveIfStopping(String why) {
        if (why != null && stopping.now()) {
            throw new IllegalStateException("batch left for the next consumer: " + why);
        }
    }
}
