package io.wem.demo.driver;

import io.wem.demo.generator.PlantedScenario;
import io.wem.demo.generator.Scenarios;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static io.wem.demo.driver.ScenarioJudgeTest.ROSTER;
import static io.wem.demo.driver.ScenarioJudgeTest.WEEK;
import static io.wem.demo.driver.ScenarioJudgeTest.iv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrictJudgeTest {

    static final Set<String> TEAMS = new TreeSet<>(List.of("team-north", "team-south", "team-east"));

    static Findings.Gap gap(String agent, String team, String behavior, String type) {
        return new Findings.Gap("g-" + agent + behavior, agent, team, behavior, type, List.of(), "test");
    }

    @Test
    void aGapOnAPlantedAgentForAnotherBehaviorIsFalse() {
        PlantedScenario a = WEEK.scenario(Scenarios.ACW_TOP_CSAT);
        List<Findings.Gap> gaps = List.of(
                gap(a.agentId(), a.teamId(), "acw-habits", "SKILL"),            // planted
                gap(a.agentId(), a.teamId(), "transfers", "SKILL"),             // planted agent, other behavior
                gap("agent-north-09", "team-north", "hold-usage", "SKILL"),     // nothing planted
                gap("agent-east-03", "team-east", "repeat-contacts", "SKILL"),  // part of the team-level process finding
                gap("someone-else", "team-x", "transfers", "SKILL"));           // not this demo's data
        List<StrictJudge.FalseGap> f = StrictJudge.falseGaps(WEEK.scenarios(), gaps, ROSTER, TEAMS);
        assertEquals(2, f.size(), f.toString());
        assertTrue(f.get(0).onPlantedAgent());
        assertEquals("agent-north-09", f.get(1).gap().agentId());
    }

    @Test
    void extraDuplicateAndWronglyStatedInterventionsArePenalised() {
        PlantedScenario a = WEEK.scenario(Scenarios.ACW_TOP_CSAT);
        PlantedScenario f = WEEK.scenario(Scenarios.MONITORING_CAP);
        List<Findings.Intervention> ivs = new ArrayList<>(List.of(
                iv(a.agentId(), a.teamId(), "acw-habits", "SKILL", "coach", "ASSIGNED"),
                iv(a.agentId(), a.teamId(), "acw-habits", "SKILL", "coach", "CANCELLED"),       // duplicate, wrong state
                iv("agent-north-09", "team-north", "hold-usage", "SKILL", "coach", "ASSIGNED"),  // extra
                iv(f.agentId(), f.teamId(), "hold-usage", "SKILL", "coach", "ASSIGNED")));      // should be DEFERRED
        StrictJudge.InterventionIssues issues = StrictJudge.interventions(WEEK.scenarios(), ivs, ROSTER, TEAMS);
        assertEquals(1, issues.extra().size());
        assertEquals(1, issues.duplicates().size());
        assertEquals(2, issues.wrongStates().size(), issues.wrongStates().toString());
        assertEquals(4, issues.penalties());
        StrictJudge.InterventionIssues clean = StrictJudge.interventions(WEEK.scenarios(), List.of(
                iv(a.agentId(), a.teamId(), "acw-habits", "SKILL", "coach", "ASSIGNED"),
                iv(null, "team-east", "repeat-contacts", "PROCESS", "process-owner", "ASSIGNED")), ROSTER, TEAMS);
        assertEquals(0, clean.penalties());
    }

    @Test
    void anAlertKindThatFiresForEveryoneIsNotEvidence() {
        PlantedScenario e = WEEK.scenario(Scenarios.HARDEST_QUEUE_NO_RECOVERY);
        List<Findings.Alert> alerts = new ArrayList<>();
        alerts.add(new Findings.Alert(e.agentId(), e.teamId(), "EMOTIONAL_LOAD", "HIGH"));
        alerts.add(new Findings.Alert(e.agentId(), e.teamId(), "RECOVERY_VIOLATION", "HIGH"));
        // RECOVERY_VIOLATION for half the roster
        ROSTER.stream().sorted().limit(ROSTER.size() / 2).forEach(x -> alerts.add(new Findings.Alert(x, "t", "RECOVERY_VIOLATION", "LOW")));
        var v = ScenarioJudgeTest.judge(e, List.of(), List.of(), alerts);
        assertEquals(ScenarioJudge.Status.FOUND_BUT_MISROUTED, v.status(), v.found());
        assertTrue(v.found().contains("not evidence"), v.found());
        // The same two kinds, specific to the agent: found.
        var specific = ScenarioJudgeTest.judge(e, List.of(), List.of(), alerts.subList(0, 2));
        assertEquals(ScenarioJudge.Status.FOUND_AND_ROUTED, specific.status());
        double base = StrictJudge.alertBaseRate("RECOVERY_VIOLATION", WEEK.scenarios(), alerts, ROSTER);
        assertTrue(base > 0.45 && base < 0.55, String.valueOf(base));
    }

    @Test
    void verdictsAreSetAgainstGroundTruth() {
        assertEquals(StrictJudge.Agreement.AGREES, StrictJudge.agreement("CLOSED_EFFECTIVE", true));
        assertEquals(StrictJudge.Agreement.AGREES, StrictJudge.agreement("CLOSED_INEFFECTIVE", false));
        assertEquals(StrictJudge.Agreement.WRONG_EFFECTIVE, StrictJudge.agreement("CLOSED_EFFECTIVE", false));
        assertEquals(StrictJudge.Agreement.WRONG_INEFFECTIVE, StrictJudge.agreement("CLOSED_INEFFECTIVE", true));
        assertEquals(StrictJudge.Agreement.INCONCLUSIVE, StrictJudge.agreement("CLOSED_INCONCLUSIVE", true));
        assertEquals(StrictJudge.Agreement.NO_GROUND_TRUTH, StrictJudge.agreement("CLOSED_EFFECTIVE", null));
        assertEquals(StrictJudge.Agreement.NOT_EVALUATED, StrictJudge.agreement("FOLLOW_UP", true));
    }

    @Test
    void poissonIntervalMatchesPublishedValues() {
        // Garwood intervals (e.g. Ulm 1990 tables): k=0 → [0, 3.689], k=1 → [0.0253, 5.572], k=10 → [4.795, 18.39]
        double[] z = StrictJudge.poissonInterval(0);
        assertEquals(0, z[0], 1e-9);
        assertEquals(3.689, z[1], 1e-3);
        double[] one = StrictJudge.poissonInterval(1);
        assertEquals(0.0253, one[0], 1e-4);
        assertEquals(5.572, one[1], 1e-3);
        double[] ten = StrictJudge.poissonInterval(10);
        assertEquals(4.795, ten[0], 1e-3);
        assertEquals(18.39, ten[1], 1e-2);
    }
}
