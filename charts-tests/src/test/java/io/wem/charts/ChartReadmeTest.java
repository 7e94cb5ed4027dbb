package io.wem.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chart README is generated from the @param lines and is up to date; every value is documented exactly once. */
class ChartReadmeTest {

    private static final Path VALUES = Chart.DIR.resolve("values.yaml");

    @Test
    void theReadmeIsGeneratedFromTheCurrentValues() throws IOException {
        String generated = ChartReadme.generate(VALUES);
        if (Boolean.getBoolean("wem.chart.readme.write")) {
            Files.writeString(ChartReadme.README, generated);
        }
        assertTrue(Files.exists(ChartReadme.README), "charts/wem/README.md missing; regenerate with -Dwem.chart.readme.write=true");
        assertEquals(generated, Files.readString(ChartReadme.README),
                "charts/wem/README.md is stale: ./mvnw -o -pl charts-tests test -Dtest=ChartReadmeTest -Dwem.chart.readme.write=true");
    }

    @Test
    void everyParamNamesAValueAndEveryValueHasAParam() throws IOException {
        List<ChartReadme.Param> params = ChartReadme.params(Files.readAllLines(VALUES));
        JsonNode values = new ObjectMapper(new YAMLFactory()).readTree(VALUES.toFile());
        Set<String> keys = new HashSet<>();
        for (ChartReadme.Param p : params) {
            assertTrue(keys.add(p.key()), "documented twice: " + p.key());
            assertTrue(!ChartReadme.valueAt(values, p.key()).isMissingNode(), "@param names no value: " + p.key());
        }
        List<String> undocumented = new ArrayList<>();
        leaves(values, "", keys, undocumented);
        assertEquals(List.of(), undocumented, "values without a @param (or a documented parent)");
    }

    /** Leaves (scalars, lists, empty maps) whose key and every parent key lack a @param. */
    private static void leaves(JsonNode node, String path, Set<String> documented, List<String> out) {
        if (!path.isEmpty() && documented.contains(path)) {
            return;
        }
        if (node.isObject() && node.size() > 0) {
            node.fields().forEachRemaining(f -> leaves(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(),
                    documented, out));
        } else {
            out.add(path);
        }
    }
}
