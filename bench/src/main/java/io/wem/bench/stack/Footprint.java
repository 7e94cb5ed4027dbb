package io.wem.bench.stack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Samples the resident memory of every service every 500 ms while a load phase runs and keeps the maximum. */
public final class Footprint implements AutoCloseable {
    private final Stack stack;
    private final Map<String, Double> max = new LinkedHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    public Footprint(Stack stack) {
        this.stack = stack;
        this.sampler = new Thread(this::loop, "bench-rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Current RSS (MB) of each running service. */
    public static Map<String, Double> snapshot(Stack stack) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String s : Stack.SERVICES) {
            Optional<Long> pid = stack.pid(s);
            pid.ifPresent(p -> m.put(s, Stack.rssMb(p)));
        }
        return m;
    }

    private void loop() {
        while (running) {
            Map<String, Double> now = snapshot(stack);
            synchronized (max) {
                now.forEach((k, v) -> max.merge(k, v, Math::max));
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public Map<String, Double> max() {
        synchronized (max) {
            return new LinkedHashMap<>(max);
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
