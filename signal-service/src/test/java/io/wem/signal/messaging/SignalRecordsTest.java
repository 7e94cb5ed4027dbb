package io.wem.signal.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.Events;
import io.wem.common.events.MalformedEventException;
import io.wem.signal.api.Signal;
import io.wem.signal.support.Signals;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one-pass read must accept exactly what the old two-pass read (envelope with a JSON tree, then tree → signal)
 * accepted, give the same signal, and dead-letter the rest with the same reason.
 */
class SignalRecordsTest {
    private static final Instant AT = Instant.parse("2026-11-25T09:14:00Z");

    static String envelope(String id, String type, String data) {
        return "{\"specversion\":\"1.0\"," + (id == null ? "" : "\"id\":\"" + id + "\",")
                + "\"source\":\"cc-platform\"," + (type == null ? "" : "\"type\":\"" + type + "\",")
                + "\"subject\":\"agent-1\",\"time\":\"2026-11-25T09:15:00Z\",\"datacontenttype\":\"application/json\""
                + (data == null ? "" : ",\"data\":" + data) + "}";
    }

    static String signal() {
        return Signals.interaction("e-1", "int-1", "agent-1", "team-1", AT, 30, 10, 0, false, "billing");
    }

    @Test
    void readsAnEnvelopeAndItsSignal() {
        SignalRecords.SignalEnvelope e = SignalRecords.read(envelope("env-1", "io.wem.signal.SignalReceived.v1",
                signal()));
        assertEquals("env-1", e.id());
        assertEquals(Instant.parse("2026-11-25T09:15:00Z"), e.time());
        Signal.Interaction i = assertInstanceOf(Signal.Interaction.class, e.data());
        assertEquals("e-1", i.eventId());
        assertEquals("agent-1", i.agentId());
        assertEquals(AT, i.occurredAt());
        assertEquals(30, i.acwSeconds());
    }

    @Test
    void readsASignalWhoseKindComesLast() {
        String moved = "{\"eventId\":\"e-2\",\"occurredAt\":\"" + AT + "\",\"interactionId\":\"int-2\",\"score\":-0.5,"
                + "\"kind\":\"sentiment\"}";
        Signal.Sentiment s = assertInstanceOf(Signal.Sentiment.class,
                SignalRecords.read(envelope("env-2", "t", moved)).data());
        assertEquals(-0.5, s.score());
    }

    @Test
    void aRepeatedMemberReadsAsATreeReadsIt() {
        // a tree keeps the last of repeated names; the first "kind" must not choose the subtype
        String twoKinds = signal().replace("{\"kind\":\"interaction\",",
                "{\"kind\":\"survey\",\"kind\":\"interaction\",");
        Signal.Interaction i = assertInstanceOf(Signal.Interaction.class,
                SignalRecords.read(envelope("env-6", "t", twoKinds)).data());
        assertEquals("interaction", i.kind());
        String twoIds = signal().replace("{\"kind\":\"interaction\",",
                "{\"kind\":\"interaction\",\"eventId\":\"first\",");
        assertEquals("e-1", SignalRecords.read(envelope("env-6", "t", twoIds)).data().eventId());
    }

    // One test per shape of malformed input whose path changed: each must keep its old reason.

    @Test
    void anEmptyRecordIsNamedEmpty() {
        assertReason("", "empty message");
        assertReason(null, "empty message");
    }

    @Test
    void textThatIsNotJsonIsNotAnEnvelope() {
        assertReason("{\"id\":", "not a JSON event envelope");
        assertReason("hello", "not a JSON event envelope");
    }

    @Test
    void anEnvelopeWithoutIdSaysSo() {
        assertReason(envelope(null, "t", signal()), "envelope has no id");
        assertReason(envelope("  ", "t", signal()), "envelope has no id");
    }

    @Test
    void anEnvelopeWithoutTypeOrDataSaysSo() {
        assertReason(envelope("env-3", null, signal()), "envelope env-3 has no type or data");
        assertReason(envelope("env-3", "t", null), "envelope env-3 has no type or data");
        assertReason(envelope("env-3", "t", "null"), "envelope env-3 has no type or data");
    }

    @Test
    void dataThatIsNotASignalSaysSo() {
        assertReason(envelope("env-4", "t", signal().replace("\"interaction\"", "\"telepathy\"")),
                "data is not a signal");
        assertReason(envelope("env-4", "t", signal().replace("\"agent-1\"", "false")), "data is not a signal");
        assertReason(envelope("env-4", "t", signal().replace("\"agent-1\"", "\"a\\u0000b\"")), "data is not a signal");
        assertReason(envelope("env-4", "t", "\"a string\""), "data is not a signal");
        assertReason(envelope("env-4", "t", "[" + signal() + "]"), "data is not a signal");
    }

    @Test
    void anEnvelopeFieldOfTheWrongTypeIsNotAnEnvelope() {
        assertReason(envelope("env-5", "t", signal()).replace("\"id\":\"env-5\"", "\"id\":5"),
                "not a JSON event envelope");
    }

