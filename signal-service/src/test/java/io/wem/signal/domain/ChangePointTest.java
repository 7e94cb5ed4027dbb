package io.wem.signal.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The change-point scan must answer "no drop" when no boundary has a statistic, never fail: a failure here stopped
 * gap detection for a whole team (ClosedLoopIT timed out whenever the run's random data gave LogRatio no usable cut).
 */
class ChangePointTest {
    private static final Instant T0 = Instant.parse("2026-11-02T07:00:00Z");

    private static List<Observation> series(SplittableRandom r, int n, int days) {
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant at = T0.plus(Duration.ofMinutes(r.nextLong(Math.max(1, days) * 24L * 60)));
            out.add(new Observation("a", "i" + i, at, r.nextDouble() * 300, "q", "reason"));
        }
        return out;
    }

    @Test
    void noBoundaryWithAStatisticIsNoDrop() {
        List<Observation> s = series(new SplittableRandom(1), 40, 5);
        assertNull(ChangePoint.find(s, (early, late) -> Double.NEGATIVE_INFINITY, 5, 0.05));
        assertNull(ChangePoint.find(s, (early, late) -> Double.NaN, 5, 0.05));
    }

    @Property(tries = 300)
    void anyStatisticGivesADropOrNothingNeverAFailure(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                       @ForAll @IntRange(min = 0, max = 80) int n,
                                                       @ForAll @IntRange(min = 1, max = 30) int days,
                                                       @ForAll @IntRange(min = 1, max = 20) int minSeg) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Observation> s = series(r, n, days);
        // a statistic that is sometimes undefined (-inf, NaN), as a log-ratio is when a part has no usable stratum
        ChangePoint.Drop d = ChangePoint.find(s, (early, late) -> switch ((early.size() * 31 + late.size()) % 3) {
            case 0 -> Double.NEGATIVE_INFINITY;
            case 1 -> Double.NaN;
            default -> late.size() - early.size();
        }, minSeg, 0.05);
        if (d != null) {
            assertTrue(d.beforeN() >= minSeg && d.afterN() >= minSeg, "a part below minSeg: " + d.beforeN() + "/" + d.afterN());
            assertTrue(Double.isFinite(d.before()) && Double.isFinite(d.after()));
        }
        ChangePoint.Drop w = ChangePoint.find(s, 1, minSeg, 0.05);
        if (w != null) {
            assertTrue(w.beforeN() >= minSeg && w.afterN() >= minSeg);
        }
    }
}
