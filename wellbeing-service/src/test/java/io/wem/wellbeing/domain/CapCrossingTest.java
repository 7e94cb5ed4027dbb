package io.wem.wellbeing.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** MONITORING_CAP is raised by the fact that crosses a cap, not by every fact while the agent stays over it. */
class CapCrossingTest {
    static final GuardrailPolicy P = GuardrailPolicy.defaults();
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    static List<IntensityWindow.CapCrossing> feed(MonitoringKind... kinds) {
        List<FactCount> facts = new ArrayList<>();
        List<IntensityWindow.CapCrossing> out = new ArrayList<>();
        Instant t = T0;
        for (MonitoringKind k : kinds) {
            facts.add(new FactCount(k, null, FactCount.bucketOf(t), 1));
            out.add(new IntensityWindow(facts, P, t).crossing(k));
            t = t.plus(Duration.ofHours(2));
        }
        return out;
    }

    @Test
    void theFactOverAKindCapCrossesItOnceAndFurtherFactsDoNot() {
        var live = MonitoringKind.LIVE_MONITORING;
        int cap = P.cap(live);
        MonitoringKind[] kinds = new MonitoringKind[cap + 3];
        java.util.Arrays.fill(kinds, live);
        List<IntensityWindow.CapCrossing> c = feed(kinds);
        for (int i = 0; i < c.size(); i++) {
            assertEquals(i == cap ? IntensityWindow.CapCrossing.KIND_CAP : IntensityWindow.CapCrossing.NONE, c.get(i),
                    "fact " + (i + 1));
        }
    }

    @Test
    void theIndexCapIsCrossedOnceByTheFactThatTakesTheIndexOverIt() {
        // Under every kind cap: live 2 x 3 + screen reviews 3 x 2 = 12 (not over the cap of 12), then QA evaluations.
        var live = MonitoringKind.LIVE_MONITORING;
        var screen = MonitoringKind.SCREEN_RECORDING_REVIEW;
        var qa = MonitoringKind.QA_EVALUATION;
        List<IntensityWindow.CapCrossing> c = feed(live, live, screen, screen, screen, qa, qa, qa);
        assertEquals(List.of(IntensityWindow.CapCrossing.NONE, IntensityWindow.CapCrossing.NONE,
                IntensityWindow.CapCrossing.NONE, IntensityWindow.CapCrossing.NONE, IntensityWindow.CapCrossing.NONE,
                IntensityWindow.CapCrossing.INDEX_CAP, IntensityWindow.CapCrossing.NONE,
                IntensityWindow.CapCrossing.NONE), c);
    }

    @Test
    void supportiveFactsNeverCross() {
        assertEquals(List.of(IntensityWindow.CapCrossing.NONE, IntensityWindow.CapCrossing.NONE),
                feed(MonitoringKind.COACHING_SESSION, MonitoringKind.RECOGNITION));
    }
}
