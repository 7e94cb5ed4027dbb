package io.wem.demo.driver;

import io.wem.demo.generator.ContactCenterGenerator;
import io.wem.demo.generator.GeneratedWeek;
import io.wem.demo.generator.GeneratorOptions;
import io.wem.demo.generator.PlantedScenario;
import io.wem.demo.generator.Scenarios;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScenarioJudgeTest {

    static final GeneratedWeek WEEK = ContactCenterGenerator.generate(new GeneratorOptions(1,
            GeneratorOptions.DEFAULT_TEAMS, 60, 600, Instant.parse("2026-03-02T00:00:00Z"), 1, "j1", true));

    static Findings.Intervention iv(String agent, String team, String behavior, String type, String owner, String state) {
        return iv(agent, team, behavior, type, owner, state, null);
    }

    static Findings.Intervention iv(String agent, String team, String behavior, String type, String owner, String state,
                                    String guardrailReason) {
        return new Findings.Intervention("i-" + agent + behavior, "g-" + agent + behavior, agent, team, behavior, type,
                "COACHING_SESSION", owner, state, "pb", guardrailReason, List.of(), null, null);
    }

    static final java.util.Set<String> ROSTER = WEEK.roster().stream().map(a -> a.agentId())
            .collect(java.util.stream.Collectors.toSet());

    static ScenarioJudge.Verdict judge(PlantedScenario s, List<Findings.Gap> gaps, List<Findings.Intervention> ivs,
                                       List<Findings.Alert> alerts) {
        return ScenarioJudge.judge(s, gaps, ivs, alerts, WEEK.scenarios(), ROSTER);
    }

    @Test
    void skillGapRoutedToTheCoachIsFoundAndRouted() {
        PlantedScenario a = WEEK.scenario(Scenarios.ACW_TOP_CSAT);
        var v = judge(a, List.of(), List.of(iv("agent-north-01", "team-north", "acw-habits", "SKILL", "coach", "ASSIGNED")), List.of());
        assertEquals(ScenarioJudge.Status.FOUND_AND_ROUTED, v.status());
    }

    @Test
    void wrongTypeOrOwnerIsMisroutedAndAbsenceIsNotFound() {
        PlantedScenario c = WEEK.scenario(Scenarios.BILLING_KNOWLEDGE_GAP);
        // each affected agent coached separately: the process problem was blamed on the agents
        var blamed = judge(c, List.of(), List.of(iv("agent-east-01", "team-east", "repeat-contacts", "SKILL", "coach", "ASSIGNED")), List.of());
        assertEquals(ScenarioJudge.Status.FOUND_BUT_MISROUTED, blamed.status());
        var fixed = judge(c, List.of(), List.of(iv(null, "team-east", "repeat-contacts", "PROCESS", "process-owner", "ASSIGNED")), List.of());
        assertEquals(ScenarioJudge.Status.FOUND_AND_ROUTED, fixed.status());
        assertEquals(ScenarioJudge.Status.NOT_FOUND, judge(c, List.of(), List.of(), List.of()).status());
    }

    @Test
    void monitoringCapNeedsAnInterventionDeferredForTheCap() {
        PlantedScenario f = WEEK.scenario(Scenarios.MONITORING_CAP);
        assertEquals(ScenarioJudge.Status.FOUND_BUT_MISROUTED, judge(f, List.of(),
                List.of(iv(f.agentId(), f.teamId(), "hold-usage", "SKILL", "coach", "ASSIGNED", null)), List.of()).status());
        // deferred, but only for recovery time: the cap was not what held it back
        assertEquals(ScenarioJudge.Status.FOUND_BUT_MISROUTED, judge(f, List.of(),
                List.of(iv(f.agentId(), f.teamId(), "hold-usage", "SKILL", "coach", "DEFERRED",
                        "The agent is owed 10 minutes of recovery time after difficult interactions.")), List.of()).status());
        assertEquals(ScenarioJudge.Status.FOUND_AND_ROUTED, judge(f, List.of(),
                List.of(iv(f.agentId(), f.teamId(), "hold-usage", "SKILL", "coach", "DEFERRED",
                        "The agent already had 10 live monitoring sessions in the last 7 days, the team's cap is 2.")),
                List.of()).status());
    }

    @Test
    void alertScenarioNeedsBothAlertKinds() {
        PlantedScenario e = WEEK.scenario(Scenarios.HARDEST_QUEUE_NO_RECOVERY);
        assertEquals(ScenarioJudge.Status.NOT_CHECKED, judge(e, List.of(), List.of(), null).status());
        assertEquals(ScenarioJudge.Status.NOT_FOUND, judge(e, List.of(), List.of(),
                List.of(new Findings.Alert("agent-north-02", "team-north", "RECOVERY_VIOLATION", "HIGH"))).status());
        assertEquals(ScenarioJudge.Status.FOUND_BUT_MISROUTED, judge(e, List.of(), List.of(),
                List.of(new Findings.Alert("agent-north-05", "team-north", "RECOVERY_VIOLATION", "HIGH"))).status());
        assertEquals(ScenarioJudge.Status.FOUND_AND_ROUTED, judge(e, List.of(), List.of(),
                List.of(new Findings.Alert("agent-north-05", "team-north", "RECOVERY_VIOLATION", "HIGH"),
                        new Findings.Alert("agent-north-05", "team-north", "EMOTIONAL_LOAD", "MEDIUM"))).status());
    }
}
