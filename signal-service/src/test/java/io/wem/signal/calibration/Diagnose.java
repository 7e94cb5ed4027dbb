package io.wem.signal.calibration;

import io.wem.common.contracts.BuiltInBehaviors;
import io.wem.signal.domain.Assessment;
import io.wem.signal.domain.Behavior;
import io.wem.signal.domain.BuiltIns;
import io.wem.signal.domain.GapDetector;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Throwaway: prints the planted agents' hold-usage assessments per look. */
public final class Diagnose {
    public static void main(String[] args) {
        if (args[0].equals("rates")) {
            long seed = Long.parseLong(args[1]);
            Map<SyntheticCenter.Kind, Double> ratios = new LinkedHashMap<>();
            SyntheticCenter.Kind[] ks = SyntheticCenter.Kind.values();
            for (int k = 0; k < ks.length; k++) ratios.put(ks[k], Calibration.GRID[(int) ((seed - 1 + k) % Calibration.GRID.length)]);
            SyntheticCenter c = SyntheticCenter.generate(seed * 7919, 4, 12, 10, ratios);
            Behavior tr = BuiltIns.all().stream().filter(b -> b.id().equals(args[2])).findFirst().get();
            GapDetector det = new GapDetector(GapDetector.Settings.defaults());
            for (String team : c.agentsByTeam.keySet()) {
                io.wem.signal.domain.TeamData td = Calibration.teamData(c, tr, team, c.start.plus(Duration.ofDays(10)));
                System.out.printf("%s teamMean=%.3f n=%d plants=%s%n", team, td.current().stream().mapToDouble(o -> o.value()).average().orElse(0), td.current().size(), c.plants.stream().filter(p -> p.team().equals(team)).map(p -> p.kind()).toList());
                Map<String, double[]> per = new java.util.TreeMap<>();
                td.current().forEach(o -> { double[] a = per.computeIfAbsent(o.agentId(), k -> new double[2]); a[0] += o.value(); a[1]++; });
                per.forEach((a, v) -> System.out.printf("   %s %.3f n=%d%n", a.substring(a.length() - 5), v[0] / v[1], (int) v[1]));
                for (int day : Calibration.LOOK_DAYS) for (Assessment a : det.assessWithSlices(tr, Calibration.teamData(c, tr, team, c.start.plus(Duration.ofDays(day))))) if (a.gap()) System.out.println("   d" + day + " " + a);
            }
            return;
        }
        if (args[0].equals("agent")) {
            long seed = Long.parseLong(args[1]);
            Map<SyntheticCenter.Kind, Double> ratios = new LinkedHashMap<>();
            SyntheticCenter.Kind[] ks = SyntheticCenter.Kind.values();
            for (int k = 0; k < ks.length; k++) ratios.put(ks[k], Calibration.GRID[(int) ((seed - 1 + k) % Calibration.GRID.length)]);
            SyntheticCenter c = SyntheticCenter.generate(seed * 7919, 4, 12, 10, ratios);
            Map<String, double[]> by = new java.util.TreeMap<>();
            for (SyntheticCenter.Call x : c.calls) if (x.agent().endsWith(args[2])) { double[] a = by.computeIfAbsent(x.reason() + " d" + x.at().toString().substring(8, 10), k -> new double[2]); a[0] += x.hold(); a[1]++; }
            by.forEach((k, v) -> System.out.printf("%s %.1f %d%n", k, v[0] / v[1], (int) v[1])); c.plants.forEach(System.out::println);
            return;
        }
        if (args[0].equals("false")) {
            for (long seed = Long.parseLong(args[1]); seed < Long.parseLong(args[1]) + Integer.parseInt(args[2]); seed++) {
                Calibration.Result r = new Calibration().run(seed, 1);
                if (!r.falseExamples.isEmpty()) System.out.println(seed + " " + r.falseExamples);
            }
            return;
        }
        if (args[0].equals("tune")) {
            long t0 = System.nanoTime();
            Calibration.Result r = new Calibration().run(Long.parseLong(args[1]), Integer.parseInt(args[2]));
            StringBuilder md = new StringBuilder();
            CalibrationReport.section(md, "tuning", r);
            System.out.println(md);
            System.out.println("outcomes " + r.outcomes.stream().filter(o -> !o.detected() || o.type() != Calibration.TRUTH.get(o.plant().kind())).map(o -> o.plant().kind() + "@" + o.plant().ratio() + "=" + (o.detected() ? o.type() : "missed")).toList());
            System.out.printf("%.1f s%n", (System.nanoTime() - t0) / 1e9);
            return;
        }
        long first = Long.parseLong(args[0]);
        int seeds = Integer.parseInt(args[1]);
        String only = args.length > 2 ? args[2] : null;
        GapDetector det = new GapDetector(GapDetector.Settings.defaults());
        Behavior hold = BuiltIns.all().stream().filter(b -> b.id().equals(BuiltInBehaviors.HOLD_USAGE)).findFirst().get();
        SyntheticCenter.Kind[] kinds = SyntheticCenter.Kind.values();
        for (int s = 0; s < seeds; s++) {
            long seed = first + s;
            Map<SyntheticCenter.Kind, Double> ratios = new LinkedHashMap<>();
            for (int k = 0; k < kinds.length; k++) {
                ratios.put(kinds[k], Calibration.GRID[((int) (seed - first) + k) % Calibration.GRID.length]);
            }
            // same rotation as Calibration.run when first seed matches
            SyntheticCenter c = SyntheticCenter.generate(seed * 7919, 4, 12, 10, ratios);
            for (SyntheticCenter.Plant p : c.plants) {
                if (only != null && !p.kind().name().equals(only)) continue;
                if (p.ratio() < Double.parseDouble(System.getProperty("minRatio", "2.0"))) continue;
                StringBuilder sb = new StringBuilder();
                sb.append("seed ").append(seed).append(' ').append(p.kind()).append(" @").append(p.ratio())
                        .append(" agents=").append(p.agents().size()).append('\n');
                for (int day : Calibration.LOOK_DAYS) {
                    Instant now = c.start.plus(Duration.ofDays(day));
                    for (Assessment a : det.assessWithSlices(hold, Calibration.teamData(c, hold, p.team(), now))) {
                        if (!p.agents().contains(a.agentId())) continue;
                        if (p.agents().size() > 1 && !a.gap()) continue;
                        sb.append(String.format("  d%d %s gap=%s type=%s eff=%.2f n=%d obs=%.1f base=%.1f ci=[%.1f,%.1f] reason=%s%n",
                                day, a.agentId().substring(a.agentId().length() - 4), a.gap(), a.gapType(), a.effectSize(),
                                a.sampleSize(), a.observed(), a.baseline(), a.confidenceLow(), a.confidenceHigh(), a.contactReason()));
                    }
                }
                if (p.kind() == SyntheticCenter.Kind.PROCESS && System.getenv("ORG") != null) {
                    io.wem.signal.domain.TeamData td = Calibration.teamData(c, hold, p.team(), c.start.plus(Duration.ofDays(10)));
                    for (String ag : p.agents()) {
                        io.wem.signal.domain.LogRatio.Result lr = io.wem.signal.domain.LogRatio.of(td.current().stream().filter(o -> o.agentId().equals(ag)).toList(), td.orgByReason(), o -> o.contactReason() == null ? "" : o.contactReason());
                        sb.append(String.format("  org %s theta=%.2f se=%.2f eff=%.2f df=%d%n", ag.substring(ag.length()-4), lr.theta(), lr.se(), lr.effect(), lr.df()));
                    }
                }
                if (p.reason() != null) {
                    Instant now = c.start.plus(Duration.ofDays(10));
                    io.wem.signal.domain.TeamData td = Calibration.teamData(c, hold, p.team(), now);
                    String ag = p.agents().get(0);
                    java.util.List<io.wem.signal.domain.Observation> own = td.current().stream().filter(o -> o.agentId().equals(ag) && p.reason().equals(o.contactReason())).toList();
                    java.util.List<io.wem.signal.domain.Observation> ref = td.current().stream().filter(o -> !o.agentId().equals(ag) && p.reason().equals(o.contactReason())).toList();
                    io.wem.signal.domain.LogRatio.Result lr = io.wem.signal.domain.LogRatio.of(own, ref);
                    long teamN = td.current().stream().filter(o -> p.reason().equals(o.contactReason())).count();
                    sb.append(String.format("  slice n=%d teamN=%d theta=%.2f se=%.2f z=%.1f eff=%.2f logSd=%.2f rawOwn=%.1f rawRef=%.1f posOwn=%.2f posRef=%.2f%n", own.size(), teamN,
                            lr == null ? Double.NaN : lr.theta(), lr == null ? Double.NaN : lr.se(), lr == null ? Double.NaN : lr.theta() / lr.se(), lr == null ? Double.NaN : lr.effect(), lr == null ? Double.NaN : lr.logSd(),
                            own.stream().mapToDouble(o -> o.value()).average().orElse(0), ref.stream().mapToDouble(o -> o.value()).average().orElse(0),
                            own.stream().filter(o -> o.value() > 0).count() / (double) own.size(), ref.stream().filter(o -> o.value() > 0).count() / (double) ref.size()));
                }
                System.out.print(sb);
            }
        }
    }
}
