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
}
