package io.wem.bench.jmh;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs governance's JMH RedactionBenchmark (engine vs naive regex+Luhn, single thread, forked JVM) and turns ops/s into
 * MB/s with the corpus size the benchmark's own setup computes.
 */
public final class RedactionRun {
    public static final String BENCHMARK = "io.wem.bench.redaction.RedactionBenchmark";

    public record Result(double corpusMb, Map<String, Double> opsPerSecond, Map<String, Double> errors) {
        public Double mbPerSecond(String method) {
            Double ops = opsPerSecond.get(method);
            return ops == null ? null : ops * corpusMb;
        }
    }

    /** Null when the benchmark class is not in this build. */
    public static Result run() throws Exception {
        Class<?> type;
        try {
            type = Class.forName(BENCHMARK);
        } catch (ClassNotFoundException e) {
            return null;
        }
        double mb = corpusMb(type);
        Options opts = new OptionsBuilder().include(BENCHMARK.replace(".", "\\.") + "\\..*")
                .jvmArgsAppend("-Xmx512m").shouldFailOnError(true).build();
        Collection<RunResult> results = new Runner(opts).run();
        Map<String, Double> ops = new LinkedHashMap<>();
        Map<String, Double> err = new LinkedHashMap<>();
        for (RunResult r : results) {
            String label = r.getPrimaryResult().getLabel();
            ops.put(label, r.getPrimaryResult().getScore());
            err.put(label, r.getPrimaryResult().getScoreError());
        }
        return new Result(mb, ops, err);
    }

    /** The corpus the benchmark builds in its @Setup (its {@code megabytes} field), so MB/s uses its own size. */
    static double corpusMb(Class<?> type) throws Exception {
        Object bench = type.getDeclaredConstructor().newInstance();
        Method setup = type.getMethod("setup");
        setup.invoke(bench);
        Field f = type.getDeclaredField("megabytes");
        f.setAccessible(true);
        return f.getDouble(bench);
    }
}
