package io.wem.coaching.domain;

import io.wem.common.contracts.GapType;
import io.wem.common.security.Caller;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterventionAccessTest {

    static Caller caller(Set<String> roles, Set<String> teams) {
        return new Caller("s", "u", roles, teams, null, null);
    }

    static final InterventionAccess.Target SKILL = new InterventionAccess.Target("agent-1", "team-north", GapType.SKILL, OwnerRole.COACH);
    static final InterventionAccess.Target PROCESS = new InterventionAccess.Target(null, "team-north", GapType.PROCESS, OwnerRole.PROCESS_OWNER);

    @Test
    void teamScopedReadAndAct() {
        assertTrue(InterventionAccess.canRead(caller(Set.of("coach"), Set.of("team-north")), SKILL));
        assertFalse(InterventionAccess.canRead(caller(Set.of("coach"), Set.of("team-south")), SKILL));
        assertTrue(InterventionAccess.canAct(caller(Set.of("coach"), Set.of("team-north")), SKILL));
        // The supervisor may read the coach's work with their agent but not move it.
        assertTrue(InterventionAccess.canRead(caller(Set.of("supervisor"), Set.of("team-north")), SKILL));
        assertFalse(InterventionAccess.canAct(caller(Set.of("supervisor"), Set.of("team-north")), SKILL));
    }

    @Test
    void nobodyOutsideTheTeamReadsCoachingNotes() {
        assertFalse(InterventionAccess.canRead(caller(Set.of("ciso"), Set.of()), SKILL));
        assertFalse(InterventionAccess.canRead(caller(Set.of("platform-admin"), Set.of()), SKILL));
        assertFalse(InterventionAccess.canRead(caller(Set.of("process-owner"), Set.of()), SKILL));
        assertFalse(InterventionAccess.canRead(caller(Set.of("ciso"), Set.of("team-north")), SKILL));
    }

    @Test
    void processOwnerWorksAcrossTeams() {
        assertTrue(InterventionAccess.canRead(caller(Set.of("process-owner"), Set.of()), PROCESS));
        assertTrue(InterventionAccess.canAct(caller(Set.of("process-owner"), Set.of()), PROCESS));
        assertFalse(InterventionAccess.canAct(caller(Set.of("wfm-planner"), Set.of()), PROCESS));
        assertFalse(InterventionAccess.canReview(caller(Set.of("supervisor"), Set.of("team-north")), PROCESS));
    }
}
