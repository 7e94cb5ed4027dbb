package io.wem.demo.driver;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A second demo run on a stack that was not reset judges only what it produced itself. */
class RunScopeTest {

    private static Findings.Intervention intervention(String id, String agent, String behavior) {
        return new Findings.Intervention(id, "g-" + id, agent, "team-north", behavior, "SKILL", "COACHING", "coach",
                "ASSIGNED", "pb", null, List.of(), null, null);
    }

    private static Findings.Gap gap(String id, String agent, String behavior) {
        return new Findings.Gap(id, agent, "team-north", behavior, "SKILL", List.of(), "signal-service");
    }

    private static Findings.Alert alert(String agent, String kind) {
        return new Findings.Alert(agent, "team-north", kind, "WARNING");
    }

    @Test
    void anEarlierRunsWorkIsLeftOutAndTheRunsOwnIsKept() {
        RunScope scope = RunScope.startingFrom(List.of(gap("g1", "agent-north-01", "acw-habits")),
                List.of(intervention("i1", "agent-north-01", "acw-habits")),
                List.of(alert("agent-north-02", "RECOVERY_DUE")));
        assertTrue(scope.carriesOver());
        assertEquals(1, scope.gapsBefore());
        assertEquals(1, scope.interventionsBefore());
        assertEquals(1, scope.alertsBefore());

        // the same agent and behavior again, as a duplicate of the earlier run's would look: judged only if new
        List<Findings.Intervention> now = List.of(intervention("i1", "agent-north-01", "acw-habits"),
                intervention("i2", "agent-north-01", "acw-habits"), intervention("i3", "agent-north-03", "empathy"));
        assertEquals(List.of("i2", "i3"), scope.interventions(now).stream().map(Findings.Intervention::id).toList());
        assertEquals(List.of("g2"), scope.gaps(List.of(gap("g1", "agent-north-01", "acw-habits"),
                gap("g2", "agent-north-01", "acw-habits"))).stream().map(Findings.Gap::gapId).toList());
        // alerts carry no id: as many of each (agent, kind) as were there before are left out, the rest kept
        List<Findings.Alert> alerts = scope.alerts(List.of(alert("agent-north-02", "RECOVERY_DUE"),
                alert("agent-north-02", "RECOVERY_DUE"), alert("agent-north-03", "RECOVERY_DUE")));
        assertEquals(2, alerts.size());
        assertNull(scope.alerts(null));
    }

    @Test
    void aFreshStackKeepsEverything() {
        RunScope scope = RunScope.startingFrom(List.of(), List.of(), null);
        assertFalse(scope.carriesOver());
        List<Findings.Intervention> now = List.of(intervention("i1", "a", "b"));
        assertEquals(now, scope.interventions(now));
        assertEquals(0, RunScope.EMPTY.alertsBefore());
    }
}
