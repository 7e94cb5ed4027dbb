package io.wem.wellbeing.domain;

import io.wem.common.contracts.AgentActivity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Recovery time after difficult work. After a severe interaction, or after {@code difficultStreak} difficult
 * interactions in a row, a break of {@code breakMinutes} is due and its minutes are added to the agent's recovery
 * debt. An INTERACTION that starts while the break is due is a violation (one alert per due episode). A BREAK or
 * SCHEDULED_RECOVERY pays debt minute for minute; one of at least {@code breakMinutes} also clears the due break
 * and the streak.
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

    public static Result apply(RecoveryState before, AgentActivity activity, GuardrailPolicy.RecoverySettings s) {
        RecoveryState st = before == null ? RecoveryState.FRESH : before;
        List<AlertDraft> alerts = new ArrayList<>();
        Instant at = activity.end() != null ? activity.end() : activity.start();
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
                boolean violated = st.violated();
                if (st.due() && !st.violated()) {
                    violated = true;
                    alerts.add(new AlertDraft("RECOVERY_VIOLATION", "HIGH", st.debtMinutes(),
                            "A new interaction started at " + activity.start() + " although a recovery break of "
                                    + s.breakMinutes() + " minutes has been due since " + st.dueSince()
                                    + "; the agent is owed " + st.debtMinutes() + " minutes of recovery."));
                }
                Difficulty d = Difficulty.of(activity, s);
                int streak = d.difficult() ? st.difficultStreak() + 1 : 0;
                boolean due = st.due();
                Instant dueSince = st.dueSince();
                int debt = st.debtMinutes();
                if (d == Difficulty.SEVERE || streak >= s.difficultStreak()) {
                    String why = d == Difficulty.SEVERE ? "a severe interaction (abusive customer or escalated "
                            + "with very negative sentiment)" : streak + " difficult interactions in a row";
                    streak = 0;
                    due = true;
                    dueSince = at;
                    violated = false;
                    debt += s.breakMinutes();
                    alerts.add(new AlertDraft("RECOVERY_DUE", "MEDIUM", debt, "After " + why + ", a recovery "
                            + "break of " + s.breakMinutes() + " minutes is due before the next interaction; the "
                            + "agent is owed " + debt + " minutes of recovery."));
                }
                return new Result(new RecoveryState(streak, due, dueSince, violated, debt, at), d, alerts);
            }
            default -> throw new IllegalArgumentException("unknown activity kind " + activity.kind());
        }
    }
}
