package io.wem.demo.generator;

import java.util.List;

/**
 * A situation deliberately planted in the generated data, with what the suite is expected to make of it. The demo
 * report compares each expectation with what the suite's APIs return.
 *
 * @param id                stable name (a, b, ... in docs/demo.md)
 * @param agentIds          the agents whose data carries the situation (for a process or capacity situation: the
 *                          team members affected)
 * @param behaviorId        built-in behavior the gap should be about, or null when no gap is expected
 * @param expectedGapType   SKILL, PROCESS, CAPACITY ..., or null
 * @param expectedOwnerRole role that should own the intervention (supervisor/coach, process-owner, wfm-planner), or null
 * @param expectedAlertKinds wellbeing alert kinds expected for the agent(s)
 * @param expectedGuardrail guardrail decision expected on the agent's next intervention (DEFER), or null
 */
public record PlantedScenario(String id, String title, String description, String teamId, List<String> agentIds,
                              String behaviorId, String expectedGapType, List<String> expectedOwnerRoles,
                              List<String> expectedAlertKinds, String expectedGuardrail) {

    public PlantedScenario {
        agentIds = List.copyOf(agentIds);
        expectedOwnerRoles = List.copyOf(expectedOwnerRoles);
        expectedAlertKinds = List.copyOf(expectedAlertKinds);
    }

    /** The single agent of an agent-level scenario (the first affected agent otherwise). */
    public String agentId() {
        return agentIds.get(0);
    }
}
