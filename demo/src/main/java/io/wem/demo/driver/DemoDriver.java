package io.wem.demo.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wem.demo.generator.ContactCenterGenerator;
import io.wem.demo.generator.FollowUpPlan;
import io.wem.demo.generator.GeneratedWeek;
import io.wem.demo.generator.GeneratorOptions;
import io.wem.demo.generator.PlantedScenario;
import io.wem.demo.generator.Signal;
import io.wem.demo.generator.SignalJson;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code ./wem demo}: replays a generated week through signal-service with real tokens, waits for the suite to
 * settle, reads what it found through the public APIs, compares it with the planted scenarios, then (optionally)
 * lets the owners work the interventions, replays the follow-up week and asks coaching for the measured
 * effectiveness. Nothing in the report is computed by the driver except the expectations and the comparisons.
 */
public final class DemoDriver {

    /** Users who together can see every intervention (see docs/demo.md: team-east has no supervisor in the realm). */
    static final List<String> INTERVENTION_READERS = List.of("supervisor1", "supervisor2", "coach1", "process1", "wfm1");
    static final long MAX_BODY_BYTES = 1_000_000;

    private final GeneratorOptions gen;
    private final DriverOptions opt;
    private final SuiteClient suite;
    private final Report report = new Report();

    public DemoDriver(GeneratorOptions gen, DriverOptions opt) {
        this.gen = gen;
        this.opt = opt;
        this.suite = new SuiteClient(opt.keycloakUrl());
    }

    public static String expectationText(PlantedScenario s) {
        if (!s.expectedAlertKinds().isEmpty()) {
            return "wellbeing alerts " + String.join(" + ", s.expectedAlertKinds()) + " for " + s.agentId();
        }
        String who = "PROCESS".equals(s.expectedGapType()) || "CAPACITY".equals(s.expectedGapType())
                ? "one team-level intervention for " + String.join(" or ", s.expectedOwnerRoles())
                : "an intervention for the agent's " + String.join(" or ", s.expectedOwnerRoles());
        return s.behaviorId() + " gap " + s.expectedGapType() + " → " + who
                + (s.expectedGuardrail() != null ? ", guardrail " + s.expectedGuardrail() : "");
    }

    /** The realm's demo supervisors by team; other teams get no supervisor (their work shows as UNASSIGNED). */
    private static final Map<String, String> DEMO_SUPERVISORS = Map.of(
            "team-north", "supervisor1", "team-south", "supervisor2", "team-east", "supervisor3");

    /** Realm users that already carry a demo agent id (one person per agent id). */
    private static final Map<String, String> REALM_AGENTS = Map.of(
            "agent-north-01", "agent1", "agent-north-02", "agent2", "agent-south-01", "agent3");

    /**
     * The demo's organisation enters the suite the way a customer's does: a roster import into governance's
     * directory (docs/directory.md). Scoping and intervention owners then come from it, not from the signals.
     */
    private void importRoster(GeneratedWeek week) {
        List<Map<String, String>> rows = new ArrayList<>();
        java.util.Set<String> teams = new java.util.TreeSet<>();
        for (var agent : week.roster()) {
            teams.add(agent.teamId());
            rows.add(Map.of("teamId", agent.teamId(), "username",
                    REALM_AGENTS.getOrDefault(agent.agentId(), "demo-" + agent.agentId()), "role", "agent",
                    "agentId", agent.agentId()));
        }
        for (String team : teams) {
            if (DEMO_SUPERVISORS.containsKey(team)) {
                rows.add(Map.of("teamId", team, "username", DEMO_SUPERVISORS.get(team), "role", "supervisor"));
            }
            rows.add(Map.of("teamId", team, "username", "coach1", "role", "coach"));
            rows.add(Map.of("teamId", team, "username", "process1", "role", "process-owner"));
            rows.add(Map.of("teamId", team, "username", "wfm1", "role", "wfm-planner"));
        }
        try {
            JsonNode r = suite.postJson(opt.governanceUrl() + "/api/v1/directory/roster", suite.user("govadmin1"),
                    Map.of("rows", rows));
            System.out.println("directory: roster of " + teams.size() + " teams imported (" + r.path("assignmentsOpened")
                    .asInt() + " assignments opened, " + r.path("assignmentsClosed").asInt() + " closed)");
        } catch (RuntimeException e) {
            System.out.println("warning: roster import failed (" + e.getMessage() + "); scoping will refuse agents "
                    + "the directory does not know");
        }
    }

