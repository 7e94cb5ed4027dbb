package io.wem.wellbeing.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wem.common.contracts.AgentActivity;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.Events;
import io.wem.common.events.MalformedEventException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one-pass read of an activity record accepts and refuses exactly what the old two-pass read did. */
class ActivityRecordsTest {
    private static final String TYPE = "io.wem.signal.AgentActivity.v1";

    static String record(String id, String type, String data) {
        return "{\"specversion\":\"1.0\"," + (id == null ? "" : "\"id\":\"" + id + "\",")
                + "\"source\":\"signal-service\"," + (type == null ? "" : "\"type\":\"" + type + "\",")
                + "\"subject\":\"agent-1\",\"time\":\"2026-11-25T09:15:00Z\",\"datacontenttype\":\"application/json\""
                + (data == null ? "" : ",\"data\":" + data) + "}";
    }

    static String activity() {
        return "{\"activityId\":\"act-1\",\"kind\":\"INTERACTION\",\"agentId\":\"agent-1\",\"teamId\":\"team-1\","
                + "\"queue\":\"billing\",\"channel\":\"voice\",\"contactReason\":\"billing\","
                + "\"start\":\"2026-11-25T09:00:00Z\",\"end\":\"2026-11-25T09:12:00Z\",\"sentiment\":-0.4,"
                + "\"escalated\":true,\"abusiveCustomer\":false,\"repeatContact\":false}";
    }

    @Test
    void readsAnActivity() {
        ActivityRecords.ActivityEnvelope e = ActivityRecords.read(record("env-1", TYPE, activity()));
        assertEquals("env-1", e.id());
        AgentActivity a = e.data();
        assertEquals("act-1", a.activityId());
        assertEquals(Instant.parse("2026-11-25T09:12:00Z"), a.end());
        assertEquals(-0.4, a.sentiment());
        assertTrue(a.escalated());
    }

    @Test
    void eachMalformedShapeKeepsItsReason() {
        assertReason("", "empty message");
        assertReason("{\"id\":", "not a JSON event envelope");
        assertReason(record(null, TYPE, activity()), "envelope has no id");
        assertReason(record("env-2", TYPE, null), "envelope env-2 has no type or data");
        assertReason(record("env-2", TYPE, "null"), "envelope env-2 has no type or data");
        assertReason(record("env-2", "io.wem.Other.v1", activity()), "unexpected event type io.wem.Other.v1");
        // wrong type and bad data: the type is named first, as before
        assertReason(record("env-2", "io.wem.Other.v1", "[1]"), "unexpected event type io.wem.Other.v1");
        assertReason(record("env-2", TYPE, activity().replace("\"agent-1\"", "7")), "data is not a valid AgentActivity");
        assertReason(record("env-2", TYPE, "\"text\""), "data is not a valid AgentActivity");
    }

    private static void assertReason(String raw, String expected) {
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> ActivityRecords.read(raw));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
        assertEquals(reference(raw), "refused: " + e.getMessage());
    }

    @Test
    void agreesWithTheTwoPassReadOnMutatedRecords() {
        Random random = new Random(23);
        int accepted = 0;
        int refused = 0;
        for (int n = 0; n < 5000; n++) {
            String raw = mutate(record("env-" + n, TYPE, activity()), random, 1 + random.nextInt(3));
            String expected = reference(raw);
            String actual;
            try {
                actual = ActivityRecords.read(raw).toString();
            } catch (MalformedEventException e) {
                actual = "refused: " + e.getMessage();
            }
            assertEquals(expected, actual, raw);
            if (expected.startsWith("refused")) {
                refused++;
            } else {
                accepted++;
            }
        }
        assertTrue(accepted > 500 && refused > 500, accepted + " accepted, " + refused + " refused");
    }

    /** ActivityConsumer's read before the one pass. */
    private static String reference(String raw) {
        try {
            EventEnvelope e = Events.parse(raw);
            if (!TYPE.equals(e.type())) {
                throw new MalformedEventException("unexpected event type " + e.type() + " on interactions");
            }
            AgentActivity a = e.dataAs(AgentActivity.class);
            return new ActivityRecords.ActivityEnvelope(e.specversion(), e.id(), e.source(), e.type(), e.subject(),
                    e.time(), e.datacontenttype(), a).toString();
        } catch (MalformedEventException x) {
            return "refused: " + x.getMessage();
        }
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final JsonNode[] VALUES = {F.nullNode(), F.booleanNode(true), F.booleanNode(false),
            F.numberNode(0), F.numberNode(1.5), F.numberNode(new java.math.BigInteger("123456789012345678901234567890")),
            F.textNode(""), F.textNode("x"), F.textNode("true"), F.textNode("0.5"), F.textNode("2026-11-25T09:00:00Z"),
            F.textNode("a\u0000b"), F.arrayNode(), F.objectNode(), F.textNode(TYPE)};

    private static String mutate(String json, Random random, int times) {
        String out = json;
        String junk = "{}[],:\"0 x";
        for (int k = 0; k < times && !out.isEmpty(); k++) {
            int how = random.nextInt(10);
            if (how == 0) {
                out = out.substring(0, random.nextInt(out.length()));
            } else if (how == 1) {
                int at = random.nextInt(out.length());
                out = out.substring(0, at) + junk.charAt(random.nextInt(junk.length())) + out.substring(at);
            } else if (how == 2) {
                int at = out.indexOf("\"data\":{") + 8;
                if (at > 7) {
                    out = out.substring(0, at) + (random.nextBoolean() ? "\"kind\":\"BREAK\","
                            : "\"activityId\":\"dup\",") + out.substring(at);
                }
            } else {
                try {
                    JsonNode tree = Events.mapper().readTree(out);
                    if (tree == null || !tree.isObject()) {
                        continue;
                    }
                    ObjectNode o = (ObjectNode) tree;
                    if (random.nextBoolean() && o.get("data") instanceof ObjectNode d) {
                        o = d;
                    }
                    List<String> names = new ArrayList<>();
                    o.fieldNames().forEachRemaining(names::add);
                    if (names.isEmpty()) {
                        continue;
                    }
                    String name = names.get(random.nextInt(names.size()));
                    if (how <= 4) {
                        o.remove(name);
                    } else {
                        o.set(name, VALUES[random.nextInt(VALUES.length)]);
                    }
                    out = tree.toString();
                } catch (java.io.IOException e) {
                    // already not JSON
                }
            }
        }
        return out;
    }
}
