package io.wem.bench.ingest;

import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Events;
import io.wem.demo.generator.Signal;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignalFormatsTest {
    static final Instant T = Instant.parse("2026-11-20T09:00:00Z");

    @Test
    void envelopeIsWhatSignalServiceParses() {
        Signal.Interaction i = new Signal.Interaction("evt-1", T, "ix-1", "agent-x", "team-x", "voice", "general",
                "payment", T.minusSeconds(300), 200, 0, 0, 60, 0, "resolved", false, false, false);
        EventEnvelope e = Events.parse(SignalSet.envelope(i));
        assertEquals("1.0", e.specversion());
        assertEquals(EventTypes.SIGNAL_RECEIVED, e.type());
        assertEquals("agent-x", e.subject());
        assertEquals("env-evt-1", e.id());
        assertEquals("interaction", e.data().get("kind").asText());
        assertEquals("evt-1", e.data().get("eventId").asText());
        assertEquals("agent-x", SignalSet.key(i));
    }

    @Test
    void signalsWithoutAgentAreKeyedByWhatTheyAreAbout() {
        assertEquals("ix-9", SignalSet.key(new Signal.Survey("evt-s", T, "ix-9", 4, 9)));
        assertEquals("team-x", SignalSet.key(new Signal.Staffing("evt-st", T, "team-x", "billing", T,
                T.plusSeconds(1800), 10, 12, 0.9)));
    }

    @Test
    void csvQuotesOnlyWhatNeedsItAndLeavesNullsEmpty() {
        assertEquals("a,,\"b,c\",\"say \"\"hi\"\"\",\"\",1", CopyReference.line("a", null, "b,c", "say \"hi\"", "", 1));
        assertEquals("\"line1\nline2\"", CopyReference.line("line1\nline2"));
    }

    @Test
    void copyRowsHaveOneValuePerNamedColumn() {
        List<Signal> all = List.of(
                new Signal.Interaction("e1", T, "ix", "a", "t", "voice", "q", "r", T, 1, 2, 3, 4, 5, "d", true, false, true),
                new Signal.QaEvaluation("e2", T, "qa", "ix", "a", "t", "ev", true,
                        List.of(new Signal.Criterion("empathy", 80)), List.of(new Signal.ChecklistItem("x", true)), 81),
                new Signal.Survey("e3", T, "ix", 4, 9),
                new Signal.Sentiment("e4", T, "ix", -0.5),
                new Signal.Adherence("e5", T, "a", "t", T, T, 90, true, List.of(new Signal.Break(T, T, "break"))),
                new Signal.Staffing("e6", T, "t", "q", T, T, 3, 4, 0.9),
                new Signal.Transcript("e7", T, "ix", "a", "t", "hello, \"world\""),
                new Signal.LiveMonitoring("e8", T, "a", "t", "sup", T));
        for (Signal s : all) {
            CopyReference.Row r = CopyReference.row(s);
            int columns = r.copy().substring(r.copy().indexOf('(') + 1, r.copy().indexOf(')')).split(",").length;
            assertEquals(columns, csvFields(r.csv()), r.copy());
            assertTrue(r.csv().startsWith(s.eventId() + ","), r.csv());
        }
    }

    /** Counts CSV fields, honouring quotes. */
    static int csvFields(String line) {
        int n = 1;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                n++;
            }
        }
        return n;
    }
}
