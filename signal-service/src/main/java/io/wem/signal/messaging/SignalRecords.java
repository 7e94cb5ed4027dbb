package io.wem.signal.messaging;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.ObjectReader;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.Events;
import io.wem.common.events.MalformedEventException;
import io.wem.signal.api.Signal;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads one Kafka record into its signal. The common path is one Jackson pass from the record's text straight into
 * the typed signal (no intermediate JSON tree, which cost a second full pass per record). A record the one pass
 * cannot read is read again the old way ({@link Events#parse} then tree → signal), only to name what is wrong with
 * the same reason as before: malformed records are rare, so the second pass costs nothing on the hot path, and the
 * dead-letter reasons operators and tests rely on do not change.
 */
final class SignalRecords {

    /** The envelope as signal-service reads it: CloudEvents fields, data typed as a signal. */
    record SignalEnvelope(String specversion, String id, String source, String type, String subject, Instant time,
                          String datacontenttype, Signal data) {

        /** The envelope without its data (for a dead letter whose data is replaced by the redacted signal). */
        EventEnvelope withoutData() {
            return new EventEnvelope(specversion, id, source, type, subject, time, datacontenttype, null);
        }
    }

    // Same mapper (same strict rules, same tolerance of unknown fields) as Events.parse; an ObjectReader is
    // immutable and thread-safe, and caches the deserializer lookup.
    private static final ObjectReader READER = Events.mapper().readerFor(SignalEnvelope.class);

    /** The subtype each {@code kind} selects, from the annotation Jackson itself reads. */
    private static final Map<Class<?>, String> KIND_OF = Arrays.stream(
                    Signal.class.getAnnotation(JsonSubTypes.class).value())
            .collect(Collectors.toUnmodifiableMap(JsonSubTypes.Type::value, JsonSubTypes.Type::name));

    private SignalRecords() {
    }

    /**
     * @throws MalformedEventException with the reason the two-pass parse gives, for anything that is not an envelope
     *                                 carrying a signal
     */
    static SignalEnvelope read(String raw) {
        if (raw != null) {
            try {
                SignalEnvelope e = READER.readValue(raw);
                // A repeated "kind": one pass picks the subtype by the first, a tree keeps the last (found by
                // SignalRecordsTest's random mutations); such a record goes the old way. Checking this is cheaper
                // than Jackson's duplicate detection on every object (15 % of the read, SignalParseMicrobench).
                if (e != null && e.id() != null && !e.id().isBlank() && e.type() != null && e.data() != null
                        && KIND_OF.get(e.data().getClass()).equals(e.data().kind())) {
                    return e;
                }
            } catch (java.io.IOException | RuntimeException ignored) {
                // fall through: the two-pass parse below names the problem
            }
        }
        EventEnvelope envelope = Events.parse(raw);
        Signal s = toSignal(envelope);
        // Only reached if the one pass refused what the two passes accept: keep accepting it, as before.
        return new SignalEnvelope(envelope.specversion(), envelope.id(), envelope.source(), envelope.type(),
                envelope.subject(), envelope.time(), envelope.datacontenttype(), s);
    }

    /** The old second pass: tree → signal. */
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
}
