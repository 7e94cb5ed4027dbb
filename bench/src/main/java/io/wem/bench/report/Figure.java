package io.wem.bench.report;

/**
 * One measured figure and the reference it is read against (measured in the same run, because these shared machines
 * are noisy). {@code value} is null when the figure could not be measured; {@code note} then says why.
 *
 * @param section   1..5 as in docs/benchmarks.md
 * @param id        stable key in bench-results.json
 * @param aim       the aim in words (null when the figure has none)
 * @param aimMet    whether the aim was met (null: no aim, or not measured)
 */
public record Figure(int section, String id, String label, Double value, String unit, String referenceLabel,
                     Double reference, String referenceUnit, Double ratio, String aim, Boolean aimMet, String note) {

    public static Figure of(int section, String id, String label, double value, String unit) {
        return new Figure(section, id, label, value, unit, null, null, null, null, null, null, null);
    }

    public static Figure missing(int section, String id, String label, String unit, String why) {
        return new Figure(section, id, label, null, unit, null, null, null, null, null, null, why);
    }

    public Figure reference(String refLabel, Double ref, String refUnit) {
        Double r = value != null && ref != null && ref != 0 ? value / ref : null;
        return new Figure(section, id, label, value, unit, refLabel, ref, refUnit, r, aim, aimMet, note);
    }

    public Figure aim(String text, boolean met) {
        return new Figure(section, id, label, value, unit, referenceLabel, reference, referenceUnit, ratio, text,
                value == null ? null : met, note);
    }

    public Figure note(String text) {
        String n = note == null ? text : note + "; " + text;
        return new Figure(section, id, label, value, unit, referenceLabel, reference, referenceUnit, ratio, aim, aimMet, n);
    }
}