    private RunScope scope = RunScope.EMPTY;

    public int run() {
        // 1. the suite must be there
        if (!suite.listening(opt.signalUrl())) {
            System.err.println("error: signal-service not reachable at " + opt.signalUrl() + "; run ./wem up");
            return 3;
        }
        try {
            suite.integration();
        } catch (RuntimeException e) {
            System.err.println("error: no token from Keycloak at " + opt.keycloakUrl() + " (" + e.getMessage() + "); run ./wem up");
            return 3;
        }
        Map<String, String> services = new LinkedHashMap<>();
        services.put("signal-service", opt.signalUrl());
        services.put("coaching-service", opt.coachingUrl());
        services.put("governance-service", opt.governanceUrl());
        services.put("wellbeing-service", opt.wellbeingUrl());
        List<String> down = new ArrayList<>();
        services.forEach((name, url) -> {
            if (!suite.ready(url)) {
                down.add(name + " (" + url + ")");
            }
        });
        if (!down.isEmpty()) {
            System.out.println("warning: not ready: " + String.join(", ", down) + " — the report will say what could not be read");
        }

        // What the stack already shows (an earlier run's work on the same agent ids) is not this run's to judge.
        Snapshot before = read();
        scope = RunScope.startingFrom(before.gaps, before.interventions, before.alerts);

        // 2. the measured week
        GeneratedWeek week = ContactCenterGenerator.generate(gen);
        importRoster(week);
        report.title(gen, week);
        report.scenarios(week.scenarios());
        report.carriedOver(scope);
        double findingsBefore = metric(opt.governanceUrl(), "wem_governance_redaction_findings_total");
        double textsBefore = metric(opt.governanceUrl(), "wem_governance_redaction_texts_total");
        long auditBefore = auditTotal();
        Ingest first = post("week 1", week.signals());
        report.ingest("Week 1 (" + gen.start() + " .. " + gen.end() + ")", first);
        if (first.rejected > 0 && first.accepted + first.duplicates == 0) {
            report.line("Signal-service accepted nothing; stopping. First refusal: " + first.firstError);
            return finish(1);
        }

        Snapshot s1 = settle("week 1");
        report.findings(s1);
        Set<String> roster = week.roster().stream().map(a -> a.agentId()).collect(Collectors.toCollection(java.util.TreeSet::new));
        Set<String> teams = new java.util.TreeSet<>(gen.teams());
        List<ScenarioJudge.Verdict> verdicts = week.scenarios().stream()
                .map(s -> ScenarioJudge.judge(s, s1.gaps, s1.interventions, s1.alerts, week.scenarios(), roster)).toList();
        report.verdicts(verdicts);
        report.strict(StrictJudge.falseGaps(week.scenarios(), s1.gaps, roster, teams), roster.size(), gen.days(),
                StrictJudge.interventions(week.scenarios(), s1.interventions, roster, teams), s1.alerts, week.scenarios(), roster);

        long transcriptsWithCards = week.ofType(Signal.Transcript.class).stream()
                .filter(t -> !io.wem.demo.generator.CardNumbers.digitPansIn(t.text()).isEmpty()
                        || !io.wem.demo.generator.CardNumbers.spokenPansIn(t.text()).isEmpty()).count();
        report.redactions(week.ofType(Signal.Transcript.class).size(), transcriptsWithCards,
                delta(textsBefore, metric(opt.governanceUrl(), "wem_governance_redaction_texts_total")),
                delta(findingsBefore, metric(opt.governanceUrl(), "wem_governance_redaction_findings_total")));
        long auditAfter = auditTotal();
        report.audit(auditBefore, auditAfter);

        // 3. the follow-up week
        if (opt.followUp()) {
            followUp(week, s1);
        }
        return finish(0);
    }

    private int finish(int rc) {
        String md = report.markdown();
        System.out.println();
        System.out.println(md);
        try {
            if (opt.report().getParent() != null) {
                Files.createDirectories(opt.report().getParent());
            }
            Files.writeString(opt.report(), md, StandardCharsets.UTF_8);
            System.out.println("Report written to " + opt.report().toAbsolutePath());
        } catch (IOException e) {
            System.err.println("error: cannot write the report to " + opt.report() + ": " + e.getMessage());
            return rc == 0 ? 1 : rc;
        }
        return rc;
    }

