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
            out.add(new IntensityWindow(facts, P, t).crossing(k, t));
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

    /** Under every kind cap: live 2 x 3 + screen reviews 3 x 2 = 12 (at the cap of 12), then QA evaluations. */
    static List<FactCount> overTheIndexCapAt(Instant lastFact) {
        var live = MonitoringKind.LIVE_MONITORING;
        var screen = MonitoringKind.SCREEN_RECORDING_REVIEW;
        var qa = MonitoringKind.QA_EVALUATION;
        List<FactCount> facts = new ArrayList<>();
        Instant t = lastFact.minus(Duration.ofHours(12));
        for (MonitoringKind k : new MonitoringKind[] {live, live, screen, screen, screen, qa}) {
            facts.add(new FactCount(k, null, FactCount.bucketOf(t), 1));
            t = t.plus(Duration.ofHours(2));
        }
        facts.set(facts.size() - 1, new FactCount(qa, null, FactCount.bucketOf(lastFact), 1));
        return facts;
    }

    @Test
    void theIndexCapIsAlertedOnlyAfterTheIndexStayedAboveItForTheOnDelay() {
        Instant over = T0.plus(Duration.ofDays(1));
        List<FactCount> facts = overTheIndexCapAt(over);
        Duration delay = Duration.ofHours(12);
        assertEquals(FactCount.bucketOf(over), new IntensityWindow(facts, P, over).indexOverSince());
        assertEquals(null, new IntensityWindow(facts, P, over.plus(Duration.ofHours(11))).indexEpisodeDue(delay));
        assertEquals(FactCount.bucketOf(over),
                new IntensityWindow(facts, P, over.plus(Duration.ofHours(13))).indexEpisodeDue(delay));
        // the index is a composite: no single fact crosses a kind's cap here
        assertEquals(IntensityWindow.CapCrossing.NONE,
                new IntensityWindow(facts, P, over).crossing(MonitoringKind.QA_EVALUATION, over));
    }

    @Test
    void aFleetingExcursionAboveTheIndexCapIsNotAlerted() {
        Instant over = T0.plus(Duration.ofDays(1));
        List<FactCount> facts = overTheIndexCapAt(over);
        // the first live session was 12 hours before: it leaves the window 7 days + its hour later, 6 hours after the
        // index first went over if the crossing came late in the week
        Instant leaves = facts.get(0).leavesWindowAt(Duration.ofDays(P.windowDays()));
        Instant lateOver = leaves.minus(Duration.ofHours(6));
        List<FactCount> late = new ArrayList<>(facts.subList(0, facts.size() - 1));
        late.add(new FactCount(MonitoringKind.QA_EVALUATION, null, FactCount.bucketOf(lateOver), 1));
        for (int h = 0; h <= 24; h += 3) {
            assertEquals(null, new IntensityWindow(late, P, lateOver.plus(Duration.ofHours(h)))
                    .indexEpisodeDue(Duration.ofHours(12)), "hour " + h);
        }
    }

    /**
     * Live monitoring every other working day is over the cap of 2 a week in some windows and not in others: old
     * sessions leave the window and new ones take it back over. That is one standing level, not a new episode each
     * time; before the episode rule it alerted again every few days.
     */
    @Test
    void aStandingLevelThatReCrossesAsOldFactsLeaveIsOneEpisode() {
        var live = MonitoringKind.LIVE_MONITORING;
        List<FactCount> facts = new ArrayList<>();
        List<Instant> alerts = new ArrayList<>();
        for (int day = 0; day < 28; day += 2) {
            Instant t = T0.plus(Duration.ofDays(day));
            facts.add(new FactCount(live, null, FactCount.bucketOf(t), 1));
            if (new IntensityWindow(facts, P, t).crossing(live, t) == IntensityWindow.CapCrossing.KIND_CAP) {
                alerts.add(t);
            }
        }
        assertEquals(List.of(T0.plus(Duration.ofDays(4))), alerts, "one alert for four weeks over the cap");
    }

    @Test
    void aNewEpisodeAfterAWholeWindowAtOrBelowTheCapIsAlertedAgain() {
        var live = MonitoringKind.LIVE_MONITORING;
        List<FactCount> facts = new ArrayList<>();
        List<Instant> alerts = new ArrayList<>();
        // three sessions on day 0 (over the cap of 2): over until they leave the window on day 7; at or below it for
        // a whole window until day 14; three again on day 15 is a new episode (on day 10 it would not yet be)
        for (int day : new int[] {0, 15}) {
            for (int h = 0; h < 3; h++) {
                Instant t = T0.plus(Duration.ofDays(day)).plus(Duration.ofHours(2L * h));
                facts.add(new FactCount(live, null, FactCount.bucketOf(t), 1));
                if (new IntensityWindow(facts, P, t).crossing(live, t) == IntensityWindow.CapCrossing.KIND_CAP) {
                    alerts.add(t);
                }
            }
        }
        assertEquals(List.of(T0.plus(Duration.ofHours(4)), T0.plus(Duration.ofDays(15)).plus(Duration.ofHours(4))),
                alerts);
    }

    /** A fact reported late (occurred hours before it is processed) is left out of "before" by its own bucket. */
    @Test
    void aLateFactIsJudgedByTheBucketItOccurredIn() {
        var live = MonitoringKind.LIVE_MONITORING;
        List<FactCount> facts = new ArrayList<>();
        facts.add(new FactCount(live, null, FactCount.bucketOf(T0), 2));
        Instant occurred = T0.plus(Duration.ofHours(3));
        facts.add(new FactCount(live, null, FactCount.bucketOf(occurred), 1));
        Instant processed = occurred.plus(Duration.ofHours(6));
        assertEquals(IntensityWindow.CapCrossing.KIND_CAP,
                new IntensityWindow(facts, P, processed).crossing(live, occurred));
    }

    @Test
    void supportiveFactsNeverCross() {
        assertEquals(List.of(IntensityWindow.CapCrossing.NONE, IntensityWindow.CapCrossing.NONE),
                feed(MonitoringKind.COACHING_SESSION, MonitoringKind.RECOGNITION));
    }
}
