package io.wem.bench;

import io.wem.bench.ingest.CopyReference;
import io.wem.bench.ingest.KafkaIngestBench;
import io.wem.bench.ingest.ProducerPerfReference;
import io.wem.bench.ingest.SignalSet;
import io.wem.bench.jmh.RedactionRun;
import io.wem.bench.latency.ClosedLoopBench;
import io.wem.bench.load.OpenLoop;
import io.wem.bench.profile.JfrSummary;
import io.wem.bench.report.Figure;
import io.wem.bench.report.Report;
import io.wem.bench.rest.RestBench;
import io.wem.bench.stack.Footprint;
import io.wem.bench.stack.Stack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./wem bench}: measures the running local stack and prints every figure beside a reference measured in the
 * same run (see docs/benchmarks.md). Never starts or stops anything; figures it cannot measure are printed as such,
 * with the reason.
 *
 * <pre>
 * ./wem bench [--only ingest,latency,rest,console,redaction,footprint] [--signals N] [--quick]
 * </pre>
 */
public final class BenchMain {
    static final Set<String> PHASES = Set.of("ingest", "latency", "rest", "console", "redaction", "footprint");

    final Stack stack;
    final Report report = new Report();
    final Set<String> only;
    final int signals;
    final boolean quick;
    final String runId;
    final Path out;
    Footprint load;
    Double kafkaE2e;

