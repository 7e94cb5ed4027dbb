package io.wem.demo;

import io.wem.demo.driver.DemoDriver;
import io.wem.demo.driver.DriverOptions;
import io.wem.demo.generator.ContactCenterGenerator;
import io.wem.demo.generator.FollowUpPlan;
import io.wem.demo.generator.GeneratedWeek;
import io.wem.demo.generator.GeneratorOptions;
import io.wem.demo.generator.PlantedScenario;
import io.wem.demo.generator.Signal;
import io.wem.demo.generator.SignalJson;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Entry point of {@code ./wem demo}: {@code generate} writes a synthetic contact center as NDJSON signals,
 * {@code run} replays it through the running suite and prints the report, {@code scenarios} lists what is planted.
 */
public final class DemoMain {

    static final Set<String> GENERATOR_OPTIONS = Set.of("seed", "agents", "interactions", "days", "start", "run-id");

    private DemoMain() {
    }

    public static void main(String[] argv) {
        try {
            System.exit(run(argv));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
        }
    }

    static int run(String[] argv) {
        if (argv.length == 0 || argv[0].equals("help") || argv[0].equals("--help") || argv[0].equals("-h")) {
            System.out.println(usage());
            return 0;
        }
        List<String> rest = Arrays.asList(argv).subList(1, argv.length);
        switch (argv[0]) {
            case "generate":
                return generate(rest);
            case "scenarios":
                return scenarios(rest);
            case "run":
                return runDemo(rest);
            default:
                throw new IllegalArgumentException("unknown command '" + argv[0] + "'");
        }
    }

    static String usage() {
        return String.join("\n",
                "Usage: DemoMain COMMAND [options]",
                "",
                "  run        replay a generated week through the running suite and print the report (./wem demo)",
                "  generate   write generated signals as NDJSON, one signal per line",
                "  scenarios  list the planted situations and the agents they use",
                "",
                "Generator options (all commands):",
                "  --seed N            random seed (default 42); same options -> same signals",
                "  --agents N          agents, spread over team-north, team-south, team-east (default 60)",
                "  --interactions N    interactions in the week (default 20000)",
                "  --days N            length of the week in days (default 7)",
                "  --start INSTANT     first instant, UTC (default: 00:00 UTC 14 days ago)",
                "  --run-id ID         prefix of generated ids (generate: s<seed in base 36>; run: unique per run)",
                "  --no-scenarios      do not plant the six situations",
                "generate:",
                "  --out FILE          NDJSON output (default: stdout)",
                "  --follow-up         the week after --start instead (needs --coached)",
                "  --coached A,B,...   agents coached after the first week",
                "  --process-fixed     the billing knowledge gap was fixed   --staffing-fixed  afternoons were staffed",
                "run:",
                "  --report FILE       Markdown report (default .wem/demo-report.md)",
                "  --keycloak URL      default http://127.0.0.1:8180 (realm wem)",
                "  --signal-url URL --coaching-url URL --governance-url URL --wellbeing-url URL",
                "                      defaults http://127.0.0.1:8081 .. 8084",
                "  --batch N           signals per POST, at most 1000 (default 1000)",
                "  --settle-timeout S  seconds to wait for the suite to settle after each week (default 300)",
                "  --skip-follow-up    stop after the first week's report");
    }

    static GeneratorOptions generatorOptions(Args a, String defaultRunId) {
        long seed = a.getLong("seed", 42);
        GeneratorOptions d = GeneratorOptions.defaults(seed);
        Instant start = d.start();
        if (a.has("start")) {
            try {
                start = Instant.parse(a.get("start", null));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--start: not an ISO-8601 instant (e.g. 2026-03-02T00:00:00Z): "
                        + a.get("start", null));
            }
        }
        return new GeneratorOptions(seed, GeneratorOptions.DEFAULT_TEAMS, a.getInt("agents", GeneratorOptions.DEFAULT_AGENTS),
                a.getInt("interactions", GeneratorOptions.DEFAULT_INTERACTIONS), start,
                a.getInt("days", GeneratorOptions.DEFAULT_DAYS),
                a.get("run-id", defaultRunId != null ? defaultRunId : GeneratorOptions.defaultRunId(seed)),
                !a.flag("no-scenarios"));
    }

    private static int generate(List<String> argv) {
        Args a = new Args(argv, union(GENERATOR_OPTIONS, Set.of("out", "coached")),
                Set.of("no-scenarios", "follow-up", "process-fixed", "staffing-fixed"));
        GeneratorOptions o = generatorOptions(a, null);
        GeneratedWeek w;
        if (a.flag("follow-up")) {
            Set<String> coached = a.has("coached") ? new TreeSet<>(Arrays.asList(a.get("coached", "").split(",")))
                    : Set.of();
            w = ContactCenterGenerator.followUp(o, new FollowUpPlan(coached, a.flag("process-fixed"), a.flag("staffing-fixed")));
        } else {
            w = ContactCenterGenerator.generate(o);
        }
        try {
            if (a.has("out")) {
                Path out = Path.of(a.get("out", null));
                SignalJson.writeNdjson(w.signals(), out);
                System.err.println("wrote " + w.signals().size() + " signals to " + out + " " + countsByKind(w.signals()));
            } else {
                for (Signal s : w.signals()) {
                    System.out.println(SignalJson.toJson(s));
                }
                System.out.flush();
                System.err.println(w.signals().size() + " signals " + countsByKind(w.signals()));
            }
        } catch (java.io.IOException e) {
            System.err.println("error: cannot write " + a.get("out", "stdout") + ": " + e.getMessage());
            return 1;
        }
        return 0;
    }

    private static int scenarios(List<String> argv) {
        Args a = new Args(argv, GENERATOR_OPTIONS, Set.of("no-scenarios"));
        GeneratedWeek w = ContactCenterGenerator.generate(generatorOptions(a, null));
        for (PlantedScenario s : w.scenarios()) {
            System.out.println(s.id() + "  " + s.title());
            System.out.println("    " + s.description());
            System.out.println("    team " + s.teamId() + ", agents " + s.agentIds());
            System.out.println("    expected: " + DemoDriver.expectationText(s));
        }
        return 0;
    }

    private static int runDemo(List<String> argv) {
        Args a = new Args(argv, union(GENERATOR_OPTIONS, Set.of("report", "keycloak", "signal-url", "coaching-url",
                "governance-url", "wellbeing-url", "batch", "settle-timeout")), Set.of("no-scenarios", "skip-follow-up"));
        // a run id unique per run, so a second demo against the same suite adds new data instead of duplicates
        String runId = "r" + Long.toString(System.currentTimeMillis() / 1000, 36);
        GeneratorOptions o = generatorOptions(a, runId);
        DriverOptions d = new DriverOptions(
                a.get("keycloak", "http://127.0.0.1:8180"),
                a.get("signal-url", "http://127.0.0.1:8081"),
                a.get("coaching-url", "http://127.0.0.1:8082"),
                a.get("governance-url", "http://127.0.0.1:8083"),
                a.get("wellbeing-url", "http://127.0.0.1:8084"),
                Math.min(1000, Math.max(1, a.getInt("batch", 1000))),
                a.getInt("settle-timeout", 300),
                Path.of(a.get("report", ".wem/demo-report.md")),
                !a.flag("skip-follow-up"));
        return new DemoDriver(o, d).run();
    }

    static Map<String, Long> countsByKind(List<Signal> signals) {
        return signals.stream().collect(Collectors.groupingBy(s -> s.getClass().getSimpleName(), TreeMap::new,
                Collectors.counting()));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new TreeSet<>(a);
        s.addAll(b);
        return s;
    }
}
