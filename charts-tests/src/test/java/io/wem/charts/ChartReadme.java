package io.wem.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * charts/wem/README.md, generated from values.yaml's "## @section" and "## @param" lines (the Bitnami readme-generator
 * convention) with each value's default read from values.yaml itself.
 */
final class ChartReadme {

    static final Path README = Chart.DIR.resolve("README.md");
    private static final Pattern SECTION = Pattern.compile("^## @section (.+)$");
    private static final Pattern PARAM = Pattern.compile("^\\s*## @param (\\S+) (.+)$");

    record Param(String section, String key, String description) {
    }

    private ChartReadme() {
    }

    static List<Param> params(List<String> valuesLines) {
        List<Param> out = new ArrayList<>();
        String section = "Parameters";
        for (String line : valuesLines) {
            Matcher s = SECTION.matcher(line);
            Matcher p = PARAM.matcher(line);
            if (s.matches()) {
                section = s.group(1).trim();
            } else if (p.matches()) {
                out.add(new Param(section, p.group(1), p.group(2).trim()));
            }
        }
        return out;
    }

    /** The value at a dotted key path (keys may contain dots only as the last segment's map key, e.g. config). */
    static JsonNode valueAt(JsonNode values, String key) {
        JsonNode node = values;
        for (String part : key.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    static String generate(Path valuesFile) {
        try {
            List<String> lines = Files.readAllLines(valuesFile);
            JsonNode values = new ObjectMapper(new YAMLFactory()).readTree(valuesFile.toFile());
            ObjectMapper json = new ObjectMapper();
            Map<String, List<Param>> bySection = new LinkedHashMap<>();
            for (Param p : params(lines)) {
                bySection.computeIfAbsent(p.section(), k -> new ArrayList<>()).add(p);
            }
            StringBuilder md = new StringBuilder("""
                    # WEM suite Helm chart

                    Deploys the four WEM services (signal, coaching, governance, wellbeing) against an external Kafka,
                    PostgreSQL and Keycloak. How to install, scale and upgrade: [docs/deploy-kubernetes.md](../../docs/deploy-kubernetes.md).

                    <!-- Generated from values.yaml's @section/@param lines by charts-tests (ChartReadme); do not edit.
                         Regenerate: ./mvnw -o -pl charts-tests test -Dtest=ChartReadmeTest -Dwem.chart.readme.write=true -->

                    ## Parameters
                    """);
            for (Map.Entry<String, List<Param>> section : bySection.entrySet()) {
                md.append("\n### ").append(section.getKey()).append("\n\n")
                        .append("| Name | Description | Default |\n| --- | --- | --- |\n");
                for (Param p : section.getValue()) {
                    JsonNode v = valueAt(values, p.key());
                    String shown = v.isMissingNode() ? "" : "`" + json.writeValueAsString(v) + "`";
                    md.append("| `").append(p.key()).append("` | ").append(cell(p.description())).append(" | ")
                            .append(shown.replace("|", "\\|")).append(" |\n");
                }
            }
            return md.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table cell: "|" would end it, "<release>" would vanish as an HTML tag. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
