package io.wem.wellbeing.domain;

import io.wem.common.contracts.AgentActivity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Recovery time after difficult work. After a severe interaction, or after {@code difficultStreak} difficult
 * interactions in a row, a break of {@code breakMinutes} is due and its minutes are added to the agent's recovery
 * debt. Alerts are kept for what a person should act on (precision measured in RecoveryPrecisionTest): RECOVERY_DUE
 * when a run of {@code difficultStreak} difficult interactions made the break due (a lone severe contact makes it due
 * silently), RECOVERY_VIOLATION when the agent works through a further such run while the break is still owed (one
 * alert per due episode). A BREAK or
 * SCHEDULED_RECOVERY pays debt minute for minute; one of at least {@code breakMinutes} also clears the due break
 * and the streak. So does time without any recorded work of at least {@code breakMinutes} ({@link #afterIdle}).
 */
public final class RecoveryTracker {

    public static final String INTERACTION = "INTERACTION";
    public static final String BREAK = "BREAK";
    public static final String SCHEDULED_RECOVERY = "SCHEDULED_RECOVERY";

    private RecoveryTracker() {
    }

    /** An alert to raise: RECOVERY_DUE or RECOVERY_VIOLATION. */
    public record AlertDraft(String kind, String severity, int recoveryDebtMinutes, String message) {
    }

    public record Result(RecoveryState state, Difficulty difficulty, List<AlertDraft> alerts) {
    }

    /**
     * The state once idle time is credited: a stretch of at least {@code breakMinutes} without any recorded activity
     * since the last one (the end of a shift, a pause the platform does not report as a break) is recovery like a
     * break of that length. Shorter gaps between contacts are not: waiting for the next call is not a break. Without
     * this, an agent whose last contact of the day was difficult would "violate" recovery with the first contact of
     * the next morning, and coaching would wait for a break that was taken long ago.
     */
    public static RecoveryState afterIdle(RecoveryState st, Instant until, GuardrailPolicy.RecoverySettings s) {
        if (st == null || st.lastActivityAt() == null || until == null || !until.isAfter(st.lastActivityAt())) {
            return st;
        }
        long idleMinutes = Duration.between(st.lastActivityAt(), until).toMinutes();
        if (idleMinutes < s.breakMinutes()) {
            return st;
        }
        return new RecoveryState(0, false, null, false, (int) Math.max(0, st.debtMinutes() - idleMinutes),
                st.lastActivityAt());
    }

    public static Result apply(RecoveryState before, AgentActivity activity, GuardrailPolicy.RecoverySettings s) {
        RecoveryState st = afterIdle(before == null ? RecoveryState.FRESH : before, activity.start(), s);
        List<AlertDraft> alerts = new ArrayList<>();
        // Events may arrive out of order: the last activity is the latest one seen, not the last one received.
        Instant at = latest(st.lastActivityAt(), activity.end() != null ? activity.end() : activity.start());
        switch (activity.kind()) {
            case BREAK, SCHEDULED_RECOVERY -> {
                long minutes = activity.start() != null && activity.end() != null
                        ? Math.max(0, Duration.between(activity.start(), activity.end()).toMinutes()) : 0;
                int debt = (int) Math.max(0, st.debtMinutes() - minutes);
                if (minutes >= s.breakMinutes()) {
                    return new Result(new RecoveryState(0, false, null, false, debt, at), Difficulty.NORMAL, alerts);
                }
                return new Result(new RecoveryState(st.difficultStreak(), st.due(), st.dueSince(), st.violated(),
                        debt, at), Difficulty.NORMAL, alerts);
            }
            case INTERACTION -> {
                Difficulty d = Difficulty.of(activity, s);
                int streak = d.difficult() ? st.difficultStreak() + 1 : 0;
                boolean violated = st.violated();
                boolean due = st.due();
                Instant dueSince = st.dueSince();
                int debt = st.debtMinutes();
                if (due) {
                    // Taking the next contact while a break is owed is the normal case in a queue (the agent does not
                    // choose it); only working through a whole further run of difficult contacts is alerted.
                    if (!violated && streak >= s.difficultStreak()) {
                        violated = true;
                        alerts.add(new AlertDraft("RECOVERY_VIOLATION", "HIGH", debt, "Another " + streak
                                + " difficult interactions in a row (the latest started at " + activity.start()
                                + ") although a recovery break of " + s.breakMinutes() + " minutes has been due since "
                                + dueSince + "; the agent is owed " + debt + " minutes of recovery."));
                    }
                } else if (d == Difficulty.SEVERE || streak >= s.difficultStreak()) {
                    boolean run = streak >= s.difficultStreak();
                    due = true;
                    dueSince = at;
                    violated = false;
                    debt += s.breakMinutes();
                    // A single severe contact makes the break due (coaching waits for it) without an alert: one
                    // abusive caller happens to everyone, an alert for each would be ignored.
                    if (run) {
                        alerts.add(new AlertDraft("RECOVERY_DUE", "MEDIUM", debt, "After " + streak + " difficult "
                                + "interactions in a row, a recovery break of " + s.breakMinutes() + " minutes is due "
                                + "before the next interaction; the agent is owed " + debt + " minutes of recovery."));
                    }
                    streak = 0;
                }
                return new Result(new RecoveryState(streak, due, dueSince, violated, debt, at), d, alerts);
            }
            default -> throw new IllegalArgumentException("unknown activity kind " + activity.kind());
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }
}
