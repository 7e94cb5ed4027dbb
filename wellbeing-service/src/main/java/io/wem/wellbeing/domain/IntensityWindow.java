package io.wem.wellbeing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An agent's facts within the policy's rolling window, with the weighted intensity index and the arithmetic of
 * "when does the window make room". A bucket counts while any part of its hour lies inside the window, so the
 * index never under-counts; room is therefore promised at most one hour late, never early.
 */
public final class IntensityWindow {
    private final List<FactCount> facts;
    private final GuardrailPolicy policy;
    private final Duration window;

    public IntensityWindow(List<FactCount> all, GuardrailPolicy policy, Instant now) {
        this.policy = policy;
        this.window = Duration.ofDays(policy.windowDays());
        List<FactCount> inside = new ArrayList<>();
        for (FactCount f : all) {
            if (f.leavesWindowAt(window).isAfter(now)) {
                inside.add(f);
            }
        }
        inside.sort(Comparator.comparing(FactCount::bucketStart));
        this.facts = List.copyOf(inside);
    }

    public Duration window() {
        return window;
    }

    public int count(MonitoringKind kind) {
        return sum(f -> f.kind() == kind);
    }

    public Map<MonitoringKind, Integer> counts() {
        Map<MonitoringKind, Integer> counts = new EnumMap<>(MonitoringKind.class);
        for (FactCount f : facts) {
            counts.merge(f.kind(), f.count(), Integer::sum);
        }
        return counts;
    }

    /** Coaching sessions about handle time or compliance. */
    public int pressureSessions() {
        return sum(IntensityWindow::isPressure);
    }

    /** Development coaching and recognition: the "supported" side of the balance. */
    public int supportSessions() {
        return sum(IntensityWindow::isSupport);
    }

    /** New agent-level interventions (coaching sessions other than recognition, and performance plans). */
    public int interventions() {
        return sum(IntensityWindow::isIntervention);
    }

    public double index() {
        double index = 0;
        for (FactCount f : facts) {
            index += policy.weight(f.kind()) * f.count();
        }
        return round(index);
    }

    /** Which cap a new fact took the window over, if it was the fact that crossed it. */
    public enum CapCrossing { NONE, KIND_CAP, INDEX_CAP }

    /**
     * Whether the fact of {@code kind} just counted in this window is the one that took it over a cap: the kind's
     * count is now one above its cap, or the index is above the index cap and was not before this fact. An agent who
     * stays over a cap is alerted once for the episode, not again with every further fact (which, with a daily
     * cooldown, alerted an ordinarily monitored agent every day of a busy week: docs/calibration.md, wellbeing).
     */
    public CapCrossing crossing(MonitoringKind kind) {
        double weight = policy.weight(kind);
        if (weight <= 0) {
            return CapCrossing.NONE;
        }
        Integer cap = policy.cap(kind);
        if (cap != null && count(kind) == cap + 1) {
            return CapCrossing.KIND_CAP;
        }
        boolean overKindCap = cap != null && count(kind) > cap;
        double index = index();
        return !overKindCap && index > policy.indexCap() && index - weight <= policy.indexCap() + 1e-9
                ? CapCrossing.INDEX_CAP : CapCrossing.NONE;
    }

    /** Earliest time at which {@code needed} facts matching {@code which} have left the window; null if never. */
    public Instant roomFor(Predicate<FactCount> which, int needed) {
        int freed = 0;
        for (FactCount f : facts) {
            if (which.test(f)) {
                freed += f.count();
                if (freed >= needed) {
                    return f.leavesWindowAt(window);
                }
            }
        }
        return null;
    }

    /** Earliest time at which at least {@code weightNeeded} of index weight has left the window; null if never. */
    public Instant roomForWeight(double weightNeeded) {
        double freed = 0;
        for (FactCount f : facts) {
            freed += policy.weight(f.kind()) * f.count();
            if (freed > 0 && freed + 1e-9 >= weightNeeded) {
                return f.leavesWindowAt(window);
            }
        }
        return null;
    }

    public static boolean isPressure(FactCount f) {
        return f.kind() == MonitoringKind.COACHING_SESSION && f.theme() != null && f.theme().pressure();
    }

    public static boolean isIntervention(FactCount f) {
        return f.kind() == MonitoringKind.PERFORMANCE_PLAN
                || (f.kind() == MonitoringKind.COACHING_SESSION && f.theme() != CoachingTheme.RECOGNITION);
    }

    public static boolean isSupport(FactCount f) {
        return f.kind() == MonitoringKind.RECOGNITION
                || (f.kind() == MonitoringKind.COACHING_SESSION
                && (f.theme() == CoachingTheme.DEVELOPMENT || f.theme() == CoachingTheme.RECOGNITION));
    }

    private int sum(Predicate<FactCount> which) {
        int n = 0;
        for (FactCount f : facts) {
            if (which.test(f)) {
                n += f.count();
            }
        }
        return n;
    }

    static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
