package io.wem.wellbeing.domain;

import io.wem.common.contracts.AgentActivity;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecoveryTrackerTest {
    static final GuardrailPolicy.RecoverySettings S = GuardrailPolicy.defaults().recovery();
    static final Instant T0 = Instant.parse("2026-03-10T08:00:00Z");

    static AgentActivity call(int minute, int minutes, String reason, Double sentiment, boolean escalated,
                              boolean abusive) {
        return new AgentActivity("a" + minute, "INTERACTION", "agent-1", "team-1", "billing", "voice", reason,
                T0.plusSeconds(minute * 60L), T0.plusSeconds((minute + minutes) * 60L), sentiment, escalated, abusive,
                false);
    }

    static AgentActivity pause(String kind, int minute, int minutes) {
        return new AgentActivity("b" + minute, kind, "agent-1", "team-1", null, null, null,
                T0.plusSeconds(minute * 60L), T0.plusSeconds((minute + minutes) * 60L), null, false, false, false);
    }

    @Test
    void classifiesDifficultAndSevere() {
        assertEquals(Difficulty.NORMAL, Difficulty.of(call(0, 5, "billing", 0.2, false, false), S));
        assertEquals(Difficulty.DIFFICULT, Difficulty.of(call(0, 5, "Complaint", 0.2, false, false), S));
        assertEquals(Difficulty.DIFFICULT, Difficulty.of(call(0, 5, "billing", -0.5, false, false), S));
        assertEquals(Difficulty.DIFFICULT, Difficulty.of(call(0, 5, "billing", -0.5, true, false), S));
        assertEquals(Difficulty.DIFFICULT, Difficulty.of(call(0, 25, "billing", null, false, false), S));
        assertEquals(Difficulty.SEVERE, Difficulty.of(call(0, 5, "billing", 0.0, false, true), S));
        assertEquals(Difficulty.SEVERE, Difficulty.of(call(0, 5, "billing", -0.9, true, false), S));
    }

    @Test
    void fiveDifficultInARowMakeABreakDueAndAFurtherRunWithoutItIsAViolation() {
        RecoveryState st = RecoveryState.FRESH;
        for (int i = 0; i < 4; i++) {
            RecoveryTracker.Result r = RecoveryTracker.apply(st, call(i * 6, 5, "complaint", null, false, false), S);
            assertTrue(r.alerts().isEmpty());
            st = r.state();
        }
        RecoveryTracker.Result fifth = RecoveryTracker.apply(st, call(24, 5, "complaint", null, false, false), S);
        assertEquals(1, fifth.alerts().size());
        assertEquals("RECOVERY_DUE", fifth.alerts().get(0).kind());
        assertTrue(fifth.state().due());
        assertEquals(10, fifth.state().debtMinutes());

        // The next contact comes from the queue: taking it while owed a break is not alerted by itself.
        RecoveryTracker.Result next = RecoveryTracker.apply(fifth.state(), call(30, 5, "billing", 0.5, false, false), S);
        assertTrue(next.alerts().isEmpty());
        assertTrue(next.state().due());
        // A whole further run of difficult contacts while the break is owed is the violation, once per episode.
        st = next.state();
        RecoveryTracker.Result r = null;
        for (int i = 0; i < 5; i++) {
            r = RecoveryTracker.apply(st, call(36 + i * 6, 5, "complaint", null, false, false), S);
            assertEquals(i < 4 ? 0 : 1, r.alerts().size(), "contact " + i);
            st = r.state();
        }
        assertEquals("RECOVERY_VIOLATION", r.alerts().get(0).kind());
        assertEquals(10, r.alerts().get(0).recoveryDebtMinutes());
        for (int i = 5; i < 10; i++) {
            r = RecoveryTracker.apply(st, call(36 + i * 6, 5, "complaint", null, false, false), S);
            assertTrue(r.alerts().isEmpty());
            st = r.state();
        }
        assertEquals(10, st.debtMinutes());
    }

    @Test
    void aNormalCallBreaksTheStreak() {
        RecoveryState st = RecoveryState.FRESH;
        for (int i = 0; i < 4; i++) {
            st = RecoveryTracker.apply(st, call(i * 6, 5, "complaint", null, false, false), S).state();
        }
        st = RecoveryTracker.apply(st, call(24, 5, "billing", 0.3, false, false), S).state();
        assertEquals(0, st.difficultStreak());
        assertTrue(RecoveryTracker.apply(st, call(30, 5, "complaint", null, false, false), S).alerts().isEmpty());
    }

    @Test
    void aLongEnoughBreakAfterASevereCallClearsTheDebt() {
        RecoveryTracker.Result severe = RecoveryTracker.apply(RecoveryState.FRESH, call(0, 5, null, 0.0, false, true), S);
        // a lone severe contact makes the break due without an alert (it happens to everyone)
        assertTrue(severe.alerts().isEmpty());
        assertTrue(severe.state().due());
        RecoveryState shortBreak = RecoveryTracker.apply(severe.state(), pause("BREAK", 5, 4), S).state();
        assertTrue(shortBreak.due(), "4 minutes are not the 10-minute recovery break");
        assertEquals(6, shortBreak.debtMinutes());
        RecoveryState recovered = RecoveryTracker.apply(shortBreak, pause("SCHEDULED_RECOVERY", 10, 10), S).state();
        assertFalse(recovered.due());
        assertEquals(0, recovered.debtMinutes());
        assertTrue(RecoveryTracker.apply(recovered, call(21, 5, null, 0.5, false, false), S).alerts().isEmpty());
    }

    @Test
    void timeWithoutWorkOfABreakLengthIsRecoveryShorterGapsAreNot() {
        RecoveryState owed = RecoveryTracker.apply(RecoveryState.FRESH, call(0, 5, null, 0.0, false, true), S).state();
        // Back 8 minutes after the severe call: not a break's length, so the break is still owed.
        assertTrue(RecoveryTracker.apply(owed, call(13, 5, "billing", 0.5, false, false), S).state().due());
        // Back the next morning: the night was the break; no violation, nothing owed.
        RecoveryTracker.Result nextMorning = RecoveryTracker.apply(owed, call(24 * 60, 5, "billing", 0.5, false,
                false), S);
        assertTrue(nextMorning.alerts().isEmpty());
        assertFalse(nextMorning.state().due());
        assertEquals(0, nextMorning.state().debtMinutes());
        // Asked at a time: owed until a break's length has passed since the last activity.
        assertTrue(RecoveryTracker.afterIdle(owed, T0.plusSeconds(14 * 60), S).owesRecovery());
        assertFalse(RecoveryTracker.afterIdle(owed, T0.plusSeconds(15 * 60), S).owesRecovery());
    }
}
