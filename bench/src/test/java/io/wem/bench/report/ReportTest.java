package io.wem.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTest {

    @Test
    void ratioAndAimFollowTheMeasuredValue(@TempDir Path dir) throws Exception {
        Report r = new Report();
        r.add(Figure.of(1, "x", "e2e", 5000, "signals/s").reference("raw", 40_000.0, "records/s")
                .aim("ratio ≥ 0.25", false));
        r.add(Figure.missing(2, "y", "latency", "ms", "coaching-service does not answer").aim("p99 < 1,000 ms", false));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        r.print(new PrintStream(text, true));
        String table = text.toString();
        assertTrue(table.contains("0.125"), table);
        assertTrue(table.contains("MISSED ratio ≥ 0.25"), table);
        assertTrue(table.contains("not measured: coaching-service does not answer"), table);

        Path file = dir.resolve("bench-results.json");
        r.write(file);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        JsonNode first = json.get("figures").get(0);
        assertEquals(0.125, first.get("ratio").asDouble(), 1e-9);
        assertFalse(first.get("aimMet").asBoolean());
        JsonNode second = json.get("figures").get(1);
        assertTrue(second.get("value").isNull());
        assertTrue(second.get("aimMet").isNull(), "an unmeasured figure neither meets nor misses its aim");
    }

    @Test
    void ratioNeedsBothValues() {
        assertNull(Figure.missing(1, "x", "e2e", "signals/s", "down").reference("raw", 1.0, "r/s").ratio());
    }
}
