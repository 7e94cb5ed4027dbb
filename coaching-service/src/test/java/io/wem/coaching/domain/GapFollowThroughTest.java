package io.wem.coaching.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static io.wem.coaching.domain.GapFollowThrough.Action.CANCEL;
import static io.wem.coaching.domain.GapFollowThrough.Action.NONE;
import static io.wem.coaching.domain.GapFollowThrough.Action.TELL_OWNER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GapFollowThroughTest {

    @Test
    void workAnOwnerHoldsIsFlaggedNotDroppedNorLeftSilent() {
        assertEquals(TELL_OWNER, GapFollowThrough.onGapResolved(InterventionState.ASSIGNED, 0));
        assertEquals(TELL_OWNER, GapFollowThrough.onGapResolved(InterventionState.SCHEDULED, 0));
        assertEquals(TELL_OWNER, GapFollowThrough.onGapResolved(InterventionState.IN_PROGRESS, 0));
    }

    @Test
    void workThatReachedNobodyIsCancelled() {
        for (InterventionState s : new InterventionState[]{InterventionState.PROPOSED,
                InterventionState.AWAITING_GUARDRAIL, InterventionState.DEFERRED, InterventionState.AWAITING_REVIEW}) {
            assertEquals(CANCEL, GapFollowThrough.onGapResolved(s, 0), s.name());
        }
    }

    @Test
    void completedOrClosedWorkIsLeftToItsFollowUp() {
        for (InterventionState s : new InterventionState[]{InterventionState.COMPLETED, InterventionState.FOLLOW_UP,
                InterventionState.CLOSED_EFFECTIVE, InterventionState.CLOSED_INCONCLUSIVE, InterventionState.CANCELLED}) {
            assertEquals(NONE, GapFollowThrough.onGapResolved(s, 0), s.name());
        }
        assertThrows(IllegalArgumentException.class, () -> GapFollowThrough.onGapResolved(InterventionState.ASSIGNED, -1));
    }

    /** While any linked gap is open, nothing happens, whatever the state. */
    @Property(tries = 200)
    void anOpenGapKeepsEverythingAsItIs(@ForAll InterventionState state, @ForAll @LongRange(min = 1, max = 10_000) long open) {
        assertEquals(NONE, GapFollowThrough.onGapResolved(state, open));
    }

    /** Every state of owner work ends in TELL_OWNER once all gaps are resolved: none stays silent. */
    @Property(tries = 50)
    void ownerWorkIsAlwaysTold(@ForAll InterventionState state) {
        boolean held = state == InterventionState.ASSIGNED || state == InterventionState.SCHEDULED
                || state == InterventionState.IN_PROGRESS;
        assertEquals(held, GapFollowThrough.onGapResolved(state, 0) == TELL_OWNER);
    }
}
