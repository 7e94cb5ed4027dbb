package io.wem.console.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class InterventionActionsTest {

    private static List<String> targets(String state) {
        return InterventionActions.offered(state).stream().map(InterventionActions.Action::to).toList();
    }

    @Test
    void ownersMovesFollowCoachingsStateMachine() {
        assertEquals(List.of("SCHEDULED", "IN_PROGRESS", "CANCELLED"), targets("ASSIGNED"));
        assertEquals(List.of("IN_PROGRESS", "CANCELLED"), targets("SCHEDULED"));
        assertEquals(List.of("COMPLETED", "CANCELLED"), targets("IN_PROGRESS"));
    }

    @Test
    void statesTheServiceMovesItselfOfferNothing() {
        for (String s : List.of("AWAITING_GUARDRAIL", "AWAITING_REVIEW", "FOLLOW_UP", "COMPLETED", "CANCELLED",
                "EFFECTIVE", "unknown")) {
            assertTrue(targets(s).isEmpty(), s);
        }
        assertTrue(targets(null).isEmpty());
    }
}