    private static void assertReason(String raw, String expected) {
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> SignalRecords.read(raw));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
        assertEquals(reference(raw), "refused: " + e.getMessage());
    }

    /** Random mutations of valid records of every kind: the one pass and the old two passes agree on each. */
    @Test
    void agreesWithTheTwoPassReadOnMutatedRecords() {
        Random random = new Random(17);
        List<String> valid = List.of(signal(),
                Signals.transcript("e-t", "int-1", "agent-1", "team-1", "my card is 4111 1111 1111 1111"),
                Signals.qa("e-q", "agent-1", "team-1", "int-1", false, 3.5, true),
                Signals.survey("e-s", "int-1", 4),
                Signals.adherence("e-a", "agent-1", "team-1", 87.5, AT),
                Signals.liveMonitoring("e-l", "agent-1", "team-1"),
                Signals.staffing("e-st", "team-1", AT, 10, 12, 0.85),
                "{\"kind\":\"sentiment\",\"eventId\":\"e-se\",\"occurredAt\":\"" + AT
                        + "\",\"interactionId\":\"int-1\",\"score\":0.25}");
        int accepted = 0;
        int refused = 0;
        for (int n = 0; n < 5000; n++) {
            String base = envelope("env-" + n, "io.wem.signal.SignalReceived.v1", valid.get(n % valid.size()));
            String raw = mutate(base, random, 1 + random.nextInt(3));
            String expected = reference(raw);
            String actual;
            try {
                actual = describe(SignalRecords.read(raw));
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
        // the mutations must exercise both outcomes, or the comparison says little
        assertTrue(accepted > 500 && refused > 500, accepted + " accepted, " + refused + " refused");
    }

    /** The read as it was before the one-pass path: {@link Events#parse}, then tree → signal. */
    private static String reference(String raw) {
        try {
            EventEnvelope e = Events.parse(raw);
            Signal s;
            try {
                s = Events.mapper().treeToValue(e.data(), Signal.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException x) {
                String m = String.valueOf(x.getMessage());
                throw new MalformedEventException("data is not a signal: " + m.lines().findFirst().orElse(m));
            }
            if (s == null) {
                throw new MalformedEventException("envelope " + e.id() + " has no signal");
            }
            return describe(new SignalRecords.SignalEnvelope(e.specversion(), e.id(), e.source(), e.type(),
                    e.subject(), e.time(), e.datacontenttype(), s));
        } catch (MalformedEventException x) {
            return "refused: " + x.getMessage();
        }
    }

    private static String describe(SignalRecords.SignalEnvelope e) {
        return e.toString();
    }

    private static final JsonNode[] VALUES = {JsonNodeFactory.instance.nullNode(),
            JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.numberNode(0),
            JsonNodeFactory.instance.numberNode(-7), JsonNodeFactory.instance.numberNode(1.5),
            JsonNodeFactory.instance.numberNode(new java.math.BigInteger("123456789012345678901234567890")),
            JsonNodeFactory.instance.textNode(""), JsonNodeFactory.instance.textNode("x"),
            JsonNodeFactory.instance.textNode("12"), JsonNodeFactory.instance.textNode("2026-11-25T09:00:00Z"),
            JsonNodeFactory.instance.textNode("a\u0000b"), JsonNodeFactory.instance.arrayNode(),
            JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.textNode("interaction"),
            JsonNodeFactory.instance.textNode("survey")};

    private static String mutate(String json, Random random, int times) {
        String out = json;
        for (int k = 0; k < times; k++) {
            int how = random.nextInt(10);
            String junk = "{}[],:\"0 x";
            if (out.isEmpty()) {
                return out;
            }
            if (how == 0) {
                out = out.substring(0, random.nextInt(out.length()));
            } else if (how == 1) {
                int at = random.nextInt(out.length());
                out = out.substring(0, at) + junk.charAt(random.nextInt(junk.length())) + out.substring(at);
            } else if (how == 2) {
                // a duplicated member: "kind" or any other, at the top or in data
                int at = out.indexOf("\"data\":{") + 8;
                if (at > 7) {
                    String member = random.nextBoolean() ? "\"kind\":\"survey\"," : "\"eventId\":\"dup\",";
                    out = out.substring(0, at) + member + out.substring(at);
                }
            } else {
                try {
                    JsonNode tree = Events.mapper().readTree(out);
                    if (tree == null || !tree.isContainerNode()) {
                        continue;
                    }
                    List<JsonNode> containers = new ArrayList<>();
                    collect(tree, containers);
                    JsonNode c = containers.get(random.nextInt(containers.size()));
                    if (c.isObject() && c.size() > 0) {
                        ObjectNode o = (ObjectNode) c;
                        List<String> names = new ArrayList<>();
                        o.fieldNames().forEachRemaining(names::add);
                        String name = names.get(random.nextInt(names.size()));
                        if (how <= 4) {
                            o.remove(name);
                        } else {
                            o.set(name, VALUES[random.nextInt(VALUES.length)]);
                        }
                    } else if (c.isArray() && c.size() > 0) {
                        ((ArrayNode) c).set(random.nextInt(c.size()), VALUES[random.nextInt(VALUES.length)]);
                    }
                    out = tree.toString();
                } catch (java.io.IOException e) {
                    // already not JSON: leave it
                }
            }
        }
        return out;
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                collect(it.next(), out);
            }
        }
    }
}
