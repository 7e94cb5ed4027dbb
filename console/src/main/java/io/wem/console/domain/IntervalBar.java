package io.wem.console.domain;

import java.util.Locale;

/**
 * An estimate with its 95 % interval drawn on a fixed scale (inline SVG, no script): where the interval starts and
 * ends and where the point sits, in pixels, plus the sentence a screen reader reads instead of the drawing.
 * Values outside the scale are clamped to its ends; a missing estimate or interval draws nothing.
 */
public record IntervalBar(double lowX, double pointX, double highX, int width, String label) {

    public static IntervalBar of(String what, Double point, Double low, Double high, double min, double max, int width) {
        if (point == null || low == null || high == null || !(max > min) || width <= 0) {
            return null;
        }
        return new IntervalBar(x(low, min, max, width), x(point, min, max, width), x(high, min, max, width), width,
                String.format(Locale.ROOT, "%s %.2f, 95%% interval %.2f to %.2f", what, point, low, high));
    }

    /** The x of the scale's zero, for the reference line (effects: no change). */
    public static double zeroX(double min, double max, int width) {
        return x(0, min, max, width);
    }

    private static double x(double v, double min, double max, int width) {
        double clamped = Math.max(min, Math.min(max, v));
        return Math.round((clamped - min) / (max - min) * width * 10) / 10.0;
    }
}
