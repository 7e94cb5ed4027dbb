package io.wem.demo.driver;

import io.wem.demo.generator.PlantedScenario;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Compares each planted scenario with what the suite reported: found, routed to the right owner, or not. */
public final class ScenarioJudge {

    public enum Status { FOUND_AND_ROUTED, FOUND_BUT_MISROUTED, NOT_FOUND, NOT_CHECKED }

    public record Verdict(PlantedScenario scenario, String expected, String found, Status status) {
    }

    private ScenarioJudge() {
    }

    /**
     * Deferred for the monitoring it would add (a per-kind cap or the intensity cap), not only for another reason
     * such as owed recovery time: wellbeing-service names "the team's cap" in both monitoring reasons.
     */
    static boolean deferredForMonitoring(Findings.Intervention i) {
        return "DEFERRED".equals(i.state()) && i.guardrailReason() != null
                && i.guardrailReason().toLowerCase(Locale.ROOT).contains("cap");
    }

    /**
     * @param alerts    null when wellbeing alerts could not be read (the alert scenarios are then NOT_CHECKED)
     * @param scenarios all planted situations and {@code roster} all agents: an expected alert kind counts only if it
     *                  is specific, i.e. raised for fewer than {@link StrictJudge#NON_SPECIFIC_SHARE} of the agents with
     *                  nothing of that kind planted on them
     */
    public static Verdict judge(PlantedScenario s, List<Findings.Gap> gaps, List<Findings.Intervention> interventions,
                                List<Findings.Alert> alerts, List<PlantedScenario> scenarios, Set<String> roster) {
        String expected = DemoDriver.expectationText(s);
        if (!s.expectedAlertKinds().isEmpty()) {
            if (alerts == null) {
                return new Verdict(s, expected, "wellbeing alerts could not be read", Status.NOT_CHECKED);
            }
            List<String> kinds = alerts.stream().filter(a -> s.agentId().equals(a.agentId())).map(Findings.Alert::kind)
                    .distinct().sorted().toList();
            boolean all = kinds.containsAll(s.expectedAlertKinds());
            boolean any = s.expectedAlertKinds().stream().anyMatch(kinds::contains);
            StringBuilder found = new StringBuilder(kinds.isEmpty() ? "no alert for " + s.agentId()
                    : "alerts for " + s.agentId() + ": " + String.join(", ", kinds));
            boolean specific = true;
            for (String kind : s.expectedAlertKinds()) {
                double base = StrictJudge.alertBaseRate(kind, scenarios, alerts, roster);
                if (kinds.contains(kind) && !(base < StrictJudge.NON_SPECIFIC_SHARE)) {
                    specific = false;
                    found.append("; ").append(kind).append(" also raised for ")
                            .append(Double.isNaN(base) ? "an unknown share" : Math.round(100 * base) + " %")
                            .append(" of agents with nothing planted: not evidence");
                }
            }
            return new Verdict(s, expected, found.toString(), all && specific ? Status.FOUND_AND_ROUTED
                    : any ? Status.FOUND_BUT_MISROUTED : Status.NOT_FOUND);
        }
        boolean teamLevel = "PROCESS".equals(s.expectedGapType()) || "CAPACITY".equals(s.expectedGapType());
        Optional<Findings.Intervention> iv = interventions.stream()
                .filter(i -> s.behaviorId().equals(i.behaviorId()))
                .filter(i -> teamLevel ? s.teamId().equals(i.teamId()) && (i.agentId() == null
                        || s.agentIds().contains(i.agentId())) : s.agentId().equals(i.agentId()))
                .sorted((x, y) -> Boolean.compare(y.agentId() == null, x.agentId() == null))
                .findFirst();
        Optional<Findings.Gap> gap = gaps.stream()
                .filter(g -> s.behaviorId().equals(g.behaviorId()))
                .filter(g -> teamLevel ? s.teamId().equals(g.teamId())
                        && (s.agentIds().contains(g.agentId()) || g.affectedAgentIds().stream().anyMatch(s.agentIds()::contains))
                        : s.agentId().equals(g.agentId()))
                .sorted((x, y) -> Boolean.compare(s.expectedGapType().equals(y.gapType()), s.expectedGapType().equals(x.gapType())))
                .findFirst();
        if (iv.isEmpty() && gap.isEmpty()) {
            String others = gaps.stream().filter(g -> teamLevel ? s.teamId().equals(g.teamId()) : s.agentId().equals(g.agentId()))
                    .map(g -> g.behaviorId() + "/" + g.gapType()).distinct().sorted().collect(Collectors.joining(", "));
            return new Verdict(s, expected, "no " + s.behaviorId() + " gap" + (others.isEmpty() ? "" : " (other gaps there: " + others + ")"),
                    Status.NOT_FOUND);
        }
        String type = iv.map(Findings.Intervention::gapType).orElseGet(() -> gap.get().gapType());
        StringBuilder found = new StringBuilder(s.behaviorId() + " gap " + type);
        if (teamLevel && gap.isPresent()) {
            long shared = gaps.stream().filter(g -> s.behaviorId().equals(g.behaviorId()) && s.teamId().equals(g.teamId())).count();
            found.append(" (").append(shared).append(" gap record(s) in ").append(s.teamId()).append(")");
        }
        boolean typeOk = s.expectedGapType().equals(type);
        boolean ownerOk;
        if (iv.isEmpty()) {
            found.append("; no intervention");
            ownerOk = false;
        } else {
            Findings.Intervention i = iv.get();
            found.append("; intervention ").append(i.kind()).append(" owned by ").append(i.ownerRole())
                    .append(i.agentId() == null ? " (team-level)" : " for " + i.agentId()).append(", state ").append(i.state());
            if (i.guardrailReason() != null && !i.guardrailReason().isBlank()) {
                found.append(" (guardrail: ").append(i.guardrailReason()).append(")");
            }
            ownerOk = s.expectedOwnerRoles().contains(i.ownerRole()) && (!teamLevel || i.agentId() == null);
        }
        boolean guardrailOk = s.expectedGuardrail() == null
                || iv.map(i -> !"DEFER".equals(s.expectedGuardrail()) || deferredForMonitoring(i)).orElse(false);
        // strict: the situation's intervention must be in the state it implies (not cancelled, not stuck)
        boolean stateOk = iv.map(i -> StrictJudge.expectedState(s).equals(i.state())).orElse(false);
        if (iv.isPresent() && !stateOk) {
            found.append(" — expected state ").append(StrictJudge.expectedState(s));
        }
        Status status = typeOk && ownerOk && guardrailOk && stateOk ? Status.FOUND_AND_ROUTED : Status.FOUND_BUT_MISROUTED;
        return new Verdict(s, expected, found.toString(), status);
    }
}