    // ---------------------------------------------------------------- ingestion

    static final class Ingest {
        int posted;
        int accepted;
        int duplicates;
        int rejected;
        int retries;
        long millis;
        String firstError;
        Map<String, Long> byKind = new TreeMap<>();
    }

    private Ingest post(String label, List<Signal> signals) {
        Ingest r = new Ingest();
        for (Signal s : signals) {
            JsonNode tree = SignalJson.MAPPER.valueToTree(s);
            r.byKind.merge(tree.path("kind").asText(), 1L, Long::sum);
        }
        long t0 = System.nanoTime();
        long lastPrint = 0;
        List<byte[]> batch = new ArrayList<>();
        long bytes = 0;
        for (int k = 0; k <= signals.size(); k++) {
            byte[] one = k < signals.size() ? SignalJson.toJson(signals.get(k)).getBytes(StandardCharsets.UTF_8) : null;
            boolean flush = one == null || batch.size() >= opt.batchSize() || bytes + one.length + 64 > MAX_BODY_BYTES;
            if (flush && !batch.isEmpty()) {
                send(batch, r);
                batch.clear();
                bytes = 0;
                long now = System.nanoTime();
                if (now - lastPrint > 2_000_000_000L || one == null) {
                    double secs = (now - t0) / 1e9;
                    System.out.printf("  %s: posted %,d / %,d signals (accepted %,d, duplicates %,d, refused %,d) %,.0f signals/s%n",
                            label, r.posted, signals.size(), r.accepted, r.duplicates, r.rejected, r.posted / Math.max(0.001, secs));
                    lastPrint = now;
                }
            }
            if (one != null) {
                batch.add(one);
                bytes += one.length + 1;
            }
        }
        r.millis = (System.nanoTime() - t0) / 1_000_000;
        return r;
    }

