package io.wem.common.messaging;

import io.micrometer.core.instrument.Metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what this process parked on dead-letter topics, per topic the record came from: the metric
 * {@code wem.dead.letters} (tag {@code topic}) and the readiness detail of {@link DeadLetterHealth}. Fed by
 * {@link DeadLetters} (batch consumers) and {@link Consumption} (consumers using the channel's failure strategy).
 */
public final class DeadLetterMonitor {
    private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();

    private DeadLetterMonitor() {
    }

    public static void parked(String topic) {
        String t = topic == null ? "unknown" : topic;
        COUNTS.computeIfAbsent(t, k -> new AtomicLong()).incrementAndGet();
        Metrics.globalRegistry.counter("wem.dead.letters", "topic", t).increment();
    }

    /** Records parked since start, per source topic. */
    public static Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        COUNTS.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
