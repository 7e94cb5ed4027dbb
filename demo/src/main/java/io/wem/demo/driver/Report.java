package io.wem.demo.driver;

import io.wem.demo.generator.GeneratedWeek;
import io.wem.demo.generator.GeneratorOptions;
import io.wem.demo.generator.PlantedScenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The demo report as Markdown (printed to the console as is, and written to a file). */
final class Report {

    private final StringBuilder md = new StringBuilder();
    private final List<String> problems = new ArrayList<>();

    void title(GeneratorOptions o, GeneratedWeek w) {
        md.append("# WEM demo report\n\n");
        md.append("Run `").append(o.runId()).append("` at ").append(Instant.now()).append(": seed ").append(o.seed())
                .append(", ").append(o.agents()).append(" agents in ").append(String.join(", ", o.teams())).append(", ")
                .append(String.format("%,d", o.interactions())).append(" interactions over ").append(o.days())
                .append(" days from ").append(o.start()).append(" (").append(String.format("%,d", w.signals().size()))
                .append(" signals).\n\n");
    }

    void heading(String h) {
        md.append("## ").append(h).append("\n\n");
    }

    void line(String l) {
        md.append(l).append("\n\n");
    }

    void problem(String p) {
        problems.add(p);
    }

    void scenarios(List<PlantedScenario> scenarios) {
        heading("Planted situations");
        table(List.of("id", "situation", "team", "agents", "expected"), scenarios.stream().map(s -> new String[]{
                s.id(), s.title(), s.teamId(), s.agentIds().size() > 3 ? s.agentIds().size() + " agents ("
                        + s.agentIds().get(0) + " ..)" : String.join(", ", s.agentIds()), DemoDriver.expectationText(s)}).toList());
    }

    /** An earlier run's work left on the stack: not judged, and it can hide this run's situations. */
    void carriedOver(RunScope scope) {
        if (!scope.carriesOver()) {
            return;
        }
        heading("Not a fresh stack");
        line(String.format(Locale.ROOT, "When this run started the suite already showed %d gaps, %d interventions and %d "
                + "wellbeing alerts (an earlier run's, on the same agent ids). They are left out of everything judged "
                + "below. A gap still open from then is not opened again, so a situation it covers can show as missed: "
                + "for a clean judgement reset the stack first (`./wem reset --yes`, then `./wem demo`).",
                scope.gapsBefore(), scope.interventionsBefore(), scope.alertsBefore()));
    }

    void ingest(String label, DemoDriver.Ingest r) {
        heading("Ingestion: " + label);
        md.append(String.format("Posted %,d signals in %.1f s (%,.0f signals/s): accepted %,d, duplicates %,d, refused %,d",
                r.posted, r.millis / 1000.0, r.posted / Math.max(0.001, r.millis / 1000.0), r.accepted, r.duplicates,
                r.rejected));
        if (r.retries > 0) {
            md.append(", ").append(r.retries).append(" batch(es) re-sent after 503");
        }
        md.append(".\n\n");
        if (r.firstError != null) {
            md.append("First refusal: `").append(r.firstError.replace('`', '\'')).append("`\n\n");
        }
        table(List.of("kind", "signals"), r.byKind.entrySet().stream()
                .map(e -> new String[]{e.getKey(), String.format("%,d", e.getValue())}).toList());
    }

