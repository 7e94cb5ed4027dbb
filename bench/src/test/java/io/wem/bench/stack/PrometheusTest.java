package io.wem.bench.stack;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrometheusTest {
    static final String TEXT = """
            # HELP wem_signal_ingested_total
            # TYPE wem_signal_ingested_total counter
            wem_signal_ingested_total 1200.0
            wem_signal_ingested_total_extra 5.0
            wem_signal_refused_total{reason="redaction-unavailable"} 3.0
            wem_signal_refused_total{reason="other"} 4.0
            """;

    @Test
    void sumsLabelSetsAndIgnoresLongerNames() {
        assertEquals(1200.0, Prometheus.sum(TEXT, "wem_signal_ingested_total", true));
        assertEquals(7.0, Prometheus.sum(TEXT, "wem_signal_refused_total", true));
    }

    @Test
    void absentMetricIsNaN() {
        assertTrue(Double.isNaN(Prometheus.sum(TEXT, "wem_signal_duplicates_total", true)));
    }
}
