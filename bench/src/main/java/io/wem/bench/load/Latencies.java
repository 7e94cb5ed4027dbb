package io.wem.bench.load;

import java.util.Arrays;

/** Recorded latencies (bounded count, so all are kept) and nearest-rank percentiles. */
public final class Latencies {
    private long[] nanos;
    private int n;

    public Latencies(int capacity) {
        nanos = new long[Math.max(16, capacity)];
    }

    public synchronized void add(long latencyNanos) {
        if (n == nanos.length) {
            nanos = Arrays.copyOf(nanos, n * 2);
        }
        nanos[n++] = latencyNanos;
    }

    public synchronized int count() {
        return n;
    }

    /** Nearest-rank percentile in milliseconds (p in 0..100), NaN when empty. */
    public synchronized double percentileMs(double p) {
        if (n == 0) {
            return Double.NaN;
        }
        long[] s = Arrays.copyOf(nanos, n);
        Arrays.sort(s);
        int rank = (int) Math.ceil(p / 100.0 * n);
        return s[Math.min(n - 1, Math.max(0, rank - 1))] / 1e6;
    }
}
