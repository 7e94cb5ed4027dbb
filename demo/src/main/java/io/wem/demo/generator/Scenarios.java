package io.wem.demo.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * The six planted situations of the demo, by stable id. Agents are named after their team and index
 * ({@code agent-north-01}); with the default teams the realm's users agent1/agent2/agent3 are agent-north-01,
 * agent-north-02 and agent-south-01, so they can log in and see their own part of the story.
 */
public final class Scenarios {

    public static final String ACW_TOP_CSAT = "a-acw-top-csat";
    public static final String COMPLAINT_EMPATHY = "b-complaint-empathy";
    public static final String BILLING_KNOWLEDGE_GAP = "c-billing-knowledge-gap";
    public static final String UNDERSTAFFED_AFTERNOON = "d-understaffed-afternoon";
    public static final String HARDEST_QUEUE_NO_RECOVERY = "e-hardest-queue-no-recovery";
    public static final String MONITORING_CAP = "f-monitoring-cap";

    /** Afternoon hours (UTC, every day) in which the capacity team's queues are understaffed. */
    public static final int UNDERSTAFFED_FROM_HOUR = 13;
    public static final int UNDERSTAFFED_TO_HOUR = 17;
    /** Share of the process team's agents who carry the billing-dispute repeat problem. */
    public static final double PROCESS_TEAM_SHARE = 0.8;
    public static final int MONITORING_CAP_HUMAN_QA = 14;
    public static final int MONITORING_CAP_LIVE_SESSIONS = 10;
    /**
     * Minimum detectable effects, as hold time per contact against the usual (agent's or team's): docs/calibration.md,
     * "Minimum detectable effect" (./wem calibrate, tuning seeds 1..60 and held-out seeds 201..260, 2026-12-04: 2.5x
     * all kinds pooled, confirmed held out). The demo plants at the documented MDE, not far above it.
     */
    public static final double MDE_HOLD_RATIO = 2.5;
    public static final double MDE_CAPACITY_HOLD_RATIO = 2.5;
    /** The capped agent's holds: half the contacts (team: about one in five, 40 s), long enough for MDE_HOLD_RATIO. */
    public static final double MONITORING_CAP_HOLD_PROBABILITY = 0.5;
    public static final double MONITORING_CAP_HOLD_MEAN_SECONDS = MDE_HOLD_RATIO * AgentProfile.Norms.HOLD_PROBABILITY
            * AgentProfile.Norms.HOLD_MEAN / MONITORING_CAP_HOLD_PROBABILITY;
    /** In the understaffed hours holds are this much likelier; their length makes up the rest of the capacity MDE. */
    public static final double UNDERSTAFFED_HOLD_LIKELIER = 2.0;
    /** The hardest queue: cancellations and complaints, the most negative sentiment and escalations. */
    public static final String HARDEST_QUEUE = "retention";

    private Scenarios() {
    }

    public static String agentId(String teamId, int index, int teamSize) {
        String suffix = teamId.startsWith("team-") ? teamId.substring(5) : teamId;
        return String.format(teamSize > 99 ? "agent-%s-%03d" : "agent-%s-%02d", suffix, index);
    }

    /** The scenarios for a roster of {@code perTeam[i]} agents in team i. */
    static List<PlantedScenario> plan(List<String> teams, int[] perTeam) {
        String north = teams.get(0);
        String south = teams.get(1);
        String east = teams.get(2);
        List<PlantedScenario> list = new ArrayList<>();
        list.add(new PlantedScenario(ACW_TOP_CSAT, "Long wrap-up, top satisfaction",
                "After-call work about three times the team median on every contact while CSAT is in the top quartile:"
                        + " a personal habit, not a quality problem.",
                north, List.of(agentId(north, 1, perTeam[0])), "acw-habits", "SKILL",
                List.of("supervisor", "coach"), List.of(), null));
        list.add(new PlantedScenario(COMPLAINT_EMPATHY, "Weak empathy on complaints",
                "QA 'empathy' criterion around 45/100 on complaint contacts (team around 80); normal on other contacts.",
                south, List.of(agentId(south, 1, perTeam[1])), "complaint-empathy", "SKILL",
                List.of("supervisor", "coach"), List.of(), null));
        int affected = (int) Math.round(perTeam[2] * PROCESS_TEAM_SHARE);
        List<String> eastAgents = new ArrayList<>();
        for (int i = 1; i <= affected; i++) {
            eastAgents.add(agentId(east, i, perTeam[2]));
        }
        list.add(new PlantedScenario(BILLING_KNOWLEDGE_GAP, "Billing disputes repeat: a knowledge gap in one team",
                affected + " of " + perTeam[2] + " agents of " + east + " see about 45% of their billing disputes come"
                        + " back (other teams about 8%): the knowledge base is wrong, not the agents.",
                east, eastAgents, "repeat-contacts", "PROCESS", List.of("process-owner"), List.of(), null));
        List<String> lateSouth = new ArrayList<>();
        for (int i = perTeam[1] / 2 + 1; i <= perTeam[1]; i++) {
            lateSouth.add(agentId(south, i, perTeam[1]));
        }
        list.add(new PlantedScenario(UNDERSTAFFED_AFTERNOON, "Understaffed afternoons",
                "Every day " + UNDERSTAFFED_FROM_HOUR + ":00-" + UNDERSTAFFED_TO_HOUR + ":00 UTC " + south
                        + " has about 1.5x more required than scheduled agents on every queue (occupancy 97%); in those"
                        + " intervals holds, wrap-up and transfers of the team deteriorate. The late shift ("
                        + lateSouth.size() + " agents) works most of those hours.",
                south, lateSouth, "hold-usage", "CAPACITY", List.of("wfm-planner"), List.of(), null));
        list.add(new PlantedScenario(HARDEST_QUEUE_NO_RECOVERY, "Strong performer on the hardest queue, no recovery",
                "Top QA scores, routed to the '" + HARDEST_QUEUE + "' queue for 90% of contacts: cancellations and"
                        + " complaints with negative sentiment, escalations and some abusive customers, back to back"
                        + " within seconds and no breaks all week.",
                north, List.of(agentId(north, 5, perTeam[0])), null, null, List.of(),
                List.of("RECOVERY_VIOLATION", "EMOTIONAL_LOAD"), null));
        // In the process team but outside the share that carries the billing problem, so nothing else is planted.
        list.add(new PlantedScenario(MONITORING_CAP, "Already at the monitoring cap",
                "Long holds on most contacts (about 70 s per contact, team about 12 s): the hold-usage gap is real and"
                        + " its playbook is side-by-side coaching, which is live monitoring. But the agent has had "
                        + MONITORING_CAP_HUMAN_QA + " QA evaluations by people and " + MONITORING_CAP_LIVE_SESSIONS
                        + " live-listening sessions in the days since the measured week, i.e. in the guardrail's"
                        + " rolling window when the coaching is planned: it must be deferred for the monitoring cap.",
                east, List.of(agentId(east, perTeam[2], perTeam[2])), "hold-usage", "SKILL",
                List.of("coach", "supervisor"), List.of(), "DEFER"));
        return List.copyOf(list);
    }
}