    private void send(List<byte[]> batch, Ingest r) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"signals\":[".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < batch.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(batch.get(i));
        }
        body.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        byte[] bytes = body.toByteArray();
        for (int attempt = 1; ; attempt++) {
            try {
                JsonNode ok = suite.post(opt.signalUrl() + "/api/v1/signals", suite.integration(), bytes);
                r.accepted += ok.path("accepted").asInt();
                r.duplicates += ok.path("duplicates").asInt();
                r.posted += batch.size();
                return;
            } catch (SuiteClient.HttpError e) {
                if (e.status == 503 && attempt < 6) {
                    // governance could not redact: the structured part is stored, the batch is re-sent as the API says
                    r.retries++;
                    long wait = Math.min(30, Math.max(2, e.retryAfterSeconds));
                    System.out.println("    503 from signal-service (" + SuiteClient.abbreviate(e.body) + "), retrying in " + wait + " s");
                    sleep(wait * 1000);
                    continue;
                }
                r.rejected += batch.size();
                r.posted += batch.size();
                if (r.firstError == null) {
                    r.firstError = e.getMessage();
                    System.out.println("    refused: " + e.getMessage());
                }
                return;
            }
        }
    }

    // ---------------------------------------------------------------- reading the suite

    /** What the suite shows at one moment. Null lists mean "could not be read" (with the reason in {@code problems}). */
    static final class Snapshot {
        List<Findings.Gap> gaps = List.of();
        String gapSource = "";
        List<Findings.Intervention> interventions = List.of();
        List<Findings.Alert> alerts;
        List<String> problems = new ArrayList<>();
        /** Deferred interventions wellbeing will be asked about again within minutes (it was catching up). */
        Set<String> askedAgainSoon = Set.of();
    }

    /** A deferral whose next attempt is this close is still being decided (wellbeing's catch-up retry: 1 min). */
    static final Duration ASKED_AGAIN_SOON = Duration.ofMinutes(5);

    private Snapshot settle(String label) {
        System.out.println("  waiting for the suite to process " + label + " (up to " + opt.settleSeconds() + " s)...");
        Instant deadline = Instant.now().plusSeconds(opt.settleSeconds());
        Snapshot last = read();
        int stable = 0;
        while (Instant.now().isBefore(deadline)) {
            sleep(5000);
            Snapshot now = read();
            // Wellbeing works through the same week on its own consumer (recovery alerts per interaction, pattern
            // checks of active teams every 20 s), so its alerts must have stopped changing too.
            boolean same = now.gaps.size() == last.gaps.size() && now.interventions.size() == last.interventions.size()
                    && stateCounts(now).equals(stateCounts(last)) && alertCount(now) == alertCount(last);
            // Counts can stand still while a consumer is still behind (wellbeing's monitoring events came in minutes
            // after the last demo's judge had read its alerts): settled also means no consumer has records to read.
            double lag = consumerLag();
            // A decision deferred while wellbeing caught up on monitoring events is asked again a minute later: the
            // deferral is a moment of the pipeline, not the suite's answer (the judge once read it as the answer).
            boolean pending = now.interventions.stream().anyMatch(i -> now.askedAgainSoon.contains(i.id()));
            stable = same && lag <= 0 && !pending && !now.interventions.isEmpty() ? stable + 1 : 0;
            System.out.printf("    gaps %d, interventions %d %s, wellbeing alerts %d, consumer lag %.0f%n",
                    now.gaps.size(), now.interventions.size(), stateCounts(now), alertCount(now), lag);
            last = now;
            // 25 s without change: longer than wellbeing's 20 s pattern check of active teams
            if (stable >= 5) {
                return now;
            }
        }
        last.problems.add("the suite was still changing (or had produced no intervention) after " + opt.settleSeconds()
                + " s; figures are those of the last poll");
        return last;
    }

    /**
     * Records not yet read by the consumers of signal-, coaching- and wellbeing-service (their Kafka clients' lag on
     * /q/metrics); -1 when no service reports it, so a stack without the metric settles on counts alone.
     */
    private double consumerLag() {
        double lag = -1;
        for (String url : List.of(opt.signalUrl(), opt.coachingUrl(), opt.wellbeingUrl())) {
            double l = metric(url, "kafka_consumer_fetch_manager_records_lag");
            if (!Double.isNaN(l)) {
                lag = Math.max(lag, 0) + Math.max(l, 0);
            }
        }
        return lag;
    }

    private static int alertCount(Snapshot s) {
        return s.alerts == null ? -1 : s.alerts.size();
    }

    private static Map<String, Long> stateCounts(Snapshot s) {
        return s.interventions.stream().collect(Collectors.groupingBy(Findings.Intervention::state, TreeMap::new, Collectors.counting()));
    }

    /** What the suite shows now, less what it showed when this run started ({@link RunScope}). */
    private Snapshot read() {
        Snapshot s = new Snapshot();
        Set<String> soon = new java.util.HashSet<>();
        s.interventions = scope.interventions(readInterventions(s.problems, soon));
        s.askedAgainSoon = soon;
        s.gaps = scope.gaps(readGaps(s));
        s.alerts = scope.alerts(readAlerts(s.problems));
        return s;
    }

    private List<Findings.Intervention> readInterventions(List<String> problems, Set<String> askedAgainSoon) {
        Map<String, Findings.Intervention> byId = new LinkedHashMap<>();
        Instant soon = Instant.now().plus(ASKED_AGAIN_SOON);
        for (String user : INTERVENTION_READERS) {
            try {
                for (JsonNode n : items(suite.get(opt.coachingUrl() + "/api/v1/interventions", suite.user(user)))) {
                    byId.putIfAbsent(n.path("id").asText(), intervention(n));
                    if ("DEFERRED".equals(text(n, "state")) && n.hasNonNull("scheduledFor")
                            && Instant.parse(n.get("scheduledFor").asText()).isBefore(soon)) {
                        askedAgainSoon.add(n.path("id").asText());
                    }
                }
            } catch (RuntimeException e) {
                problems.add("interventions as " + user + ": " + e.getMessage());
            }
        }
        return new ArrayList<>(byId.values());
    }

    static Findings.Intervention intervention(JsonNode n) {
        JsonNode ev = n.path("evaluation");
        return new Findings.Intervention(n.path("id").asText(), text(n, "gapId"), text(n, "agentId"), text(n, "teamId"),
                text(n, "behaviorId"), text(n, "gapType"), text(n, "kind"), text(n, "ownerRole"), text(n, "state"),
                text(n, "playbookId"), text(n.path("guardrail"), "reason"), strings(n.path("affectedAgentIds")),
                ev.hasNonNull("netImprovement") ? ev.get("netImprovement").asDouble() : null, text(ev, "explanation"));
    }

    /**
     * Gaps as signal-service lists them ({@code GET /api/v1/gaps?teamId=}, read by each team's supervisor or coach);
     * when signal-service offers no listing, the gaps behind coaching's interventions (each carries its gap).
     */
    private List<Findings.Gap> readGaps(Snapshot s) {
        Map<String, Findings.Gap> byId = new LinkedHashMap<>();
        boolean listed = false;
        for (String team : gen.teams()) {
            for (String user : List.of("coach1", "supervisor1", "supervisor2", "process1", "wfm1")) {
                try {
                    JsonNode page = suite.get(opt.signalUrl() + "/api/v1/gaps?teamId=" + team, suite.user(user));
                    for (JsonNode item : items(page)) {
                        // signal-service lists {status, resolvedAt, resolution, gap}; the gap event is nested
                        JsonNode g = item.has("gap") ? item.get("gap") : item;
                        byId.putIfAbsent(g.path("gapId").asText(), new Findings.Gap(text(g, "gapId"), text(g, "agentId"),
                                text(g, "teamId"), text(g, "behaviorId"), text(g, "gapType"), strings(g.path("affectedAgentIds")),
                                "signal-service"));
                    }
                    listed = true;
                    break;
                } catch (SuiteClient.HttpError e) {
                    if (e.status == 404 || e.status == 405) {
                        break;
                    }
                } catch (RuntimeException e) {
                    break;
                }
            }
        }
        if (listed) {
            s.gapSource = "signal-service GET /api/v1/gaps";
            return new ArrayList<>(byId.values());
        }
        s.gapSource = "the gaps behind coaching-service's interventions (signal-service offers no gap listing to these users)";
        for (Findings.Intervention i : s.interventions) {
            byId.putIfAbsent(i.gapId() == null ? i.id() : i.gapId(), new Findings.Gap(i.gapId(), i.agentId(), i.teamId(),
                    i.behaviorId(), i.gapType(), i.affectedAgentIds(), "coaching-service"));
        }
        return new ArrayList<>(byId.values());
    }

    private List<Findings.Alert> readAlerts(List<String> problems) {
        try {
            List<Findings.Alert> out = new ArrayList<>();
            // wellbeing lists alerts per team (its contract); the WFM planner may read every team
            for (String team : gen.teams()) {
                for (JsonNode a : items(suite.get(opt.wellbeingUrl() + "/api/v1/alerts?limit=1000&teamId=" + team,
                        suite.user("wfm1")))) {
                    out.add(new Findings.Alert(text(a, "agentId"), text(a, "teamId"), text(a, "kind"), text(a, "severity")));
                }
            }
            return out;
        } catch (RuntimeException e) {
            problems.add("wellbeing alerts as wfm1: " + e.getMessage());
            return null;
        }
    }

    /** Audit entries in governance's log (total as reported by its query API, read by ciso1); -1 if unreadable. */
    private long auditTotal() {
        try {
            JsonNode page = suite.get(opt.governanceUrl() + "/api/v1/audit/events?size=1", suite.user("ciso1"));
            for (String f : List.of("total", "totalElements", "totalCount", "count")) {
                if (page.has(f)) {
                    return page.get(f).asLong();
                }
            }
            return -2;
        } catch (RuntimeException e) {
            report.problem("audit events as ciso1: " + e.getMessage());
            return -1;
        }
    }

    /** A counter from a service's Prometheus endpoint (its management interface, like health); NaN when absent. */
    private double metric(String baseUrl, String name) {
        try {
            String text = suite.getText(SuiteClient.management(baseUrl) + "/q/metrics");
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})?\\s+([0-9.eE+-]+)$").matcher(text);
            double sum = 0;
            boolean any = false;
            while (m.find()) {
                sum += Double.parseDouble(m.group(2));
                any = true;
            }
            return any ? sum : Double.NaN;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double delta(double before, double after) {
        if (Double.isNaN(after)) {
            return Double.NaN;
        }
        return Double.isNaN(before) ? after : after - before;
    }

    // ---------------------------------------------------------------- follow-up

    private void followUp(GeneratedWeek week, Snapshot s1) {
        report.heading("Follow-up week");
        // the owners start and complete the work they were given (coaching happened)
        Set<String> coached = new LinkedHashSet<>();
        boolean processDone = false;
        boolean staffingDone = false;
        int moved = 0;
        List<String> failures = new ArrayList<>();
        for (Findings.Intervention i : s1.interventions) {
            if (!"ASSIGNED".equals(i.state()) && !"SCHEDULED".equals(i.state()) && !"IN_PROGRESS".equals(i.state())) {
                continue;
            }
            String actor = actor(i);
            if (actor == null) {
                failures.add(i.id() + " (" + i.teamId() + "): no realm user can act for " + i.ownerRole() + " there");
                continue;
            }
            try {
                if (!"IN_PROGRESS".equals(i.state())) {
                    transition(i.id(), actor, "IN_PROGRESS", "Demo: first session held");
                }
                transition(i.id(), actor, "COMPLETED", "Demo: plan completed");
                moved++;
                if (i.agentId() != null) {
                    coached.add(i.agentId());
                } else if ("PROCESS".equals(i.gapType())) {
                    processDone = true;
                } else if ("CAPACITY".equals(i.gapType())) {
                    staffingDone = true;
                }
            } catch (RuntimeException e) {
                failures.add(i.id() + " as " + actor + ": " + e.getMessage());
            }
        }
        report.line("Owners completed " + moved + " interventions (" + coached.size() + " agents coached"
                + (processDone ? ", the billing process fixed" : "") + (staffingDone ? ", afternoon staffing adjusted" : "") + ").");
        failures.stream().limit(10).forEach(f -> report.line("- could not work " + f));

        GeneratedWeek next = ContactCenterGenerator.followUp(gen, new FollowUpPlan(coached, processDone, staffingDone));
        Instant latest = next.signals().get(next.signals().size() - 1).occurredAt();
        if (latest.isAfter(Instant.now().plusSeconds(60))) {
            report.line("The follow-up week (" + next.options().start() + " .. " + next.options().end() + ") lies in the"
                    + " future and signal-service refuses future signals; run with --start at least "
                    + 2 * gen.days() + " days back to replay it.");
            return;
        }
        Ingest second = post("week 2", next.signals());
        report.ingest("Week 2 (" + next.options().start() + " .. " + next.options().end() + ")", second);
        report.outcomesPlanned(next.outcomes());
        sleep(10_000); // let the suite take in week 2 before measuring

        // coaching's follow-up evaluation, triggered now instead of waiting for the scheduler. The follow-up week is
        // replayed history, so its dates precede the (real-time) coaching: platform-admin names the replay window.
        Snapshot s2 = read();
        Instant afterTo = next.options().end().isAfter(Instant.now()) ? Instant.now().minusSeconds(1) : next.options().end();
        String window = "?afterFrom=" + next.options().start() + "&afterTo=" + afterTo;
        List<String[]> evals = new ArrayList<>();
        Set<String> ours = new LinkedHashSet<>();
        week.roster().forEach(a -> ours.add(a.agentId()));
        for (Findings.Intervention i : s2.interventions) {
            // only this demo's agents and teams: the stack may hold other data (tests, benchmarks)
            boolean mine = i.agentId() != null ? ours.contains(i.agentId()) : gen.teams().contains(i.teamId());
            if (!"FOLLOW_UP".equals(i.state()) || !mine) {
                continue;
            }
            try {
                JsonNode r = suite.post(opt.coachingUrl() + "/api/v1/interventions/" + i.id() + "/evaluate" + window,
                        suite.user("admin1"), new byte[0]);
                Findings.Intervention after = intervention(r);
                Boolean truth = truth(i, week, next.outcomes(), processDone, staffingDone);
                evals.add(new String[]{label(i), after.state(), after.netImprovement() == null ? "" : fmt(after.netImprovement()),
                        truth == null ? "nothing planted" : truth ? "improved" : "did not improve",
                        StrictJudge.agreement(after.state(), truth).name(),
                        after.evaluationExplanation() == null ? "" : after.evaluationExplanation()});
            } catch (RuntimeException e) {
                evals.add(new String[]{label(i), "not evaluated", "", "", StrictJudge.Agreement.NOT_EVALUATED.name(), e.getMessage()});
            }
        }
        report.evaluations(evals);
        report.effectiveness(effectiveness(s2));
    }

    /**
     * The generator's ground truth for an evaluated intervention: a coached agent improved or not (FollowUpPlan); a
     * team-level fix of a planted team problem applied in the follow-up week; any other team-level work changed
     * nothing the generator knows of.
     */
    static Boolean truth(Findings.Intervention i, GeneratedWeek week, Map<String, Boolean> outcomes, boolean processDone,
                         boolean staffingDone) {
        if (i.agentId() != null) {
            return outcomes.get(i.agentId());
        }
        for (io.wem.demo.generator.PlantedScenario s : week.scenarios()) {
            if (StrictJudge.explains(s, i)) {
                return "PROCESS".equals(s.expectedGapType()) ? processDone : "CAPACITY".equals(s.expectedGapType()) ? staffingDone : null;
            }
        }
        return false;
    }

    private static String label(Findings.Intervention i) {
        return (i.agentId() == null ? i.teamId() + " (team)" : i.agentId()) + " " + i.behaviorId() + "/" + i.gapType();
    }

    private void transition(String id, String user, String to, String note) {
        ObjectNode body = SignalJson.MAPPER.createObjectNode().put("to", to).put("note", note);
        suite.postJson(opt.coachingUrl() + "/api/v1/interventions/" + id + "/transitions", suite.user(user), body);
    }

    /** A realm user who may act for the intervention's owner role in its team (see the realm in deploy/keycloak). */
    static String actor(Findings.Intervention i) {
        String role = i.ownerRole() == null ? "" : i.ownerRole();
        switch (role) {
            case "process-owner":
                return "process1";
            case "wfm-planner":
                return "wfm1";
            case "coach":
            case "trainer":
                return "team-north".equals(i.teamId()) || "team-south".equals(i.teamId()) ? "coach1" : null;
            case "supervisor":
                return "team-north".equals(i.teamId()) ? "supervisor1" : "team-south".equals(i.teamId()) ? "supervisor2" : null;
            default:
                return null;
        }
    }

    private List<String[]> effectiveness(Snapshot s) {
        List<String[]> rows = new ArrayList<>();
        Set<String> playbooks = s.interventions.stream().map(Findings.Intervention::playbookId)
                .filter(p -> p != null && !p.isBlank()).collect(Collectors.toCollection(java.util.TreeSet::new));
        for (String id : playbooks) {
            try {
                JsonNode e = suite.get(opt.coachingUrl() + "/api/v1/playbooks/" + id + "/effectiveness", suite.user("coach1"));
                rows.add(new String[]{id, e.path("interventions").asText(), e.path("closed").asText(),
                        e.path("closedEffective").asText(), num(e, "successRate"), num(e, "meanEffect")
                        + (e.hasNonNull("meanEffectCiLow") ? " [" + num(e, "meanEffectCiLow") + ", " + num(e, "meanEffectCiHigh") + "]" : ""),
                        num(e, "medianHoursGapToFirstCoaching")});
            } catch (RuntimeException ex) {
                rows.add(new String[]{id, "", "", "", "", "", ex.getMessage()});
            }
        }
        return rows;
    }

    // ---------------------------------------------------------------- JSON helpers

    /** The items of a list answer: a JSON array, or a page object with items/content/events/alerts/gaps. */
    static List<JsonNode> items(JsonNode n) {
        JsonNode arr = n;
        if (n != null && n.isObject()) {
            for (String f : List.of("items", "content", "events", "alerts", "gaps", "results", "data")) {
                if (n.has(f) && n.get(f).isArray()) {
                    arr = n.get(f);
                    break;
                }
            }
        }
        List<JsonNode> out = new ArrayList<>();
        if (arr != null && arr.isArray()) {
            arr.forEach(out::add);
        }
        return out;
    }

    static String text(JsonNode n, String f) {
        return n != null && n.hasNonNull(f) ? n.get(f).asText() : null;
    }

    static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    static String num(JsonNode n, String f) {
        return n.hasNonNull(f) ? fmt(n.get(f).asDouble()) : "–";
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static <T> Map<String, Long> count(List<T> xs, Function<T, String> key) {
        return xs.stream().collect(Collectors.groupingBy(x -> String.valueOf(key.apply(x)), TreeMap::new, Collectors.counting()));
    }

    static Duration elapsed(long millis) {
        return Duration.ofMillis(millis);
    }
}