    void findings(DemoDriver.Snapshot s) {
        heading("Gaps found, by behavior and type");
        md.append("Source: ").append(s.gapSource).append(".\n\n");
        Set<String> types = new TreeSet<>(List.of("SKILL", "MOTIVATION", "PROCESS", "CAPACITY"));
        s.gaps.forEach(g -> types.add(String.valueOf(g.gapType())));
        Map<String, Map<String, Long>> byBehavior = s.gaps.stream().collect(Collectors.groupingBy(
                g -> String.valueOf(g.behaviorId()), TreeMap::new, Collectors.groupingBy(g -> String.valueOf(g.gapType()),
                        TreeMap::new, Collectors.counting())));
        List<String> head = new ArrayList<>(List.of("behavior"));
        head.addAll(types);
        head.add("total");
        List<String[]> rows = new ArrayList<>();
        byBehavior.forEach((b, m) -> {
            List<String> row = new ArrayList<>(List.of(b));
            types.forEach(t -> row.add(String.valueOf(m.getOrDefault(t, 0L))));
            row.add(String.valueOf(m.values().stream().mapToLong(Long::longValue).sum()));
            rows.add(row.toArray(String[]::new));
        });
        table(head, rows);

        heading("Interventions, by owner, kind and state");
        Map<String, Long> byOwner = s.interventions.stream().collect(Collectors.groupingBy(
                i -> i.ownerRole() + " | " + i.kind() + " | " + i.state(), TreeMap::new, Collectors.counting()));
        table(List.of("owner", "kind", "state", "count"), byOwner.entrySet().stream().map(e -> {
            String[] k = e.getKey().split(" \\| ");
            return new String[]{k[0], k[1], k[2], String.valueOf(e.getValue())};
        }).toList());

        heading("Guardrail outcomes");
        List<Findings.Intervention> held = s.interventions.stream().filter(i -> Set.of("DEFERRED", "AWAITING_REVIEW",
                "AWAITING_GUARDRAIL").contains(i.state())).toList();
        if (held.isEmpty()) {
            line("No intervention is deferred, awaiting review or awaiting the guardrail.");
        } else {
            table(List.of("state", "agent", "behavior", "reason"), held.stream().map(i -> new String[]{i.state(),
                    String.valueOf(i.agentId()), i.behaviorId(), i.guardrailReason() == null ? "" : i.guardrailReason()}).toList());
        }

        heading("Wellbeing alerts");
        if (s.alerts == null) {
            line("Could not be read (see problems below).");
        } else if (s.alerts.isEmpty()) {
            line("None.");
        } else {
            Map<String, List<Findings.Alert>> byKind = s.alerts.stream().collect(Collectors.groupingBy(
                    a -> String.valueOf(a.kind()), TreeMap::new, Collectors.toList()));
            table(List.of("kind", "alerts", "agents"), byKind.entrySet().stream().map(e -> {
                Set<String> agents = e.getValue().stream().map(a -> String.valueOf(a.agentId())).collect(Collectors.toCollection(TreeSet::new));
                return new String[]{e.getKey(), String.valueOf(e.getValue().size()),
                        agents.size() > 6 ? agents.size() + " agents" : String.join(", ", agents)};
            }).toList());
        }
        problems.addAll(s.problems);
    }

    void verdicts(List<ScenarioJudge.Verdict> verdicts) {
        heading("Planted situations: expected vs found");
        String console = System.getProperty("wem.demo.console-url", ConsoleLinks.DEFAULT_URL);
        table(List.of("situation", "expected", "found", "verdict", "in the console (as coach1)"),
                verdicts.stream().map(v -> new String[]{
                v.scenario().id(), v.expected(), v.found(), switch (v.status()) {
                    case FOUND_AND_ROUTED -> "✅ found and routed";
                    case FOUND_BUT_MISROUTED -> "⚠️ found, not as expected";
                    case NOT_FOUND -> "❌ not found";
                    case NOT_CHECKED -> "❔ not checked";
                }, ConsoleLinks.markdown(v.scenario(), console)}).toList());
        long ok = verdicts.stream().filter(v -> v.status() == ScenarioJudge.Status.FOUND_AND_ROUTED).count();
        line("**" + ok + " of " + verdicts.size() + " planted situations found and routed as expected.**");
    }

    /** The strict judge's findings (issue #16): what the suite did that nothing planted asked for. */
    void strict(List<StrictJudge.FalseGap> falseGaps, int agents, int days, StrictJudge.InterventionIssues issues,
                List<Findings.Alert> alerts, List<PlantedScenario> scenarios, Set<String> roster) {
        heading("Strict judge");
        double agentWeeks = agents * days / 7.0;
        double[] ci = StrictJudge.poissonInterval(falseGaps.size());
        long onPlanted = falseGaps.stream().filter(StrictJudge.FalseGap::onPlantedAgent).count();
        line(String.format("**False gaps** (gaps no planted situation explains, over all %d agents, planted agents included"
                        + " for behaviors not planted on them): %d (%d on planted agents) = %.1f per 100 agent-weeks"
                        + " [95%% CI %.1f–%.1f, exact Poisson].", agents, falseGaps.size(), onPlanted,
                100 * falseGaps.size() / agentWeeks, 100 * ci[0] / agentWeeks, 100 * ci[1] / agentWeeks));
        if (!falseGaps.isEmpty()) {
            table(List.of("agent", "team", "behavior", "type", "planted agent"), falseGaps.stream().map(f -> new String[]{
                    String.valueOf(f.gap().agentId()), f.gap().teamId(), f.gap().behaviorId(), f.gap().gapType(),
                    f.onPlantedAgent() ? "yes" : ""}).toList());
        }
        line("**Interventions penalised**: " + issues.extra().size() + " extra (no situation asked for them), "
                + issues.duplicates().size() + " duplicate (a second one for the same situation), "
                + issues.wrongStates().size() + " in the wrong state"
                + (issues.wrongStates().isEmpty() ? "." : ": " + String.join("; ", issues.wrongStates()) + "."));
        if (!issues.extra().isEmpty() || !issues.duplicates().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            issues.extra().forEach(i -> rows.add(new String[]{"extra", i.agentId() == null ? i.teamId() + " (team)" : i.agentId(),
                    i.behaviorId() + "/" + i.gapType(), i.ownerRole(), i.state()}));
            issues.duplicates().forEach(i -> rows.add(new String[]{"duplicate", i.agentId() == null ? i.teamId() + " (team)" : i.agentId(),
                    i.behaviorId() + "/" + i.gapType(), i.ownerRole(), i.state()}));
            table(List.of("penalty", "for", "behavior/type", "owner", "state"), rows);
        }
        if (alerts != null) {
            Set<String> kinds = new TreeSet<>();
            alerts.forEach(a -> kinds.add(String.valueOf(a.kind())));
            table(List.of("alert kind", "share of agents with nothing of it planted", "specific (< "
                    + Math.round(100 * StrictJudge.NON_SPECIFIC_SHARE) + " %)"), kinds.stream().map(k -> {
                double base = StrictJudge.alertBaseRate(k, scenarios, alerts, roster);
                return new String[]{k, Double.isNaN(base) ? "n/a" : Math.round(100 * base) + " %",
                        base < StrictJudge.NON_SPECIFIC_SHARE ? "yes" : "no: not evidence for any one agent"};
            }).toList());
        }
    }

