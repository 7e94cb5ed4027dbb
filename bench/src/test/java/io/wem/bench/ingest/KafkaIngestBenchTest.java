package io.wem.bench.ingest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KafkaIngestBenchTest {

    @Test
    void steadyRateIgnoresRampUpAndTail() {
        // 2 s of nothing (producer warming up), then 1,000/s for 10 s, then a slow tail of 100 in 5 s.
        List<KafkaIngestBench.Sample> s = new ArrayList<>();
        for (double t = 0.25; t <= 17; t += 0.25) {
            double stored = t <= 2 ? 0 : t <= 12 ? (t - 2) * 1000 : Math.min(10_100, 10_000 + (t - 12) * 20);
            s.add(new KafkaIngestBench.Sample(t, stored));
        }
        assertEquals(1000.0, KafkaIngestBench.steady(s, 10_100), 1.0);
        assertEquals(17.0, KafkaIngestBench.lastChange(s), 0.01);
    }

    @Test
    void timeAtInterpolatesBetweenSamples() {
        List<KafkaIngestBench.Sample> s = List.of(new KafkaIngestBench.Sample(1, 0), new KafkaIngestBench.Sample(2, 100));
        assertEquals(1.5, KafkaIngestBench.timeAt(s, 50), 1e-9);
    }
}
