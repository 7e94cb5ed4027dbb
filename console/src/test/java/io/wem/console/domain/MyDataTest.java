package io.wem.console.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wem.console.domain.MyData.Answer;
import io.wem.console.domain.MyData.Row;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MyDataTest {

    private static Map<String, Object> intervention(String state, String reflection, String disputedAt) {
        Map<String, Object> m = new HashMap<>();
        m.put("state", state);
        m.put("reflection", reflection);
        m.put("disputedAt", disputedAt);
        return m;
    }

    @Test
    void countsWhatEachServiceHolds() {
        Map<String, Object> gap = Map.of("gapType", "SKILL");
        List<Object> behaviors = List.of(Map.of("sampleSize", 40, "openGap", gap), Map.of("sampleSize", 12), Map.of("sampleSize", 0));
        List<Object> interventions = List.of(intervention("ASSIGNED", "I will try", null),
                intervention("CLOSED_EFFECTIVE", null, null), intervention("DISPUTED", null, "2026-12-01T10:00:00Z"));
        Map<String, Object> wellbeing = Map.of(
                "load", Map.of("windowDays", 7, "interactions", 130, "difficult", 9),
                "intensity", Map.of("index", 0.4, "indexCap", 1.0),
                "recovery", Map.of("recoveryDebtMinutes", 10),
                "coaching", Map.of("pressureSessions", 1, "supportSessions", 2));
        List<Object> contests = List.of(Map.of("status", "PENDING"), Map.of("status", "UPHELD"));

        List<Row> rows = MyData.rows(Answer.of(behaviors, null), Answer.of(interventions, null),
                Answer.of(wellbeing, null), Answer.of(contests, null), Answer.of(Map.of("accessesTotal", 1), null));

        assertEquals(List.of("3 behaviors tracked, 2 with data", "52 interactions in the current windows", "1 open gap"),
                rows.get(0).numbers());
        assertEquals(List.of("3 interventions", "2 not closed", "1 reflection you wrote", "1 dispute"),
                rows.get(1).numbers());
        assertEquals(List.of("130 interactions in the last 7 days, 9 of them difficult",
                "monitoring intensity 0.4 (cap 1.0)", "10 minutes of recovery owed", "3 coaching sessions"),
                rows.get(2).numbers());
        assertEquals(List.of("2 contests", "1 awaiting a decision"), rows.get(3).numbers());
        assertEquals(List.of("1 recorded access"), rows.get(4).numbers());
        rows.forEach(r -> assertNull(r.unavailable()));
    }

    @Test
    void aServiceThatDidNotAnswerIsNeverShownAsNothingHeld() {
        List<Row> rows = MyData.rows(Answer.of(null, "signal-service did not answer (no answer within 5 s)."),
                Answer.of(null, null), Answer.of(Map.of(), null), Answer.of(List.of(), null),
                Answer.of(Map.of(), null));
        assertTrue(rows.get(0).numbers().isEmpty());
        assertTrue(rows.get(0).unavailable().contains("did not answer"));
        assertEquals("coaching-service gave no answer", rows.get(1).unavailable());
        assertEquals(List.of("0 contests", "0 awaiting a decision"), rows.get(3).numbers());
    }
}
