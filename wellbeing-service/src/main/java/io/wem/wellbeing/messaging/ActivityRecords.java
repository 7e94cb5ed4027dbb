package io.wem.wellbeing.messaging;

import com.fasterxml.jackson.databind.ObjectReader;
import io.wem.common.contracts.AgentActivity;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Events;
import io.wem.common.events.MalformedEventException;

import java.time.Instant;

/**
 * Reads one record of wem.signal.interactions.v1 into its activity in one Jackson pass (no intermediate JSON tree).
 * A record the one pass cannot read is read again the old way ({@link Events#parse}, type check, tree → activity)
 * only to name what is wrong with the same reason as before; malformed records are rare, so that costs nothing on
 * the hot path.
 */
final class ActivityRecords {

    /** The envelope with its data typed (every envelope field kept, so their types are checked as before). */
    record ActivityEnvelope(String specversion, String id, String source, String type, String subject, Instant time,
                            String datacontenttype, AgentActivity data) {
    }

    // Same mapper as Events.parse. No subtypes here, so a repeated member name reads as in a tree (the last wins);
    // ActivityRecordsTest's mutations repeat members to check it.
    private static final ObjectReader READER = Events.mapper().readerFor(ActivityEnvelope.class);

    private ActivityRecords() {
    }

    /** The envelope id and activity; throws {@link MalformedEventException} with the old reason otherwise. */
    static ActivityEnvelope read(String raw) {
        if (raw != null) {
            try {
                ActivityEnvelope e = READER.readValue(raw);
                if (e != null && e.id() != null && !e.id().isBlank() && EventTypes.AGENT_ACTIVITY.equals(e.type())
                        && e.data() != null) {
                    return e;
                }
            } catch (java.io.IOException | RuntimeException ignored) {
                // fall through: the old read below names the problem
            }
        }
        EventEnvelope envelope = Events.parse(raw);
        if (!EventTypes.AGENT_ACTIVITY.equals(envelope.type())) {
            throw new MalformedEventException("unexpected event type " + envelope.type() + " on interactions");
        }
        AgentActivity activity = envelope.dataAs(AgentActivity.class);
        return new ActivityEnvelope(envelope.specversion(), envelope.id(), envelope.source(), envelope.type(),
                envelope.subject(), envelope.time(), envelope.datacontenttype(), activity);
    }
}
