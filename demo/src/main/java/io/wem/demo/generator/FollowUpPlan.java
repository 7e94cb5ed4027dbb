package io.wem.demo.generator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What happened between the measured week and the follow-up week: which agents were coached and whether the
 * organisation fixed the process and the staffing. The generator turns it into a second week in which some coached
 * agents move to the team norm and others do not, while one team drifts as a whole (so an intervention is only
 * credited with the change beyond its comparison group).
 *
 * @param coachedAgents  agents who received coaching after the first week
 * @param processFixed   the billing knowledge article was fixed (the process team's repeats return to normal)
 * @param staffingFixed  WFM added afternoon staff (the capacity team's afternoons return to normal)
 */
public record FollowUpPlan(Set<String> coachedAgents, boolean processFixed, boolean staffingFixed) {

    /** Team-wide drift in the follow-up week: the whole second team's complaint empathy rises by this much. */
    public static final double TEAM_EMPATHY_DRIFT = 10;

    public FollowUpPlan {
        coachedAgents = Set.copyOf(new TreeSet<>(coachedAgents));
    }

    /**
     * Who improves, decided without randomness the reader cannot follow: the long-wrap-up agent (a) improves; the
     * weak-empathy agent (b) does not (only the team-wide drift moves their score); the agent at the monitoring cap
     * (f) was deferred and does not change; any other coached agent improves when their index in the team is odd.
     */
    public Map<String, Boolean> outcomes(List<PlantedScenario> scenarios, List<AgentProfile> roster) {
        Map<String, PlantedScenario> byAgent = new LinkedHashMap<>();
        for (PlantedScenario s : scenarios) {
            if (s.agentIds().size() == 1) {
                byAgent.put(s.agentId(), s);
            }
        }
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (AgentProfile a : roster) {
            if (!coachedAgents.contains(a.agentId())) {
                continue;
            }
            PlantedScenario s = byAgent.get(a.agentId());
            boolean improves;
            if (s != null && s.id().equals(Scenarios.ACW_TOP_CSAT)) {
                improves = true;
            } else if (s != null && (s.id().equals(Scenarios.COMPLAINT_EMPATHY) || s.id().equals(Scenarios.MONITORING_CAP))) {
                improves = false;
            } else {
                improves = a.indexInTeam() % 2 == 1;
            }
            out.put(a.agentId(), improves);
        }
        return out;
    }
}
