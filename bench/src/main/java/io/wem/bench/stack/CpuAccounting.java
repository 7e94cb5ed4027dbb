package io.wem.bench.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time (user + system, from /proc/PID/stat) used by each part of the stack between two snapshots: on a 2-core
 * machine everything shares the same cores, so "who burnt the CPU" says what limits an end-to-end figure.
 */
public final class CpuAccounting {
    private static final double TICKS = 100.0; // USER_HZ on Linux

    private final Map<Long, double[]> start; // pid -> {cpuSeconds}
    private final long t0 = System.nanoTime();

    public CpuAccounting() {
        this.start = read();
    }

    /** Seconds of CPU per component since construction, plus "wall" (elapsed seconds), busiest first. */
    public Map<String, Double> since() {
        Map<Long, double[]> now = read();
        Map<String, Double> by = new TreeMap<>();
        for (Map.Entry<Long, double[]> e : now.entrySet()) {
            double before = start.containsKey(e.getKey()) ? start.get(e.getKey())[0] : 0;
            double used = e.getValue()[0] - before;
            if (used > 0.005) {
                by.merge(component(e.getKey()), used, Double::sum);
            }
        }
        Map<String, Double> sorted = new LinkedHashMap<>();
        sorted.put("wall", (System.nanoTime() - t0) / 1e9);
        by.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .forEach(e -> sorted.put(e.getKey(), Math.round(e.getValue() * 100) / 100.0));
        return sorted;
    }

    static Map<Long, double[]> read() {
        Map<Long, double[]> m = new LinkedHashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+")).forEach(n -> {
                try {
                    String stat = Files.readString(Path.of("/proc", n, "stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // after "pid (comm) ": state=0 ... utime=11, stime=12
                    m.put(Long.parseLong(n), new double[]{(Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS});
                } catch (IOException | RuntimeException ignored) {
                    // process ended meanwhile
                }
            });
        } catch (IOException ignored) {
            // not Linux
        }
        return m;
    }

    static String component(long pid) {
        if (pid == ProcessHandle.current().pid()) {
            return "wem-bench (load generator)";
        }
        for (String s : Stack.SERVICES) {
            if (String.valueOf(pid).equals(System.getProperty("wem.bench.pid." + s))) {
                return s;
            }
        }
        String c = Stack.cmdline(pid);
        if (c.contains("maven") || c.contains("surefire")) {
            return "maven (builds and tests running beside the bench)";
        }
        for (String s : Stack.SERVICES) {
            if (c.contains("/" + s + "/") || c.contains(s + "/quarkus-run.jar")) {
                return s;
            }
        }
        if (c.contains("kafka.Kafka")) {
            return "kafka broker";
        }
        if (c.contains("keycloak")) {
            return "keycloak";
        }
        if (c.startsWith("postgres") || c.contains("/bin/postgres ")) {
            return "postgresql";
        }
        if (c.contains("quarkus-run.jar")) {
            return "other Quarkus app";
        }
        if (c.contains("org.apache.kafka.tools")) {
            return "kafka tools";
        }
        return "other";
    }
}
