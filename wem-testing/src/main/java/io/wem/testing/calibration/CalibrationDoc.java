package io.wem.testing.calibration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Intervals and the section writer shared by the calibration reports of the services (docs/calibration.md). A
 * report owns one section between two markers and replaces only that section, so the reports can run in any order
 * and the detection report (which keeps everything below its "written by hand" line) keeps them.
 */
public final class CalibrationDoc {

    private CalibrationDoc() {
    }

    /** A 95 % interval. */
    public record Interval(double low, double high) {
        public String format(String pattern) {
            return String.format(Locale.ROOT, pattern, low) + "–" + String.format(Locale.ROOT, pattern, high);
        }
    }

    /**
     * The seeds of a full report: {@code count} tuning seeds from {@code first} and as many held-out seeds from
     * {@code heldOut} (system properties wem.calibrate.seeds, .firstSeed, .heldOutSeed; 60, 1, 201 unless told).
     */
    public record Seeds(int count, long first, long heldOut) {
        public static Seeds fromSystemProperties() {
            return new Seeds(Integer.getInteger("wem.calibrate.seeds", 60), Long.getLong("wem.calibrate.firstSeed", 1),
                    Long.getLong("wem.calibrate.heldOutSeed", 201));
        }
    }

    /** Where a report writes: docs/calibration.md seen from a module, unless wem.calibrate.out says otherwise. */
    public static Path out() {
        return Path.of(System.getProperty("wem.calibrate.out", "../docs/calibration.md"));
    }

    /** Wilson 95 % interval of a share k/n. */
    public static Interval wilson(int k, int n) {
        if (n == 0) {
            return new Interval(0, 1);
        }
        double z = 1.959964;
        double p = (double) k / n;
        double denom = 1 + z * z / n;
        double centre = (p + z * z / (2 * n)) / denom;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denom;
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** 95 % interval of a Poisson count (Byar's approximation; exact lower bound 0 for a zero count). */
    public static Interval poisson(int k) {
        double z = 1.959964;
        double low = k == 0 ? 0 : k * Math.pow(1 - 1.0 / (9 * k) - z / (3 * Math.sqrt(k)), 3);
        double k1 = k + 1;
        double high = k1 * Math.pow(1 - 1.0 / (9 * k1) + z / (3 * Math.sqrt(k1)), 3);
        return new Interval(low, high);
    }

    /** Replaces (or appends) the section named {@code name} of the file with {@code body}. */
    public static void upsert(Path file, String name, String body) throws IOException {
        String begin = "<!-- report " + name + ": begin (generated, replaced by ./wem calibrate) -->\n";
        String end = "<!-- report " + name + ": end -->\n";
        String old = Files.exists(file) ? Files.readString(file) : "";
        int b = old.indexOf(begin);
        int e = old.indexOf(end);
        String section = begin + body + (body.endsWith("\n") ? "" : "\n") + end;
        String updated;
        if (b >= 0 && e > b) {
            updated = old.substring(0, b) + section + old.substring(e + end.length());
        } else {
            updated = old + (old.isEmpty() || old.endsWith("\n\n") ? "" : old.endsWith("\n") ? "\n" : "\n\n") + section;
        }
        Files.writeString(file, updated);
    }
}
