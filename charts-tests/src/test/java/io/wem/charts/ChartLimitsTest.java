package io.wem.charts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Limits a platform team meets only with unusual values: long names, inverted autoscaling bounds, versions. */
class ChartLimitsTest {

    @Test
    void everyObjectNameFitsA63CharacterLabelWithTheLongestNamesAllowed() throws IOException {
        String longest = "a".repeat(50);
        for (Map<String, Object> sets : List.of(Map.<String, Object>of("fullnameOverride", longest),
                Map.<String, Object>of("nameOverride", longest))) {
            Path values = Files.createTempFile("long-names", "-values.yaml");
            Files.writeString(values, Files.readString(Chart.ci("migrations-job")) + "\n"
                    + sets.keySet().iterator().next() + ": " + sets.values().iterator().next() + "\n");
            List<JsonNode> docs = Chart.renderWithHooks(values);
            for (JsonNode d : docs) {
                String kind = d.path("kind").asText();
                String name = d.at("/metadata/name").asText();
                if (!kind.equals("Secret") && !kind.equals("ConfigMap")) {
                    assertTrue(name.length() <= 63, kind + " " + name + " has " + name.length() + " characters");
                }
            }
            assertFalse(Chart.ofKind(docs, "Job").isEmpty(), "the migration Jobs render");
        }
    }

    @Test
    void overridesThatCannotBeANameAreRefused() {
        assertThrows(RuntimeException.class, () -> Chart.template(Chart.ci("minimal"),
                Map.of("fullnameOverride", "b".repeat(51))));
        assertThrows(RuntimeException.class, () -> Chart.template(Chart.ci("minimal"),
                Map.of("nameOverride", "Not_A_Name")));
    }

    @Test
    void minReplicasAboveMaxReplicasIsRefusedWithAClearMessage() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> Chart.template(Chart.ci("minimal"),
                Map.of("services.signal.autoscaling.enabled", true, "services.signal.autoscaling.minReplicas", 5,
                        "services.signal.autoscaling.maxReplicas", 3)));
        assertTrue(String.valueOf(e.getMessage()).contains("minReplicas (5) must not exceed maxReplicas (3)"),
                e.getMessage());
    }

    @Test
    void theAppVersionIsAReleaseAndTheKubernetesVersionIsDeclared() throws IOException {
        String chart = Files.readString(Chart.DIR.resolve("Chart.yaml"));
        assertFalse(chart.contains("SNAPSHOT"), "appVersion must name a released image, not a -SNAPSHOT");
        assertTrue(chart.contains("kubeVersion:"), "Chart.yaml declares kubeVersion");
    }

    /** The icon is the chart's own file, carried as a data URI, so it renders without a host to fetch it from. */
    @Test
    void theIconIsTheChartsOwnSvg() throws Exception {
        String chart = Files.readString(Chart.DIR.resolve("Chart.yaml"));
        java.util.regex.Matcher icon = java.util.regex.Pattern.compile("(?m)^icon: \"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\"$")
                .matcher(chart);
        assertTrue(icon.find(), "Chart.yaml has an icon as an SVG data URI");
        byte[] svg = java.util.Base64.getDecoder().decode(icon.group(1));
        assertArrayEquals(Files.readAllBytes(Chart.DIR.resolve("files/icon.svg")), svg, "the icon is files/icon.svg");
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg));
        assertEquals("svg", doc.getDocumentElement().getTagName());
    }
}