    BenchMain(Path root, Set<String> only, int signals, boolean quick, Path out) {
        this.stack = new Stack(root);
        this.only = only;
        this.signals = signals;
        this.quick = quick;
        this.out = out;
        // GeneratorOptions wants [a-z][a-z0-9]{0,11}: "b" + seconds since epoch in base 36 (unique per run).
        this.runId = "b" + Long.toString(System.currentTimeMillis() / 1000, 36);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("wem.root", ".")).toAbsolutePath().normalize();
        Set<String> only = new LinkedHashSet<>(PHASES);
        int signals = 150_000;
        boolean quick = false;
        Path out = root.resolve("bench-results.json");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--only" -> {
                    only.clear();
                    for (String p : args[++i].split(",")) {
                        if (!PHASES.contains(p)) {
                            usage("unknown phase " + p);
                        }
                        only.add(p);
                    }
                }
                case "--signals" -> signals = Integer.parseInt(args[++i]);
                case "--quick" -> quick = true;
                case "--out" -> out = Path.of(args[++i]);
                case "-h", "--help" -> usage(null);
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (quick && signals == 150_000) {
            signals = 40_000;
        }
        BenchMain b = new BenchMain(root, only, signals, quick, out);
        int rc = b.run();
        System.exit(rc);
    }

    static void usage(String error) {
        if (error != null) {
            System.err.println("error: " + error);
        }
        System.err.println("usage: ./wem bench [--only " + String.join(",", PHASES) + "] [--signals N] [--quick] [--out FILE]");
        System.exit(error == null ? 0 : 2);
    }

    int run() throws Exception {
        machine();
        Map<String, String> ready = stack.readiness();
        ready.forEach((s, why) -> System.out.println("  " + s + ": " + (why == null ? "ready" : "NOT ready (" + why + ")")));
        report.fact("readiness", ready);
        report.fact("runId", runId);
        Map<String, Double> idle = Footprint.snapshot(stack);
        load = new Footprint(stack);
        try {
            if (only.contains("ingest")) {
                step("1. Kafka ingestion end to end (" + signals + " signals)");
                ingest(ready);
            }
            if (only.contains("latency")) {
                step("2. Closed-loop latency");
                latency(ready);
            }
            if (only.contains("rest")) {
                step("3. REST");
                rest(ready);
            }
            if (only.contains("console")) {
                step("6. Console pages (signed in, demo data)");
                console();
            }
        } finally {
            load.close();
        }
        if (only.contains("redaction")) {
            step("4. Redaction (JMH RedactionBenchmark)");
            redaction();
        }
        if (only.contains("footprint")) {
            step("5. Footprint");
            footprint(idle, only.contains("ingest") || only.contains("latency") || only.contains("rest")
                    ? load.max() : Map.of());
        }
        report.print(System.out);
        report.write(out);
        System.out.println("written: " + out);
        return 0;
    }

    static void step(String s) {
        System.out.println();
        System.out.println("==> " + s);
    }

    void machine() {
        report.machine("nproc", Runtime.getRuntime().availableProcessors());
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) {
                    report.machine("cpu", l.substring(l.indexOf(':') + 1).trim());
                    break;
                }
            }
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    report.machine("memoryMb", Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024);
                }
            }
            report.machine("loadAverage", Files.readString(Path.of("/proc/loadavg")).trim());
        } catch (IOException ignored) {
            // not Linux: the figures still stand, the machine line is shorter
        }
        report.machine("java", System.getProperty("java.version"));
    }

    // ----------------------------------------------------------------------------------------------------------
    // 1. ingestion

    void ingest(Map<String, String> ready) {
        SignalSet set;
        long g0 = System.nanoTime();
        set = SignalSet.generate(runId, signals, 600);
        int n = set.records().size();
        int size = set.averageRecordBytes();
        System.out.printf(Locale.ROOT, "    generated %,d signals (%d B per record on average) in %.1f s%n", n, size,
                (System.nanoTime() - g0) / 1e9);
        report.fact("ingest.signals", n);
        report.fact("ingest.averageRecordBytes", size);

        Double copyRate = null;
        try {
            CopyReference copy = new CopyReference("127.0.0.1", 5432, "postgres");
            CopyReference.Result r = copy.run(stack.root().resolve("signal-service/src/main/resources/db/migration"),
                    set.signals());
            copyRate = r.rowsPerSecond();
            report.fact("ingest.copy", Map.of("rows", r.rows(), "seconds", r.seconds(), "perTable", r.perTable()));
            System.out.printf(Locale.ROOT, "    COPY: %,d rows in %.2f s%n", r.rows(), r.seconds());
            copy.drop();
        } catch (Exception e) {
            System.out.println("    COPY reference failed: " + e.getMessage());
            report.fact("ingest.copyError", String.valueOf(e.getMessage()));
        }

        Double perfRate = null;
        String perfTopic = "wem.bench.producer-perf.v1";
        try (Admin admin = KafkaIngestBench.admin()) {
            admin.deleteTopics(List.of(perfTopic)).all().get(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // absent: nothing to clean
        }
        try (Admin admin = KafkaIngestBench.admin()) {
            KafkaIngestBench.ensureTopic(admin, perfTopic, 6);
            List<String> props = new ArrayList<>();
            KafkaIngestBench.PRODUCER.forEach((k, v) -> props.add(k + "=" + v));
            ProducerPerfReference.Result r = ProducerPerfReference.run(kafkaLib(), Stack.KAFKA, perfTopic, n, size, props);
            perfRate = r.recordsPerSecond();
            report.fact("ingest.producerPerformance", r.summary());
            System.out.println("    ProducerPerformance: " + r.summary());
            admin.deleteTopics(List.of(perfTopic)).all().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.out.println("    ProducerPerformance reference failed: " + e.getMessage());
            report.fact("ingest.producerPerformanceError", String.valueOf(e.getMessage()));
        }

        String why = ready.get("signal-service");
        Figure e2e;
        Figure perCpu = null;
        if (why != null) {
            e2e = Figure.missing(1, "ingest.kafka.e2e", "Kafka → signal-service stored (steady state)", "signals/s",
                    "signal-service " + why);
        } else {
            Optional<Long> pid = stack.pid("signal-service");
            Path jfr = Path.of(System.getProperty("java.io.tmpdir"), "wem-bench-signal-" + runId + ".jfr");
            boolean profiling = pid.isPresent() && jfrStart(pid.get(), jfr);
            try {
                io.wem.bench.stack.CpuAccounting cpu = new io.wem.bench.stack.CpuAccounting();
                KafkaIngestBench.Result r = new KafkaIngestBench(stack).run(set, quick ? 120_000 : 240_000);
                Map<String, Double> used = cpu.since();
                Double svcCpu = used.get("signal-service");
                if (svcCpu != null && svcCpu > 0) {
                    // Robust to the other tenants of the machine: what one core of signal-service gets through.
                    double total = used.entrySet().stream().filter(x -> !x.getKey().equals("wall"))
                            .mapToDouble(Map.Entry::getValue).sum();
                    perCpu = Figure.of(1, "ingest.kafka.perCpuSecond", "  signals stored per signal-service CPU-second",
                            r.storedDelta() / svcCpu, "signals/cpu-s")
                            .reference("wall-clock rate over the whole run", r.storedDelta() / r.drainSeconds(), "signals/s")
                            .note(String.format(Locale.ROOT, "signal-service used %.1f of %.1f CPU-s burnt on the "
                                    + "machine in %.0f s; see facts ingest.cpuSeconds", svcCpu, total, used.get("wall")));
                }
                report.fact("ingest.cpuSeconds", used);
                System.out.println("    CPU seconds during the run, by process: " + used);
                report.fact("ingest.e2e", Map.of("produced", r.produced(), "produceSeconds", r.produceSeconds(),
                        "stored", r.storedDelta(), "drainSeconds", r.drainSeconds(), "overallRate", r.overallRate(),
                        "evaluationDrainedAtSeconds", String.valueOf(r.evaluationDrainedSeconds()),
                        "countSource", r.countSource(), "samples", KafkaIngestBench.summary(r.samples()),
                        "consumerMetricsMidRun", r.consumerMetrics()));
                System.out.println("    signal-service's Kafka consumer mid-run: " + r.consumerMetrics());
                System.out.printf(Locale.ROOT, "    produced %,d in %.1f s; stored %,.0f, last change at %.1f s; "
                                + "detector queue (dirty_team) empty at %s s (counted by %s)%n", r.produced(), r.produceSeconds(), r.storedDelta(),
                        r.drainSeconds(), r.evaluationDrainedSeconds(), r.countSource());
                kafkaE2e = r.steadyRate();
                e2e = Figure.of(1, "ingest.kafka.e2e", "Kafka → signal-service stored (steady state)", r.steadyRate(),
                        "signals/s");
                if (r.storedDelta() < r.produced()) {
                    e2e = e2e.note(String.format(Locale.ROOT, "%,.0f of %,d signals stored; the rest were dead-lettered "
                            + "(invalid, or text governance could not redact) or not consumed within the time limit",
                            r.storedDelta(), r.produced()));
                }
            } catch (Exception e) {
                e2e = Figure.missing(1, "ingest.kafka.e2e", "Kafka → signal-service stored (steady state)",
                        "signals/s", "run failed: " + e);
            }
            if (profiling) {
                profileSummary(jfr);
            }
        }
        report.add(e2e.aim("≥ 20,000 signals/s", e2e.value() != null && e2e.value() >= 20_000));
        if (perCpu != null) {
            report.add(perCpu);
        }
        Figure vsKafka = new Figure(1, "ingest.kafka.vsProducerPerformance", "  same, against raw Kafka produce",
                e2e.value(), "signals/s", null, null, null, null, null, null, e2e.value() == null ? e2e.note() : null)
                .reference("ProducerPerformance, same broker/size/count", perfRate, "records/s");
        report.add(vsKafka.aim("ratio ≥ 0.25", vsKafka.ratio() != null && vsKafka.ratio() >= 0.25));
        report.add(new Figure(1, "ingest.kafka.vsCopy", "  same, against PostgreSQL COPY of the same rows",
                e2e.value(), "signals/s", null, null, null, null, null, null, e2e.value() == null ? e2e.note() : null)
                .reference("COPY into signal-service's schema (wem_bench)", copyRate, "rows/s"));
    }

    Path kafkaLib() {
        Optional<Long> pid = stack.pid("kafka");
        if (pid.isPresent()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("-cp (\\S+)/\\*").matcher(Stack.cmdline(pid.get()));
            if (m.find()) {
                return Path.of(m.group(1));
            }
        }
        return stack.root().resolve(".wem/kafka/lib");
    }

    boolean jfrStart(long pid, Path file) {
        try {
            Process p = new ProcessBuilder("jcmd", String.valueOf(pid), "JFR.start", "name=wem-bench", "duration=30s",
                    "settings=profile", "filename=" + file).redirectErrorStream(true).start();
            String outText = new String(p.getInputStream().readAllBytes());
            boolean ok = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 && outText.contains("Started recording");
            if (!ok) {
                System.out.println("    JFR not started: " + outText.trim());
            }
            return ok;
        } catch (Exception e) {
            System.out.println("    JFR not started: " + e.getMessage());
            return false;
        }
    }

    void profileSummary(Path jfr) {
        try {
            long end = System.currentTimeMillis() + 45_000;
            while (System.currentTimeMillis() < end && !(Files.exists(jfr) && Files.size(jfr) > 0)) {
                Thread.sleep(500);
            }
            Thread.sleep(1000);
            JfrSummary.Summary s = JfrSummary.read(jfr, 15);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("file", jfr.toString());
            f.put("executionSamples", s.samples());
            f.put("consumerThreadMillis", s.consumerMillis());
            f.put("consumerWallSharePercent", s.consumerShare());
            List<String> top = new ArrayList<>();
            s.topSelf().forEach(e -> top.add(String.format(Locale.ROOT, "%5.1f%% %s", 100.0 * e.getValue() / s.samples(),
                    e.getKey())));
            f.put("topSelfMethods", top);
            report.fact("ingest.profile", f);
            System.out.printf(Locale.ROOT, "    JFR of signal-service: where the Kafka consumer's time goes (%.1f s observed)%n",
                    s.consumerMillis() / 1000);
            s.consumerShare().forEach((k, v) -> System.out.printf(Locale.ROOT, "      %5.1f%%  %s%n", v, k));
            System.out.println("    hottest methods of the whole JVM (self, " + s.samples() + " samples):");
            top.forEach(t -> System.out.println("      " + t));
        } catch (Exception e) {
            System.out.println("    JFR summary failed: " + e.getMessage());
        }
    }

    // ----------------------------------------------------------------------------------------------------------
    // 2. closed-loop latency

    void latency(Map<String, String> ready) {
        String why = firstNotReady(ready, "signal-service", "coaching-service", "wellbeing-service");
        int[] rates = {200, 1000};
        if (why == null) {
            try {
                String coach = stack.userToken("coach1", "wem-local");
                ClosedLoopBench b = new ClosedLoopBench(stack, runId);
                try (KafkaProducer<String, String> p = KafkaIngestBench.producer()) {
                    b.sendBaseline(p);
                }
                Thread.sleep(5000); // the baseline is stored and evaluated before the first probe
                int probes = quick ? 8 : 20;
                for (int rate : rates) {
                    int needed = (int) (rate * (probes * 1.5 + 40));
                    SignalSet bg = SignalSet.generate(runId + "l" + rate / 100, needed, 120);
                    ClosedLoopBench.Result r = b.run(coach, bg, rate, probes, 1.5, 30);
                    String base = "latency.r" + rate;
                    report.fact(base, Map.of("probes", r.probes(), "seen", r.seen(), "seenTeamLevel",
                            r.seenTeamLevel(), "backgroundAchieved", r.achievedBackgroundRate(),
                            "note", String.valueOf(r.note())));
                    for (double pct : new double[]{50, 95, 99}) {
                        String id = base + ".p" + (int) pct;
                        String label = String.format(Locale.ROOT, "signal → intervention visible, p%d @ %d/s", (int) pct, rate);
                        Figure f = r.seen() == 0
                                ? Figure.missing(2, id, label, "ms", r.note() == null ? "no probe observed" : r.note())
                                : Figure.of(2, id, label, r.closedLoop().percentileMs(pct), "ms");
                        if (r.seen() > 0 && r.note() != null) {
                            f = f.note(r.note());
                        }
                        f = f.reference("one Kafka hop p" + (int) pct + ", same load", r.kafkaHop().percentileMs(pct), "ms");
                        if (pct == 99) {
                            f = f.aim("p99 < 1,000 ms", f.value() != null && f.value() < 1000 && r.note() == null);
                        }
                        report.add(f.note("n=" + r.seen() + " probes" + (r.seenTeamLevel() == 0 ? "" : ", "
                                + r.seenTeamLevel() + " of them answered by the team's process fix (probes had made "
                                + "the gap team-wide)")));
                    }
                }
                return;
            } catch (Exception e) {
                why = "run failed: " + e;
            }
        }
        for (int rate : rates) {
            report.add(Figure.missing(2, "latency.r" + rate + ".p99", "signal → intervention visible, p99 @ " + rate + "/s",
                    "ms", why).aim("p99 < 1,000 ms", false));
        }
    }

    String firstNotReady(Map<String, String> ready, String... services) {
        for (String s : services) {
            if (ready.get(s) != null) {
                return s + " " + ready.get(s);
            }
        }
        return null;
    }

    // ----------------------------------------------------------------------------------------------------------
    // 3. REST

    /**
     * Every console page and download, timed to the last byte after signing in as the demo's users (issue #19: under
     * 300 ms on the local stack with the demo's data); {@link io.wem.bench.console.ConsolePages} lists them. A page
     * that needs an id (one intervention) takes the first its user's inbox links; an empty inbox means the demo's data
     * is missing, and the figure says so instead of timing an error page. Reference: the stylesheet, same session.
     */
    void console() {
        String url = System.getProperty("wem.bench.console-url", "http://127.0.0.1:8085");
        Map<String, List<String>> pagesByUser = io.wem.bench.console.ConsolePages.byUser();
        Map<String, Long> timedBy = new LinkedHashMap<>();
        pagesByUser.values().forEach(paths -> paths.forEach(p -> timedBy.merge(p, 1L, Long::sum)));
        int samples = quick ? 10 : 30;
        pagesByUser.forEach((user, paths) -> {
            try {
                io.wem.bench.console.ConsoleBench bench = new io.wem.bench.console.ConsoleBench(url);
                bench.signIn(user, System.getProperty("wem.bench.console-password", "wem-local"));
                var css = bench.time("/static/console.css", 3, samples);
                for (String path : paths) {
                    // one user's page keeps its id of earlier runs; a page several users open is told apart by user
                    String id = "console." + (timedBy.get(path) > 1 ? user + "." : "") + path;
                    String label = user + ": GET " + path + " (p95 of " + samples + ")";
                    String filled = io.wem.bench.console.ConsolePages.fill(path, bench::read);
                    if (filled == null) {
                        report.add(Figure.missing(6, id, label, "ms", "nothing to open: " + user + "'s pages link "
                                + "none (is the demo's data loaded? ./wem demo)"));
                        continue;
                    }
                    var t = bench.time(filled, 3, samples);
                    Figure f = Figure.of(6, id, label, t.p95Millis(), "ms")
                            .reference("the console's stylesheet, same session (p95)", css.p95Millis(), "ms")
                            .aim("< 300 ms", t.p95Millis() < 300 && t.status() == 200)
                            .note("p50 " + Math.round(t.p50Millis()) + " ms, max " + Math.round(t.maxMillis())
                                    + " ms, status " + t.status() + (filled.equals(path) ? "" : ", opened " + filled));
                    report.add(f);
                }
            } catch (Exception e) {
                report.add(Figure.missing(6, "console." + user, user + "'s pages", "ms", "run failed: " + e));
            }
        });
    }

    void rest(Map<String, String> ready) {
        RestBench rest = new RestBench();
        int count = quick ? 1500 : 3000;
        // batched ingestion
        String why = ready.get("signal-service");
        if (why == null) {
            try {
                String token = stack.clientToken("wem-integration", "wem-integration-local-secret");
                SignalSet set = SignalSet.generate(runId + "r", quick ? 20_000 : 60_000, 300);
                List<String> bodies = RestBench.batches(set.signals(), 500);
                rest.ingest(token, bodies.subList(0, Math.min(4, bodies.size())), 2, 30); // warm-up
                RestBench.IngestResult r = rest.ingest(token, bodies.subList(Math.min(4, bodies.size()), bodies.size()),
                        4, quick ? 30 : 60);
                report.fact("rest.ingest", Map.of("accepted", r.accepted(), "duplicates", r.duplicates(), "refused",
                        r.refused(), "batches", r.batches(), "failed", r.failed(), "seconds", r.seconds(),
                        "statuses", r.statuses()));
                Figure f = Figure.of(3, "rest.ingest", "POST /api/v1/signals, 500 per batch, 4 connections",
                        r.signalsPerSecond(), "signals/s")
                        .reference("Kafka path, steady state (section 1)", kafkaE2e, "signals/s");
                if (r.failed() > 0 || r.refused() > 0) {
                    f = f.note(r.failed() + " batches failed, " + r.refused() + " text signals refused (503); statuses "
                            + r.statuses());
                }
                report.add(f);
            } catch (Exception e) {
                report.add(Figure.missing(3, "rest.ingest", "POST /api/v1/signals, 500 per batch", "signals/s",
                        "run failed: " + e));
            }
        } else {
            report.add(Figure.missing(3, "rest.ingest", "POST /api/v1/signals, 500 per batch", "signals/s",
                    "signal-service " + why));
        }
        // authenticated read
        why = ready.get("coaching-service");
        if (why == null) {
            try {
                String agent = stack.userToken("agent1", "wem-local");
                String url = Stack.url("coaching-service") + "/api/v1/me/interventions";
                latencyPair(rest, "rest.read", "GET /api/v1/me/interventions (agent1)", "coaching-service",
                        r -> rest.get(url, agent, r, count, 60), 200, count, null);
            } catch (Exception e) {
                report.add(Figure.missing(3, "rest.read.p99", "GET /api/v1/me/interventions p99", "ms", "run failed: " + e));
            }
        } else {
            report.add(Figure.missing(3, "rest.read.p99", "GET /api/v1/me/interventions p99", "ms",
                    "coaching-service " + why));
        }
        // guardrail evaluation
        why = ready.get("wellbeing-service");
        if (why == null) {
            try {
                String svc = stack.clientToken("coaching-service", "coaching-service-local-secret");
                for (int rate : new int[]{200, 500}) {
                    latencyPair(rest, "rest.guardrail.r" + rate, "POST /api/v1/guardrails/evaluations", "wellbeing-service",
                            r -> rest.guardrail(svc, runId, 200, r, count, 60), rate, count, 20.0);
                }
            } catch (Exception e) {
                report.add(Figure.missing(3, "rest.guardrail.p99", "guardrail evaluation p99", "ms", "run failed: " + e));
            }
        } else {
            report.add(Figure.missing(3, "rest.guardrail.p99", "guardrail evaluation p99", "ms",
                    "wellbeing-service " + why).aim("p99 < 20 ms", false));
        }
    }

    interface Load {
        OpenLoop.Result at(double rate) throws Exception;
    }

    /** Warm-up, the reference (unauthenticated /q/health/live of the same service), then the measured endpoint. */
    void latencyPair(RestBench rest, String id, String label, String service, Load load, int rate,
                     int count, Double aimP99) throws Exception {
        String health = Stack.managementUrl(service) + "/q/health/live";
        rest.get(health, null, rate, Math.min(500, count), 20);
        load.at(rate); // warm-up: JIT, connection pool, JWKS cache
        OpenLoop.Result ref = rest.get(health, null, rate, count, 60);
        OpenLoop.Result r = load.at(rate);
        report.fact(id, Map.of("sent", r.sent(), "ok", r.ok(), "errors", r.errors(), "dropped", r.dropped(),
                "statuses", r.statuses().toString(), "achievedRate", r.achievedRate(), "referenceOk", ref.ok()));
        for (double pct : new double[]{50, 99}) {
            Figure f = Figure.of(3, id + ".p" + (int) pct, String.format(Locale.ROOT, "%s p%d @ %d/s", label, (int) pct, rate),
                            r.latencies().percentileMs(pct), "ms")
                    .reference("GET /q/health/live, same service/rate", ref.latencies().percentileMs(pct), "ms");
            if (r.errors() > 0 || r.dropped() > 0) {
                f = f.note(r.errors() + " errors, " + r.dropped() + " dropped, statuses " + r.statuses());
            }
            if (pct == 99 && aimP99 != null) {
                f = f.aim("p99 < " + aimP99.intValue() + " ms", f.value() != null && f.value() < aimP99 && r.errors() == 0);
            }
            report.add(f);
        }
    }

    // ----------------------------------------------------------------------------------------------------------
    // 4. redaction

    void redaction() {
        try {
            RedactionRun.Result r = RedactionRun.run();
            if (r == null) {
                report.add(Figure.missing(4, "redaction.engine", "PCI redaction engine, 1 thread", "MB/s per core",
                        "RedactionBenchmark is not in this build (governance has not added it yet)"));
                return;
            }
            report.fact("redaction", Map.of("corpusMb", r.corpusMb(), "opsPerSecond", r.opsPerSecond(),
                    "scoreError", r.errors()));
            Double engine = r.mbPerSecond("engine");
            Double naive = r.mbPerSecond("naiveRegexLuhn");
            Figure f = engine == null
                    ? Figure.missing(4, "redaction.engine", "PCI redaction engine, 1 thread", "MB/s per core",
                    "no 'engine' result in " + r.opsPerSecond().keySet())
                    : Figure.of(4, "redaction.engine", "PCI redaction engine, 1 thread (JMH)", engine, "MB/s per core");
            report.add(f.reference("naive regex + Luhn, same corpus", naive, "MB/s per core")
                    .note(String.format(Locale.ROOT, "JMH 99.9%% error: engine ±%.1f, naive ±%.1f MB/s (corpus %.3f MB)",
                            nz(r.errors().get("engine")) * r.corpusMb(), nz(r.errors().get("naiveRegexLuhn")) * r.corpusMb(),
                            r.corpusMb())));
        } catch (Exception e) {
            report.add(Figure.missing(4, "redaction.engine", "PCI redaction engine, 1 thread", "MB/s per core",
                    "JMH run failed: " + e));
        }
    }

    static double nz(Double d) {
        return d == null || d.isNaN() ? 0 : d;
    }

    // ----------------------------------------------------------------------------------------------------------
    // 5. footprint

    void footprint(Map<String, Double> idle, Map<String, Double> underLoad) {
        for (String s : Stack.SERVICES) {
            Optional<Long> pid = stack.pid(s);
            if (pid.isEmpty()) {
                report.add(Figure.missing(5, "footprint." + s + ".startup", s + " start-up", "s", "not running"));
                continue;
            }
            Double startup = stack.startupSeconds(s, pid.get());
            report.add(startup == null
                    ? Figure.missing(5, "footprint." + s + ".startup", s + " start-up", "s",
                    "no \"started in\" line in " + stack.logOf(s, pid.get()))
                    : Figure.of(5, "footprint." + s + ".startup", s + " start-up (log)", startup, "s"));
            Double idleRss = idle.get(s);
            Double loadRss = underLoad.get(s);
            Figure rss = loadRss == null
                    ? Figure.missing(5, "footprint." + s + ".rss", s + " RSS under load (max)", "MB",
                    "no load phase ran")
                    : Figure.of(5, "footprint." + s + ".rss", s + " RSS under load (max)", loadRss, "MB");
            report.add(rss.reference("RSS idle, before the load", idleRss, "MB"));
        }
        Optional<Long> kafka = stack.pid("kafka");
        kafka.ifPresent(p -> report.fact("footprint.kafkaRssMb", Stack.rssMb(p)));
    }
}
