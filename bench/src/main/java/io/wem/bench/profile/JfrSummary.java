package io.wem.bench.profile;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JFR recording (settings=profile) of signal-service and says where the Kafka consumer's time goes. The
 * consumer is one thread working one batch at a time, so its wall time is what bounds throughput: running samples
 * (jdk.ExecutionSample, every 10 ms), samples in native code such as socket reads from PostgreSQL
 * (jdk.NativeMethodSample, every 20 ms) and parks such as waiting for an HTTP answer (jdk.ThreadPark, with their
 * duration) of stacks passing through {@code SignalConsumer.consume}, each attributed to the deepest recognised
 * stage. Also the whole JVM's hottest methods by self time.
 */
public final class JfrSummary {
    static final String CONSUMER = "io.wem.signal.messaging.SignalConsumer";

    /** Stage rules, checked from the top of the stack down: the deepest recognised frame names the stage. */
    static final List<String[]> STAGES = List.of(
            new String[]{"JSON (Jackson: envelope parsing, outbox serialization)", "com.fasterxml.jackson"},
            new String[]{"validation (SignalRules)", "io.wem.signal.domain"},
            new String[]{"PostgreSQL (JDBC driver, waiting for the database)", "org.postgresql"},
            new String[]{"connection pool / transaction (Agroal, Narayana)", "io.agroal", "com.arjuna", "io.quarkus.narayana"},
            new String[]{"redaction call to governance (REST client)", "io.wem.signal.client", "org.jboss.resteasy",
                    "io.quarkus.rest.client", "io.smallrye.faulttolerance"},
            new String[]{"Kafka client (dead-letter sends)", "org.apache.kafka", "io.smallrye.reactive.messaging"},
            new String[]{"signal-service code (mapping, arrays, outbox rows)", "io.wem."});

    public record Summary(int samples, double consumerMillis, Map<String, Double> consumerShare,
                          List<Map.Entry<String, Integer>> topSelf) {
    }

    public static Summary read(Path jfr, int top) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Double> stageMs = new LinkedHashMap<>();
        for (String[] s : STAGES) {
            stageMs.put(s[0], 0.0);
        }
        stageMs.put(DEAD_LETTER_WAIT, 0.0);
        stageMs.put("other (JDK, framework)", 0.0);
        int samples = 0;
        double total = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            String type = e.getEventType().getName();
            double ms;
            switch (type) {
                case "jdk.ExecutionSample" -> ms = 10;
                case "jdk.NativeMethodSample" -> ms = 20;
                case "jdk.ThreadPark", "jdk.JavaMonitorWait", "jdk.JavaMonitorEnter" -> ms = e.getDuration().toNanos() / 1e6;
                default -> {
                    continue;
                }
            }
            RecordedStackTrace st = e.getStackTrace();
            if (st == null || st.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = st.getFrames();
            if (type.equals("jdk.ExecutionSample")) {
                samples++;
                self.merge(name(frames.get(0)), 1, Integer::sum);
            }
            if (frames.stream().noneMatch(f -> f.getMethod().getType().getName().equals(CONSUMER))) {
                continue; // also truncated stacks (deeper than the recorded depth) land here: the share is a lower bound
            }
            total += ms;
            stageMs.merge(stage(frames), ms, Double::sum);
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(self.entrySet());
        sorted.sort((a, b) -> b.getValue() - a.getValue());
        Map<String, Double> share = new LinkedHashMap<>();
        for (Map.Entry<String, Double> s : stageMs.entrySet()) {
            share.put(s.getKey(), total == 0 ? 0 : Math.round(1000 * s.getValue() / total) / 10.0);
        }
        return new Summary(samples, total, share, List.copyOf(sorted.subList(0, Math.min(top, sorted.size()))));
    }

    static final String DEAD_LETTER_WAIT = "waiting for dead-letter sends to be acknowledged";

    static String stage(List<RecordedFrame> frames) {
        String s = recognised(frames);
        // The consumer blocks on the acks of the records it parked (CompletableFuture.get in consume): no library
        // frame sits between the park and SignalConsumer, so name that wait explicitly.
        if (s.startsWith("signal-service code") && frames.stream().anyMatch(f ->
                f.getMethod().getType().getName().equals("java.util.concurrent.CompletableFuture"))) {
            return DEAD_LETTER_WAIT;
        }
        return s;
    }

    private static String recognised(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String cls = f.getMethod().getType().getName();
            for (String[] s : STAGES) {
                for (int k = 1; k < s.length; k++) {
                    if (cls.startsWith(s[k])) {
                        return s[0];
                    }
                }
            }
        }
        return "other (JDK, framework)";
    }

    static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }
}
