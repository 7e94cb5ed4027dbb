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
    /** Every fact given, also those that have left the window: what {@link #crossing} reads to tell a new episode. */
    private final List<FactCount> history;
    private final GuardrailPolicy policy;
    private final Duration window;
    private final Instant now;

    /**
     * @param all the agent's facts; for {@link #crossing} they must reach back two windows (plus a bucket), so that
     *            whether the agent was over a cap at any time during the last window can be told
     */
    public IntensityWindow(List<FactCount> all, GuardrailPolicy policy, Instant now) {
        this.policy = policy;
        this.window = Duration.ofDays(policy.windowDays());
        this.now = now;
        List<FactCount> inside = new ArrayList<>();
        List<FactCount> past = new ArrayList<>();
        for (FactCount f : all) {
            if (f.bucketStart().isAfter(now)) {
                continue;
            }
            past.add(f);
            if (f.leavesWindowAt(window).isAfter(now)) {
                inside.add(f);
            }
        }
        inside.sort(Comparator.comparing(FactCount::bucketStart));
        past.sort(Comparator.comparing(FactCount::bucketStart));
        this.facts = List.copyOf(inside);
        this.history = List.copyOf(past);
    }

    /** How far back {@link #crossing} needs facts: two windows and one bucket. */
    public static Duration historyNeeded(GuardrailPolicy policy) {
        return Duration.ofDays(2L * policy.windowDays()).plus(FactCount.BUCKET);
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

    /** Which kind's cap a new fact took the window over, if it opened an episode over it. */
    public enum CapCrossing { NONE, KIND_CAP }

    /**
     * Whether the fact of {@code kind} that occurred at {@code occurredAt}, just counted in this window, opened an
     * episode over the kind's cap: the count is over the cap now, was not before this fact, and was not at any time
     * during the window before now. So an agent who stays over a cap is alerted once for the episode, not again with
     * every further fact, and not again when old facts leave the window and new ones of an ordinary week take it back
     * over: an episode ends only after a whole window at or below the cap (docs/calibration.md, wellbeing:
     * re-crossings of one standing level alerted an ordinarily monitored agent every few days). A kind's cap counts
     * named acts the policy limits, so it is alerted at once; the index is {@link #indexEpisodeDue}.
     */
    public CapCrossing crossing(MonitoringKind kind, Instant occurredAt) {
        if (!justOverCap(kind)) {
            return CapCrossing.NONE;
        }
        return over(now.minus(window), now, kind, FactCount.bucketOf(occurredAt)) ? CapCrossing.NONE
                : CapCrossing.KIND_CAP;
    }

    /** The kind's count is one over its cap: the only count at which a fact of the kind can open an episode. */
    public boolean justOverCap(MonitoringKind kind) {
        Integer cap = policy.cap(kind);
        return policy.weight(kind) > 0 && cap != null && count(kind) == cap + 1;
    }

    /**
     * The kind's count is past the fact that crossed its cap: a later fact of an episode that may have been told as
     * the team's programme, and may now show the agent singled out (TeamProgramme: the count only grows, so testing
     * again with each fact is no more likely to mislead than testing the final count once).
     */
    public boolean furtherOverCap(MonitoringKind kind) {
        Integer cap = policy.cap(kind);
        return policy.weight(kind) > 0 && cap != null && count(kind) > cap + 1;
    }

    /**
     * The start of an index episode that is due for its alert: the index has been above the cap without a break since
     * that moment, for at least {@code onDelay}, and was not above it at any time during the window before that
     * moment. Null otherwise. The index is a weighted sum of many kinds and rises and falls with an ordinary
     * week's mix; a threshold on it is crossed for a few hours by chance far more often than a kind's cap. An alarm on
     * a noisy measure gets an on-delay and a deadband (alarm management practice, e.g. ISA-18.2): here the delay, and
     * the whole window below the cap that ends an episode. The caller raises one alert per episode start.
     */
    public Instant indexEpisodeDue(Duration onDelay) {
        Instant since = indexOverSince();
        if (since == null || since.plus(onDelay).isAfter(now)) {
            return null;
        }
        return over(since.minus(window), since, null, null) ? null : since;
    }

    /** Since when the index has been above the cap without a break up to now; null if it is not above it now. */
    public Instant indexOverSince() {
        if (!aboveIndexCap(index())) {
            return null;
        }
        // The index changes only when a bucket begins or leaves the window: walk those moments back from now.
        java.util.TreeSet<Instant> changes = new java.util.TreeSet<>();
        for (FactCount f : history) {
            changes.add(f.bucketStart());
            Instant leaves = f.leavesWindowAt(window);
            if (!leaves.isAfter(now)) {
                changes.add(leaves);
            }
        }
        Instant since = null;
        for (Instant t : changes.descendingSet()) {
            if (t.isAfter(now)) {
                continue;
            }
            if (!aboveIndexCap(indexAt(t))) {
                break;
            }
            since = t;
        }
        return since;
    }

    /**
     * Whether the count of {@code kind} (or the index, when {@code kind} is null) was over its cap at any moment in
     * [from, to), leaving out one fact of {@code kind} in {@code leaveOutBucket}. Counts only rise when a bucket
     * begins, so {@code from} and the start of each bucket inside the range are the moments to look at.
     */
    private boolean over(Instant from, Instant to, MonitoringKind kind, Instant leaveOutBucket) {
        List<Instant> moments = new ArrayList<>();
        moments.add(from);
        for (FactCount f : history) {
            if (f.bucketStart().isAfter(from) && f.bucketStart().isBefore(to)) {
                moments.add(f.bucketStart());
            }
        }
        for (Instant t : moments) {
            if (kind == null ? aboveIndexCap(indexAt(t))
                    : countAt(t, kind, leaveOutBucket) > policy.cap(kind)) {
                return true;
            }
        }
        return false;
    }

    private double indexAt(Instant t) {
        double index = 0;
        for (FactCount f : history) {
            if (inWindowAt(f, t)) {
                index += policy.weight(f.kind()) * f.count();
            }
        }
        return index;
    }

    private int countAt(Instant t, MonitoringKind kind, Instant leaveOutBucket) {
        int n = 0;
        boolean leftOut = false;
        for (FactCount f : history) {
            if (f.kind() == kind && inWindowAt(f, t)) {
                int c = f.count();
                if (!leftOut && c > 0 && f.bucketStart().equals(leaveOutBucket)) {
                    c--;
                    leftOut = true;
                }
                n += c;
            }
        }
        return n;
    }

    /** Weights are decimals (0.25, 0.5): a sum equal to the cap must not count as over it by rounding. */
    private boolean aboveIndexCap(double index) {
        return index > policy.indexCap() + 1e-9;
    }

    private boolean inWindowAt(FactCount f, Instant t) {
        return !f.bucketStart().isAfter(t) && f.leavesWindowAt(window).isAfter(t);
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
