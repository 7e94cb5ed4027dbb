package io.wem.bench.load;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatenciesTest {

    @Test
    void nearestRankPercentilesInMilliseconds() {
        Latencies l = new Latencies(4);
        for (int ms = 100; ms >= 1; ms--) { // added out of order, and beyond the initial capacity
            l.add(ms * 1_000_000L);
        }
        assertEquals(100, l.count());
        assertEquals(50.0, l.percentileMs(50));
        assertEquals(95.0, l.percentileMs(95));
        assertEquals(99.0, l.percentileMs(99));
        assertEquals(100.0, l.percentileMs(100));
        assertEquals(1.0, l.percentileMs(0));
    }

    @Test
    void emptyIsNaN() {
        assertTrue(Double.isNaN(new Latencies(1).percentileMs(99)));
    }
}
