package io.wem.governance.domain.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A retention window as an ISO-8601 duration: a date-based period ({@code P90D}, {@code P13M}, {@code P7Y}) or a
 * time-based duration ({@code PT36H}). Cutoffs are computed in UTC calendar arithmetic, so {@code P1M} is a month.
 */
public final class RetentionWindow {
    private final String text;
    private final Period period;
    private final Duration duration;

    private RetentionWindow(String text, Period period, Duration duration) {
        this.text = text;
        this.period = period;
        this.duration = duration;
    }

    /** Throws IllegalArgumentException (with a message fit for the API) when the text is not a positive window. */
    public static RetentionWindow parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("must be an ISO-8601 duration such as P90D");
        }
        String t = text.trim().toUpperCase();
        try {
            if (t.contains("T")) {
                Duration d = Duration.parse(t);
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("must be longer than zero");
                }
                return new RetentionWindow(t, null, d);
            }
            Period p = Period.parse(t);
            if (p.isNegative() || p.isZero() || p.getYears() < 0 || p.getMonths() < 0 || p.getDays() < 0) {
                throw new IllegalArgumentException("must be longer than zero");
            }
            return new RetentionWindow(t, p, null);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be an ISO-8601 duration such as P90D, P13M or P7Y");
        }
    }

    /** Records older than this instant are past the window. */
    public Instant cutoff(Instant now) {
        if (duration != null) {
            return now.minus(duration);
        }
        return now.atOffset(ZoneOffset.UTC).minus(period).toInstant();
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
