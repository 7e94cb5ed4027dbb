package io.wem.console.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class IntervalBarTest {

    @Test
    void placesTheIntervalOnTheScaleAndSaysItInWords() {
        IntervalBar b = IntervalBar.of("success rate", 0.625, 0.31, 0.86, 0, 1, 200);
        assertEquals(62.0, b.lowX());
        assertEquals(125.0, b.pointX());
        assertEquals(172.0, b.highX());
        assertEquals("success rate 0.63, 95% interval 0.31 to 0.86", b.label());
        assertEquals(100.0, IntervalBar.zeroX(-1, 1, 200));
    }

    @Test
    void nothingIsDrawnWithoutAnEstimate() {
        assertNull(IntervalBar.of("x", null, 0.1, 0.2, 0, 1, 100));
        assertNull(IntervalBar.of("x", 0.1, null, 0.2, 0, 1, 100));
        assertNull(IntervalBar.of("x", 0.1, 0.0, 0.2, 1, 1, 100));
    }

    @Property(tries = 300)
    void everyDrawingStaysInsideItsScaleAndInOrder(@ForAll @DoubleRange(min = -5, max = 5) double a,
                                                   @ForAll @DoubleRange(min = -5, max = 5) double b,
                                                   @ForAll @DoubleRange(min = -5, max = 5) double c) {
        double[] v = {a, b, c};
        java.util.Arrays.sort(v);
        IntervalBar bar = IntervalBar.of("effect", v[1], v[0], v[2], -1, 1, 240);
        assertTrue(0 <= bar.lowX() && bar.lowX() <= bar.pointX() && bar.pointX() <= bar.highX() && bar.highX() <= 240,
                bar.toString());
    }
}
