package io.wem.signal.domain;

import io.wem.common.contracts.BehaviorGapDetected;
import io.wem.common.contracts.GapType;
import io.wem.common.security.Caller;
import io.wem.common.security.Roles;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An agent never learns from a gap which teammates share it; people in scope still do. */
class GapDisclosureTest {

    static BehaviorGapDetected gap(String agent, String team, List<String> affected) {
        Instant t = Instant.parse("2026-11-25T09:00:00Z");
        return new BehaviorGapDetected("g-" + agent, agent, team, "hold-usage", 1, "hold_seconds", 88, 31,
                "ORG_MEDIAN", 2.4, 30, 75, 101, List.of("int-1"), GapType.PROCESS, "3 of 5 agents", affected,
                "billing", "general", 0.6, t.minusSeconds(86400), t, t);
    }

    static Caller agent(String id, String team) {
        return new Caller("s-" + id, "u-" + id, Set.of(Roles.AGENT), Set.of(team), id, null);
    }

    static Caller person(String role, String... teams) {
        return new Caller("s-" + role, "u-" + role, Set.of(role), Set.of(teams), null, null);
    }

    @Test
    void theAgentSeesOnlyThemselfAndTheCount() {
        BehaviorGapDetected g = gap("a2", "t", List.of("a1", "a2", "a3"));
        assertEquals(List.of("a2"), GapDisclosure.forViewer(g, agent("a2", "t")).affectedAgentIds());
        assertEquals(3, GapDisclosure.affectedCount(g));
        assertEquals(List.of("a1", "a2", "a3"), GapDisclosure.forViewer(g, person(Roles.SUPERVISOR, "t"))
                .affectedAgentIds());
        assertEquals(List.of("a1", "a2", "a3"), GapDisclosure.forViewer(g, person(Roles.COACH, "t")).affectedAgentIds());
        assertEquals(List.of("a1", "a2", "a3"), GapDisclosure.forViewer(g, person(Roles.QA_ANALYST)).affectedAgentIds());
        assertEquals(List.of(), GapDisclosure.forViewer(g, person(Roles.SUPERVISOR, "other")).affectedAgentIds());
        assertEquals(List.of(), GapDisclosure.forViewer(g, person(Roles.WFM_PLANNER)).affectedAgentIds());
    }

    /** For random teams, viewers and affected lists (seed fixed): an agent's view holds at most their own id. */
    @Test
    void noAgentEverSeesAnotherAgentsId() {
        Random rnd = new Random(20261204L);
        for (int run = 0; run < 2000; run++) {
            int size = rnd.nextInt(12);
            List<String> affected = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                affected.add("agent-" + rnd.nextInt(40) + (rnd.nextBoolean() ? "" : "-" + (char) ('a' + rnd.nextInt(26))));
            }
            String team = "team-" + rnd.nextInt(3);
            String viewerId = rnd.nextBoolean() && !affected.isEmpty() ? affected.get(rnd.nextInt(affected.size()))
                    : "agent-" + rnd.nextInt(40);
            Caller viewer = agent(viewerId, rnd.nextBoolean() ? team : "team-9");
            BehaviorGapDetected g = gap(viewerId, team, affected);
            List<String> seen = GapDisclosure.forViewer(g, viewer).affectedAgentIds();
            assertTrue(seen.stream().allMatch(viewerId::equals), "run " + run + ": " + seen + " for " + viewerId);
            assertEquals(affected.contains(viewerId), seen.contains(viewerId), "run " + run);
            assertEquals(affected.size(), GapDisclosure.affectedCount(g));
        }
    }
}