    void redactions(int transcripts, long withCards, double texts, double findings) {
        heading("Redactions");
        md.append(String.format("Transcripts sent: %,d, of which %,d carry a card number (typed or spoken). ", transcripts, withCards));
        if (Double.isNaN(findings)) {
            md.append("governance-service's redaction counters (`wem_governance_redaction_findings_total` on /q/metrics) could not be read.\n\n");
        } else {
            md.append(String.format("governance-service redacted %,.0f texts during this run and reported %,.0f findings (PAN, CVV, expiry;"
                    + " its own counters, read from /q/metrics before and after).%n%n", texts, findings));
        }
    }

    void audit(long before, long after) {
        heading("Audit entries");
        if (before < 0 || after < 0) {
            line(before == -2 || after == -2 ? "governance-service's audit query answered without a total."
                    : "The audit log could not be read as ciso1 (see problems).");
        } else {
            line(String.format("governance-service's audit log holds %,d entries, %,d written during this run (reads of personal data"
                    + " made while the demo read the suite, guardrail decisions, changes).", after, after - before));
        }
    }

    void outcomesPlanned(Map<String, Boolean> outcomes) {
        line("Ground truth of the follow-up week (from the generator): " + (outcomes.isEmpty() ? "no agent was coached."
                : new TreeMap<>(outcomes).entrySet().stream().map(e -> e.getKey() + (e.getValue() ? " improves" : " does not improve"))
                .collect(Collectors.joining(", ")) + "; the whole of team-south drifts up on complaint empathy."));
    }

    void evaluations(List<String[]> rows) {
        heading("Follow-up evaluations against the generator's ground truth");
        if (rows.isEmpty()) {
            line("No intervention was in FOLLOW_UP.");
            return;
        }
        table(List.of("intervention", "state", "net improvement", "ground truth", "verdict vs truth", "explanation / answer"), rows);
        Map<String, Long> by = rows.stream().collect(Collectors.groupingBy(r -> r[4], TreeMap::new, Collectors.counting()));
        line("**Effectiveness verdicts vs ground truth**: " + by.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + " (of " + rows.size() + " evaluated; INCONCLUSIVE is neither right nor wrong).");
    }

    void effectiveness(List<String[]> rows) {
        heading("Effectiveness per playbook");
        table(List.of("playbook", "interventions", "closed", "effective", "success rate", "mean effect [95% CI]",
                "median h gap→coaching"), rows);
    }

    String markdown() {
        StringBuilder out = new StringBuilder(md);
        if (!problems.isEmpty()) {
            out.append("## Problems while reading the suite\n\n");
            problems.stream().distinct().limit(30).forEach(p -> out.append("- ").append(p.replace('\n', ' ')).append("\n"));
            out.append("\n");
        }
        return out.toString();
    }

    private void table(List<String> head, List<String[]> rows) {
        if (rows.isEmpty()) {
            md.append("(none)\n\n");
            return;
        }
        md.append("| ").append(String.join(" | ", head)).append(" |\n|");
        head.forEach(h -> md.append("---|"));
        md.append("\n");
        for (String[] r : rows) {
            md.append("|");
            for (String c : r) {
                md.append(" ").append(c == null ? "" : c.replace("|", "\\|").replace('\n', ' ')).append(" |");
            }
            md.append("\n");
        }
        md.append("\n");
    }
}
