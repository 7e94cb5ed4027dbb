package io.wem.demo.driver;

import io.wem.demo.generator.PlantedScenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The strict half of the demo's judging (issue #16): what the suite did that nothing planted asked for. False gaps
 * are counted over every agent, planted agents included, for behaviors not planted on them; interventions that match
 * no situation, or a second one for the same situation, are penalised; each situation's intervention must be in the
 * state the situation implies; every evaluated intervention's verdict is set against the generator's ground truth.
 * Pure functions of what the APIs returned, so they are tested without a suite.
 */
public final class StrictJudge {

    /**
     * An alert kind raised for at least this share of the agents with nothing planted on it says nothing about one
     * agent: it does not count as finding a situation (an alert that fires for everyone is ignored by people too).
     */
    public static final double NON_SPECIFIC_SHARE = 0.20;

    private StrictJudge() {
    }

    static boolean teamLevel(PlantedScenario s) {
        return "PROCESS".equals(s.expectedGapType()) || "CAPACITY".equals(s.expectedGapType());
    }

    /**
     * Whether a gap is what a situation planted: same behavior, and the agent (agent-level) or the team (team-level:
     * other members of the team also work some of the affected hours or cases).
     */
    static boolean explains(PlantedScenario s, Findings.Gap g) {
        if (s.behaviorId() == null || !s.behaviorId().equals(g.behaviorId())) {
            return false;
        }
        return teamLevel(s) ? s.teamId().equals(g.teamId()) : s.agentId().equals(g.agentId());
    }

    /** Same for an intervention (team-level situations expect one team-level intervention, no agent). */
    static boolean explains(PlantedScenario s, Findings.Intervention i) {
        if (s.behaviorId() == null || !s.behaviorId().equals(i.behaviorId())) {
            return false;
        }
        return teamLevel(s) ? s.teamId().equals(i.teamId()) && (i.agentId() == null || s.agentIds().contains(i.agentId()))
                : s.agentId().equals(i.agentId());
    }

    public record FalseGap(Findings.Gap gap, boolean onPlantedAgent) {
    }

    /** Gaps of this demo's agents and teams that no situation explains. */
    public static List<FalseGap> falseGaps(List<PlantedScenario> scenarios, List<Findings.Gap> gaps, Set<String> roster,
                                           Set<String> teams) {
        Set<String> planted = new java.util.HashSet<>();
        scenarios.forEach(s -> planted.addAll(s.agentIds()));
        List<FalseGap> out = new ArrayList<>();
        for (Findings.Gap g : gaps) {
            boolean mine = g.agentId() != null ? roster.contains(g.agentId()) : teams.contains(g.teamId());
            if (mine && scenarios.stream().noneMatch(s -> explains(s, g))) {
                out.add(new FalseGap(g, g.agentId() != null && planted.contains(g.agentId())));
            }
        }
        return out;
    }

    public record InterventionIssues(List<Findings.Intervention> extra, List<Findings.Intervention> duplicates,
                                     List<String> wrongStates) {
        public int penalties() {
            return extra.size() + duplicates.size() + wrongStates.size();
        }
    }

    /**
     * The state a situation's intervention should be in after the measured week: DEFERRED when the guardrail is meant
     * to hold it back, ASSIGNED otherwise (its owner has it and nobody has started yet).
     */
    static String expectedState(PlantedScenario s) {
        return "DEFER".equals(s.expectedGuardrail()) ? "DEFERRED" : "ASSIGNED";
    }

