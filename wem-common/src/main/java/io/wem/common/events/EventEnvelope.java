package io.wem.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * The suite's one event envelope: a CloudEvents 1.0 structured-mode JSON object.
 * {@code id} is the idempotency key consumers deduplicate on; {@code subject} is the agent id (also the Kafka key).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";

    public static EventEnvelope of(String type, String source, String subject, Object data) {
        return new EventEnvelope(SPEC_VERSION, UUID.randomUUID().toString(), source, type, subject, Instant.now(),
                "application/json", Events.toTree(data));
    }

    public static EventEnvelope withId(String id, String type, String source, String subject, Object data) {
        return new EventEnvelope(SPEC_VERSION, id, source, type, subject, Instant.now(), "application/json",
                Events.toTree(data));
    }

    /** Reads the payload as the given contract record. */
    public <T> T dataAs(Class<T> type) {
        return Events.fromTree(data, type);
    }
}
