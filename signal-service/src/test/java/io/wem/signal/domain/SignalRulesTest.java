package io.wem.signal.domain;

import io.wem.common.contracts.AgentActivity;
import io.wem.common.contracts.MonitoringEvent;
import io.wem.signal.api.Signal;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignalRulesTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    static Signal.Interaction interaction(String agent, Integer acw, Instant startedAt) {
        return new Signal.Interaction("e1", "interaction", NOW.minusSeconds(60), "i1", agent, "t1", "voice", "billing",
                "complaint", startedAt, 300, 10, 1, acw, 0, "resolved", false, false, true);
    }

    static List<String> fields(Signal s) {
        return SignalRules.validate(s, "signals[2]", NOW).stream().map(SignalRules.FieldError::field).toList();
    }

    @Test
    void aValidInteractionHasNoErrors() {
        assertEquals(List.of(), fields(interaction("a1", 30, NOW.minusSeconds(400))));
    }

    @Test
    void errorsNameTheFieldWithThePrefix() {
        assertEquals(List.of("signals[2].agentId", "signals[2].acwSeconds"), fields(interaction(" ", -5,
                NOW.minusSeconds(400))));
        assertEquals(List.of("signals[2].startedAt"), fields(interaction("a1", 30, NOW)));
        Signal.QaEvaluation qa = new Signal.QaEvaluation("e", "qa-evaluation", NOW, "q", null, "a", "t", null, null,
                List.of(new Signal.CriterionScore("empathy", 120.0)), List.of(new Signal.ChecklistItem("x", null)), null);
        assertEquals(List.of("signals[2].criteria[0].score", "signals[2].checklist[0].passed"), fields(qa));
        Signal.Survey survey = new Signal.Survey("e", "survey", NOW, "i", null, null);
        assertEquals(List.of("signals[2].csat"), fields(survey));
        Signal.Staffing st = new Signal.Staffing("e", "staffing", NOW, "t", null, NOW, NOW.minusSeconds(1), 3, 4, 1.5);
        assertEquals(List.of("signals[2].intervalEnd", "signals[2].occupancy"), fields(st));
    }

    @Test
    void futureSignalsAreClockErrors() {
        Signal.Sentiment s = new Signal.Sentiment("e", "sentiment", NOW.plusSeconds(3600), "i", 0.2);
        assertEquals(List.of("signals[2].occurredAt"), fields(s));
    }

    @Test
    void outputsCarryFactsNeverText() {
        List<SignalOutputs.Output> out = SignalOutputs.of(interaction("a1", 30, NOW.minusSeconds(400)), 85);
        assertEquals(1, out.size());
        AgentActivity a = (AgentActivity) out.get(0).payload();
        assertEquals("INTERACTION", a.kind());
        assertTrue(a.abusiveCustomer());
        Signal.Transcript t = new Signal.Transcript("e", "transcript", NOW, "i", "a", "t", "secret");
        assertEquals(List.of(), SignalOutputs.of(t, 85));
        Signal.QaEvaluation qa = new Signal.QaEvaluation("e", "qa-evaluation", NOW, "q", "i", "a", "t", null, true,
                List.of(new Signal.CriterionScore("empathy", 60.0), new Signal.CriterionScore("accuracy", 80.0)),
                List.of(), null);
        MonitoringEvent m = (MonitoringEvent) SignalOutputs.of(qa, 85).get(0).payload();
        assertEquals("AUTOMATED_SCORE", m.kind());
        assertEquals(70.0, m.score());
        // Same signal, same event id: replays are deduplicated downstream.
        assertEquals(SignalOutputs.of(qa, 85).get(0).id(), SignalOutputs.of(qa, 85).get(0).id());
    }

    @Test
    void anInteractionCarriesItsStoredSentimentToWellbeing() {
        Signal.Interaction i = interaction("a1", 30, NOW.minusSeconds(400));
        // Before: every interaction went out with sentiment null, so "negative customer" could never count as difficult.
        assertEquals(null, ((AgentActivity) SignalOutputs.of(i, 85).get(0).payload()).sentiment());
        AgentActivity a = (AgentActivity) SignalOutputs.of(i, 85, java.util.Map.of(i.interactionId(), -0.7)).get(0)
                .payload();
        assertEquals(-0.7, a.sentiment());
        // another interaction's sentiment is not borrowed
        assertEquals(null, ((AgentActivity) SignalOutputs.of(i, 85, java.util.Map.of("other", -0.9)).get(0).payload())
                .sentiment());
    }
}
