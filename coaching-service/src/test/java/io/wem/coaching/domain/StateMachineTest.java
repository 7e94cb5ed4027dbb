package io.wem.coaching.domain;

import org.junit.jupiter.api.Test;

import static io.wem.coaching.domain.InterventionState.*;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateMachineTest {

    @Test
    void happyPathIsAllowed() {
        InterventionState[] path = {PROPOSED, AWAITING_GUARDRAIL, ASSIGNED, SCHEDULED, IN_PROGRESS, COMPLETED, FOLLOW_UP,
                CLOSED_EFFECTIVE};
        for (int k = 1; k < path.length; k++) {
            assertTrue(StateMachine.allowed(path[k - 1], path[k]), path[k - 1] + " -> " + path[k]);
        }
    }

    @Test
    void nothingLeavesATerminalState() {
        for (InterventionState s : InterventionState.values()) {
            if (s.terminal()) {
                assertTrue(StateMachine.next(s).isEmpty(), s.name());
            }
        }
    }

    @Test
    void guardrailCannotBeSkipped() {
        assertFalse(StateMachine.allowed(PROPOSED, IN_PROGRESS));
        assertFalse(StateMachine.allowed(DEFERRED, ASSIGNED));
        // The service may assign after ALLOW, but an owner may never ask for it.
        StateMachine.IllegalTransitionException e = assertThrows(StateMachine.IllegalTransitionException.class,
                () -> StateMachine.checkByOwner(AWAITING_GUARDRAIL, ASSIGNED));
        assertEquals(AWAITING_GUARDRAIL, e.from());
        assertEquals(ASSIGNED, e.to());
        assertTrue(e.getMessage().contains("AWAITING_GUARDRAIL -> ASSIGNED"));
    }

    @Test
    void ownersCannotCloseWithoutMeasurement() {
        assertThrows(StateMachine.IllegalTransitionException.class, () -> StateMachine.checkByOwner(FOLLOW_UP, CLOSED_EFFECTIVE));
        assertThrows(StateMachine.IllegalTransitionException.class, () -> StateMachine.checkByOwner(ASSIGNED, COMPLETED));
        assertDoesNotThrow(() -> StateMachine.checkByOwner(ASSIGNED, IN_PROGRESS));
        assertDoesNotThrow(() -> StateMachine.checkByOwner(IN_PROGRESS, COMPLETED));
    }
}
