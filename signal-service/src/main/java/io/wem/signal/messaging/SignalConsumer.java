package io.wem.signal.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.Events;
import io.wem.common.events.MalformedEventException;
import io.wem.signal.api.Signal;
import io.wem.signal.domain.SignalRules;
import io.wem.signal.service.IngestService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Structured signals from contact-center platforms (topic wem.signal.signals.v1, one signal per EventEnvelope,
 * key = agent id), consumed in batches of up to max.poll.records and written with one multi-row INSERT per kind.
 * A record that is not an envelope, not a known signal, fails validation, or carries text governance could not
 * redact (after the client's retries) is sent alone to wem.dlq.signal-service.signals.v1 with a reason header; the
 * rest of the batch is stored and the consumer goes on. If storing the batch itself fails, the exception nacks the
 * batch and the channel's dead-letter strategy parks it (replaying it is safe: inserts are idempotent).
 */
@ApplicationScoped
public class SignalConsumer {
    private static final Logger LOG = Logger.getLogger(SignalConsumer.class);

    @Inject
    IngestService ingest;

    @Inject
    @Channel("signals-dead-letter")
    Emitter<String> deadLetters;

    @Incoming("signals")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        Instant now = Instant.now();
        List<Signal> valid = new ArrayList<>(records.count());
        Map<String, ConsumerRecord<String, String>> byEventId = new HashMap<>();
        List<CompletableFuture<Void>> parked = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            try {
                EventEnvelope envelope = Events.parse(r.value());
                Signal signal = toSignal(envelope);
                List<SignalRules.FieldError> errors = SignalRules.validate(signal, "data", now);
                if (!errors.isEmpty()) {
                    throw new MalformedEventException("invalid signal: " + errors.stream()
                            .map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
                }
                valid.add(signal);
                byEventId.putIfAbsent(signal.eventId(), r);
            } catch (MalformedEventException e) {
                parked.add(park(r, e.getMessage()));
            }
        }
        if (!valid.isEmpty()) {
            IngestService.Outcome outcome = ingest.ingest(valid);
            for (Signal s : outcome.refused()) {
                parked.add(park(byEventId.get(s.eventId()), "redaction-unavailable: " + outcome.refusalReason()));
            }
        }
        try {
            CompletableFuture.allOf(parked.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not park records on the dead-letter topic", e);
        }
    }

    static Signal toSignal(EventEnvelope envelope) {
        try {
            Signal s = Events.mapper().treeToValue(envelope.data(), Signal.class);
            if (s == null) {
                throw new MalformedEventException("envelope " + envelope.id() + " has no signal");
            }
            return s;
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            throw new MalformedEventException("data is not a signal: " + m.lines().findFirst().orElse(m));
        }
    }

    private CompletableFuture<Void> park(ConsumerRecord<String, String> r, String reason) {
        LOG.warnf("dead-lettering %s-%d@%d: %s", r.topic(), r.partition(), r.offset(), reason);
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", bytes(reason));
        headers.add("dead-letter-topic", bytes(r.topic()));
        headers.add("dead-letter-partition", bytes(String.valueOf(r.partition())));
        headers.add("dead-letter-offset", bytes(String.valueOf(r.offset())));
        CompletableFuture<Void> ack = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata<String> meta = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(r.key()).withHeaders(headers).build();
        deadLetters.send(Message.of(r.value() == null ? "" : r.value()).addMetadata(meta)
                .withAck(() -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(t -> {
                    ack.completeExceptionally(t);
                    return CompletableFuture.completedFuture(null);
                }));
        return ack;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
