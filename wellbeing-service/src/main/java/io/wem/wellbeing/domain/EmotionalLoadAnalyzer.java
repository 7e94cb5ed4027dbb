package io.wem.wellbeing.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Emotional-labor load of a team. A queue is "hard" when its share of difficult interactions is at least
 * {@code hardQueueFactor} times the team's. A strong performer (average QA score at or above the team's
 * {@code strongPerformerPercentile}, among at least {@code minScoredAgents} scored agents) is flagged when their
 * share of interactions on hard queues is at least {@code disproportionFactor} times the rest of the team's:
 * good agents quietly absorbing the worst calls is how teams lose them.
 */
public final class EmotionalLoadAnalyzer {

    private EmotionalLoadAnalyzer() {
    }

    /** Interactions of one agent on one queue. */
    public record QueueTally(String agentId, String queue, int interactions, int difficult) {
    }

    public record AgentLoad(String agentId, int interactions, int difficult, double difficultShare,
                            double hardQueueShare, Double averageQaScore, boolean strongPerformer, boolean flagged,
                            String message) {
    }

    public record TeamLoad(double teamDifficultShare, Set<String> hardQueues, Map<String, AgentLoad> agents) {
    }

    public static TeamLoad analyze(List<QueueTally> tallies, Map<String, Double> averageQaScores,
                                   GuardrailPolicy.LoadSettings s) {
        int teamTotal = 0;
        int teamDifficult = 0;
        Map<String, int[]> perQueue = new HashMap<>();
        Map<String, int[]> perAgent = new HashMap<>();
        for (QueueTally t : tallies) {
            teamTotal += t.interactions();
            teamDifficult += t.difficult();
            int[] q = perQueue.computeIfAbsent(t.queue(), k -> new int[2]);
            q[0] += t.interactions();
            q[1] += t.difficult();
            int[] a = perAgent.computeIfAbsent(t.agentId(), k -> new int[3]);
            a[0] += t.interactions();
            a[1] += t.difficult();
        }
        double teamShare = teamTotal == 0 ? 0 : (double) teamDifficult / teamTotal;
        Set<String> hard = new HashSet<>();
        perQueue.forEach((queue, q) -> {
            double share = q[0] == 0 ? 0 : (double) q[1] / q[0];
            if (q[0] > 0 && teamShare > 0 && share >= s.hardQueueFactor() * teamShare) {
                hard.add(queue);
            }
        });
        for (QueueTally t : tallies) {
            if (hard.contains(t.queue())) {
                perAgent.get(t.agentId())[2] += t.interactions();
            }
        }
        Double strongThreshold = threshold(averageQaScores, perAgent.keySet(), s);
        int totalHard = perAgent.values().stream().mapToInt(a -> a[2]).sum();
        Map<String, AgentLoad> loads = new HashMap<>();
        perAgent.forEach((agent, a) -> {
            double share = a[0] == 0 ? 0 : (double) a[1] / a[0];
            double hardShare = a[0] == 0 ? 0 : (double) a[2] / a[0];
            int othersTotal = 0;
            for (Map.Entry<String, int[]> e : perAgent.entrySet()) {
                if (!e.getKey().equals(agent)) {
                    othersTotal += e.getValue()[0];
                }
            }
            double othersHardShare = othersTotal == 0 ? 0 : (double) (totalHard - a[2]) / othersTotal;
            Double score = averageQaScores.get(agent);
            boolean strong = strongThreshold != null && score != null && score >= strongThreshold;
            boolean disproportionate = hardShare > 0 && hardShare >= s.disproportionFactor() * othersHardShare;
            boolean flagged = strong && a[0] >= s.minInteractions() && disproportionate;
            String message = flagged ? String.format(java.util.Locale.ROOT,
                    "A strong performer (average QA score %.0f) handles %.0f%% of their interactions on the hardest "
                            + "queues %s, against %.0f%% for the rest of the team.",
                    score, hardShare * 100, new java.util.TreeSet<>(hard), othersHardShare * 100) : null;
            loads.put(agent, new AgentLoad(agent, a[0], a[1], IntensityWindow.round(share),
                    IntensityWindow.round(hardShare), score, strong, flagged, message));
        });
        return new TeamLoad(IntensityWindow.round(teamShare), hard, loads);
    }

    /** The QA score at the configured percentile of the team's agents, or null when too few are scored. */
    static Double threshold(Map<String, Double> scores, Set<String> agents, GuardrailPolicy.LoadSettings s) {
        List<Double> values = new ArrayList<>();
        for (String a : agents) {
            Double v = scores.get(a);
            if (v != null) {
                values.add(v);
            }
        }
        if (values.size() < s.minScoredAgents()) {
            return null;
        }
        values.sort(Double::compareTo);
        int idx = (int) Math.ceil(s.strongPerformerPercentile() * values.size()) - 1;
        return values.get(Math.max(0, Math.min(values.size() - 1, idx)));
    }
}
