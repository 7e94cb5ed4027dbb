package io.wem.wellbeing.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MONITORING_CAP episodes on random streams of live-monitoring facts, checked against a brute-force count of raw
 * timestamps (no buckets, no IntensityWindow): the first time an agent is ever over the kind's cap is always alerted,
 * two alerts of one cap are more than a window apart, and every alert is at a moment when the brute-force count
 * really is over the cap.
 */
class CapEpisodePropertyTest {
    static final GuardrailPolicy P = GuardrailPolicy.defaults();
    static final MonitoringKind LIVE = MonitoringKind.LIVE_MONITORING;
    static final Instant T0 = Instant.parse("2026-05-04T06:00:00Z");

    @Property(tries = 300)
    void episodesOfAKindCap(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long seed,
                            @ForAll @IntRange(min = 1, max = 60) int events,
                            @ForAll @IntRange(min = 1, max = 96) int meanGapHours) {
        Random rnd = new Random(seed);
        int cap = P.cap(LIVE);
        Duration window = Duration.ofDays(P.windowDays());
        List<Instant> times = new ArrayList<>();
        List<FactCount> facts = new ArrayList<>();
        List<Instant> alerts = new ArrayList<>();
        Instant firstOver = null;
        Instant t = T0;
        for (int i = 0; i < events; i++) {
            // bursty: sometimes minutes apart, sometimes days
            t = t.plusSeconds(rnd.nextDouble() < 0.3 ? 60 + rnd.nextInt(3600)
                    : (long) (-Math.log(1 - rnd.nextDouble()) * meanGapHours * 3600));
            times.add(t);
            facts.add(new FactCount(LIVE, null, FactCount.bucketOf(t), 1));
            int inLastWindow = countWithin(times, t.minus(window), t);
            if (firstOver == null && inLastWindow > cap) {
                firstOver = t;
            }
            if (new IntensityWindow(facts, P, t).crossing(LIVE, t) == IntensityWindow.CapCrossing.KIND_CAP) {
                alerts.add(t);
                // buckets count a whole hour, so the window may reach up to an hour further back than the raw one
                assertTrue(countWithin(times, t.minus(window).minus(FactCount.BUCKET), t) > cap,
                        "alert at " + t + " with no more than the cap in the window");
            }
        }
        if (firstOver != null) {
            assertTrue(!alerts.isEmpty() && !alerts.get(0).isAfter(firstOver),
                    "the first time over the cap (" + firstOver + ") was not alerted: " + alerts);
        } else {
            // an hour's rounding can put the window over the cap when the raw count is not; never otherwise
            for (Instant a : alerts) {
                assertTrue(countWithin(times, a.minus(window).minus(FactCount.BUCKET), a) > cap);
            }
        }
        for (int i = 1; i < alerts.size(); i++) {
            assertTrue(Duration.between(alerts.get(i - 1), alerts.get(i)).compareTo(window) > 0,
                    "two alerts within one window: " + alerts);
        }
    }

    @Property(tries = 100)
    void aSupportiveFactNeverOpensAnEpisode(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long seed) {
        Random rnd = new Random(seed);
        List<FactCount> facts = new ArrayList<>();
        Instant t = T0;
        for (int i = 0; i < 40; i++) {
            t = t.plusSeconds(600 + rnd.nextInt(20_000));
            MonitoringKind k = rnd.nextBoolean() ? MonitoringKind.COACHING_SESSION : MonitoringKind.RECOGNITION;
            facts.add(new FactCount(k, null, FactCount.bucketOf(t), 1));
            assertEquals(IntensityWindow.CapCrossing.NONE, new IntensityWindow(facts, P, t).crossing(k, t));
        }
    }

    private static int countWithin(List<Instant> times, Instant fromExclusive, Instant to) {
        int n = 0;
        for (Instant x : times) {
            if (x.isAfter(fromExclusive) && !x.isAfter(to)) {
                n++;
            }
        }
        return n;
    }

    /**
     * The index's on-delay on random mixes of every watching kind, against a brute-force index computed hour by hour
     * from the raw timestamps: an episode said to be due has been above the cap at every hour since its start for at
     * least the delay, and an agent above the cap for the first time, without a break for longer than the delay, is due.
     */
    @Property(tries = 60)
    void theIndexOnDelay(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long seed,
                         @ForAll @IntRange(min = 5, max = 80) int events) {
        Random rnd = new Random(seed);
        MonitoringKind[] kinds = {MonitoringKind.LIVE_MONITORING, MonitoringKind.SCREEN_RECORDING_REVIEW,
                MonitoringKind.QA_EVALUATION, MonitoringKind.ADHERENCE_ALERT, MonitoringKind.AUTOMATED_SCORE};
        Duration delay = Duration.ofHours(12);
        List<Instant> at = new ArrayList<>();
        List<MonitoringKind> of = new ArrayList<>();
        Instant t = T0;
        for (int i = 0; i < events; i++) {
            t = t.plusSeconds(60 + rnd.nextInt(40_000));
            at.add(t);
            of.add(kinds[rnd.nextInt(kinds.length)]);
        }
        Instant end = t.plus(Duration.ofDays(9));
        Instant firstOver = null;
        Instant runStart = null;
        boolean sawDueInFirstRun = false;
        for (Instant h = T0; h.isBefore(end); h = h.plus(Duration.ofHours(1))) {
            boolean over = bruteIndex(at, of, h) > P.indexCap() + 1e-9;
            List<FactCount> facts = new ArrayList<>();
            for (int i = 0; i < at.size(); i++) {
                if (!at.get(i).isAfter(h)) {
                    facts.add(new FactCount(of.get(i), null, FactCount.bucketOf(at.get(i)), 1));
                }
            }
            Instant due = new IntensityWindow(facts, P, h).indexEpisodeDue(delay);
            if (due != null) {
                assertTrue(!due.plus(delay).isAfter(h), "due before the delay: " + due + " at " + h);
                for (Instant x = due.plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
                     !x.isAfter(h); x = x.plus(Duration.ofHours(1))) {
                    assertTrue(bruteIndex(at, of, x) > P.indexCap() + 1e-9, "due at " + h + " but not over at " + x);
                }
            }
            if (over && firstOver == null) {
                firstOver = h;
                runStart = h;
            }
            if (firstOver != null && runStart != null) {
                if (!over) {
                    runStart = null; // the first run ended
                } else if (Duration.between(runStart, h).compareTo(delay.plusHours(1)) >= 0) {
                    assertTrue(due != null || sawDueInFirstRun,
                            "over the cap since " + runStart + " (first time) and not due at " + h);
                    sawDueInFirstRun = true;
                }
            }
        }
    }

    /** The index at {@code t}: each fact counts from the start of its hour until a window after the end of it. */
    private static double bruteIndex(List<Instant> at, List<MonitoringKind> of, Instant t) {
        double index = 0;
        for (int i = 0; i < at.size(); i++) {
            Instant hourStart = at.get(i).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            Instant gone = hourStart.plus(Duration.ofHours(1)).plus(Duration.ofDays(P.windowDays()));
            if (!hourStart.isAfter(t) && gone.isAfter(t)) {
                index += P.weight(of.get(i));
            }
        }
        return index;
    }
}
