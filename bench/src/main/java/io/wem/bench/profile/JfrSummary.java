package io.wem.bench.profile;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JFR recording of signal-service and says where its CPU samples go: the hottest methods by self time
 * (top frame) and the share of samples whose stack passes through each of a few named stages of the ingest path.
 */
public final class JfrSummary {

    /** Stages of the ingest path, matched against frames (class name prefix or method). */
    static final Map<String, String> STAGES = new LinkedHashMap<>();

    static {
        STAGES.put("envelope JSON parsing (Events.parse / Jackson)", "com.fasterxml.jackson");
        STAGES.put("signal validation (SignalRules)", "io.wem.signal.domain.SignalRules");
        STAGES.put("redaction call to governance (REST client)", "io.wem.signal.client");
        STAGES.put("JDBC / PostgreSQL driver", "org.postgresql");
        STAGES.put("outbox (SignalStore.outbox, OutboxRelay)", "io.wem.common.outbox");
        STAGES.put("Kafka client (consumer fetch, producer)", "org.apache.kafka");
        STAGES.put("transactions (Narayana)", "com.arjuna");
        STAGES.put("connection pool (Agroal)", "io.agroal");
        STAGES.put("logging", "org.jboss.logmanager");
    }

    public record Summary(int samples, List<Map.Entry<String, Integer>> topSelf, Map<String, Double> stageShare) {
    }

    public static Summary read(Path jfr, int top) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> stage = new LinkedHashMap<>();
        STAGES.keySet().forEach(k -> stage.put(k, 0));
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace st = e.getStackTrace();
            if (st == null || st.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = st.getFrames();
            RecordedFrame f0 = frames.get(0);
            self.merge(name(f0), 1, Integer::sum);
            Set<String> hit = new HashSet<>();
            for (RecordedFrame f : frames) {
                String cls = f.getMethod().getType().getName();
                for (Map.Entry<String, String> s : STAGES.entrySet()) {
                    if (cls.startsWith(s.getValue())) {
                        hit.add(s.getKey());
                    }
                }
            }
            hit.forEach(h -> stage.merge(h, 1, Integer::sum));
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(self.entrySet());
        sorted.sort((a, b) -> b.getValue() - a.getValue());
        Map<String, Double> share = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> s : stage.entrySet()) {
            share.put(s.getKey(), samples == 0 ? 0 : 100.0 * s.getValue() / samples);
        }
        return new Summary(samples, List.copyOf(sorted.subList(0, Math.min(top, sorted.size()))), share);
    }

    static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }
}