    public static InterventionIssues interventions(List<PlantedScenario> scenarios, List<Findings.Intervention> all,
                                                   Set<String> roster, Set<String> teams) {
        List<Findings.Intervention> extra = new ArrayList<>();
        Map<String, List<Findings.Intervention>> bySituation = new LinkedHashMap<>();
        for (Findings.Intervention i : all) {
            boolean mine = i.agentId() != null ? roster.contains(i.agentId()) : teams.contains(i.teamId());
            if (!mine) {
                continue;
            }
            PlantedScenario s = scenarios.stream().filter(x -> explains(x, i)).findFirst().orElse(null);
            if (s == null) {
                extra.add(i);
            } else {
                bySituation.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(i);
            }
        }
        List<Findings.Intervention> duplicates = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (PlantedScenario s : scenarios) {
            List<Findings.Intervention> mine = bySituation.getOrDefault(s.id(), List.of());
            if (mine.size() > 1) {
                duplicates.addAll(mine.subList(1, mine.size()));
            }
            for (Findings.Intervention i : mine) {
                if (!expectedState(s).equals(i.state())) {
                    wrong.add(s.id() + ": " + i.state() + " (expected " + expectedState(s) + ")");
                }
            }
        }
        return new InterventionIssues(extra, duplicates, wrong);
    }

    /**
     * Share of the roster's agents with nothing of this kind planted on them who got at least one alert of the kind;
     * NaN with no such agent.
     */
    public static double alertBaseRate(String kind, List<PlantedScenario> scenarios, Collection<Findings.Alert> alerts,
                                       Set<String> roster) {
        Set<String> planted = new java.util.HashSet<>();
        scenarios.stream().filter(s -> s.expectedAlertKinds().contains(kind)).forEach(s -> planted.addAll(s.agentIds()));
        Set<String> others = new java.util.HashSet<>(roster);
        others.removeAll(planted);
        if (others.isEmpty()) {
            return Double.NaN;
        }
        long hit = alerts.stream().filter(a -> kind.equals(a.kind()) && others.contains(a.agentId()))
                .map(Findings.Alert::agentId).distinct().count();
        return (double) hit / others.size();
    }

    public enum Agreement { AGREES, WRONG_EFFECTIVE, WRONG_INEFFECTIVE, INCONCLUSIVE, NO_GROUND_TRUTH, NOT_EVALUATED }

    /**
     * A verdict against the generator's ground truth ({@code improved}: did the behavior really change; null when
     * the generator planted nothing for it). INCONCLUSIVE is neither right nor wrong: it is counted on its own.
     */
    public static Agreement agreement(String state, Boolean improved) {
        if (state == null || !state.startsWith("CLOSED_")) {
            return Agreement.NOT_EVALUATED;
        }
        if ("CLOSED_INCONCLUSIVE".equals(state)) {
            return Agreement.INCONCLUSIVE;
        }
        if (improved == null) {
            return Agreement.NO_GROUND_TRUTH;
        }
        boolean effective = "CLOSED_EFFECTIVE".equals(state);
        if (effective == improved) {
            return Agreement.AGREES;
        }
        return effective ? Agreement.WRONG_EFFECTIVE : Agreement.WRONG_INEFFECTIVE;
    }

    /**
     * Exact (Garwood) two-sided 95 % interval for a Poisson count, by bisection on the Poisson distribution function.
     */
    public static double[] poissonInterval(long k) {
        double lo = k == 0 ? 0 : bisect(m -> 1 - poissonCdf(k - 1, m) - 0.025, k);
        double hi = bisect(m -> poissonCdf(k, m) - 0.025, k);
        return new double[]{lo, hi};
    }

    /** Root of f on [0, k + 10 + 10 sqrt(k)], f decreasing in m for the upper bound and increasing for the lower. */
    private static double bisect(java.util.function.DoubleUnaryOperator f, long k) {
        double a = 0;
        double b = k + 10 + 10 * Math.sqrt(k);
        double fa = f.applyAsDouble(a);
        for (int i = 0; i < 200; i++) {
            double m = (a + b) / 2;
            double fm = f.applyAsDouble(m);
            if (Math.signum(fm) == Math.signum(fa)) {
                a = m;
                fa = fm;
            } else {
                b = m;
            }
        }
        return (a + b) / 2;
    }

    static double poissonCdf(long k, double mean) {
        if (k < 0) {
            return 0;
        }
        double term = Math.exp(-mean);
        double sum = term;
        for (long i = 1; i <= k; i++) {
            term *= mean / i;
            sum += term;
        }
        return Math.min(1, sum);
    }
}
