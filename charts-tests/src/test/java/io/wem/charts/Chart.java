package io.wem.charts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The chart under test: paths, the embedded Helm, and rendering into JSON trees (one per object). */
final class Chart {

    static final String RELEASE = "wem-it";
    static final String NAMESPACE = "wem";
    static final List<String> SERVICES = List.of("coaching", "governance", "signal", "wellbeing");
    /** Services that call others with client credentials (have an OIDC client secret). */
    static final List<String> CLIENT_SERVICES = List.of("coaching", "governance", "signal", "wellbeing");

    static final Path ROOT = Path.of(System.getProperty("wem.root", "..")).toAbsolutePath().normalize();
    static final Path DIR = ROOT.resolve("charts/wem");
    static final Path CI = DIR.resolve("ci");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Map<String, List<JsonNode>> CACHE = new ConcurrentHashMap<>();

    private Chart() {
    }

    static Helm helm() {
        return new Helm(DIR);
    }

    /** Annotation that replaces helm.sh/hook in {@link #renderWithHooks}. */
    static final String HOOK = "wem.test/helm-hook";
    private static Path hooksChart;

    /**
     * Renders hooks too (migration Jobs, their Secrets, the `helm test` pod). helm-java's template returns only the
     * release manifest, while the helm CLI also prints hooks; so a copy of the chart in target/ has its hook
     * annotations renamed to {@link #HOOK}, which makes Helm treat those objects as ordinary ones.
     */
    static synchronized List<JsonNode> renderWithHooks(Path valuesFile) {
        return CACHE.computeIfAbsent("hooks:" + valuesFile, k -> {
            if (hooksChart == null) {
                hooksChart = copyWithHooksRenamed();
            }
            TemplateCommand cmd = new Helm(hooksChart).template().withName(RELEASE).withNamespace(NAMESPACE);
            return parse((valuesFile == null ? cmd : cmd.withValuesFile(valuesFile)).call());
        });
    }

    private static Path notesChart;

    /**
     * The text of NOTES.txt for a values file. Helm's template command does not print NOTES, so a copy of the chart
     * renders the same file through `tpl` into a ConfigMap.
     */
    static synchronized String renderNotes(Path valuesFile) {
        if (notesChart == null) {
            notesChart = copyChart("chart-with-notes", false);
            try {
                Files.copy(DIR.resolve("templates/NOTES.txt"), notesChart.resolve("files/NOTES.txt"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(notesChart.resolve("templates/notes-under-test.yaml"), """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: notes-under-test
                        data:
                          notes: {{ tpl (.Files.Get "files/NOTES.txt") . | quote }}
                        """);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        TemplateCommand cmd = new Helm(notesChart).template().withName(RELEASE).withNamespace(NAMESPACE);
        List<JsonNode> docs = parse((valuesFile == null ? cmd : cmd.withValuesFile(valuesFile)).call());
        return named(docs, "ConfigMap", "notes-under-test").at("/data/notes").asText();
    }

    private static Path copyWithHooksRenamed() {
        return copyChart("chart-with-hooks", true);
    }

    private static Path copyChart(String name, boolean renameHooks) {
        Path target = ROOT.resolve("charts-tests/target/" + name + "/wem");
        deleteRecursively(target); // a template removed from the chart must not survive in the copy
        try (Stream<Path> files = Files.walk(DIR)) {
            for (Path source : files.toList()) {
                Path dest = target.resolve(DIR.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(dest);
                } else {
                    String text = Files.readString(source);
                    if (renameHooks && source.startsWith(DIR.resolve("templates"))) {
                        text = text.replace("helm.sh/hook:", HOOK + ":")
                                .replace("helm.sh/hook-weight:", HOOK + "-weight:")
                                .replace("helm.sh/hook-delete-policy:", HOOK + "-delete-policy:");
                    }
                    Files.writeString(dest, text, java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    static List<Path> ciValuesFiles() {
        try (Stream<Path> files = Files.list(CI)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-values.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path ci(String name) {
        return CI.resolve(name + "-values.yaml");
    }

    /** Renders the chart with a ci values file (cached: rendering takes a moment). */
    static List<JsonNode> render(Path valuesFile) {
        return CACHE.computeIfAbsent(valuesFile.toString(), k -> parse(template(valuesFile, Map.of())));
    }

    /** Raw `helm template` output; throws IllegalStateException with Helm's message when rendering fails. */
    static String template(Path valuesFile, Map<String, Object> sets) {
        TemplateCommand cmd = helm().template().withName(RELEASE).withNamespace(NAMESPACE);
        if (valuesFile != null) {
            cmd = cmd.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, Object> e : sets.entrySet()) {
            cmd = cmd.set(e.getKey(), e.getValue());
        }
        return cmd.call();
    }

    /** Splits a multi-document YAML stream into non-empty object trees. */
    static List<JsonNode> parse(String manifests) {
        List<JsonNode> docs = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(manifests)) {
            for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (doc != null && doc.isObject() && doc.size() > 0) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("rendered YAML does not parse", e);
        }
        return docs;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    static JsonNode named(List<JsonNode> docs, String kind, String name) {
        return ofKind(docs, kind).stream().filter(d -> name.equals(d.at("/metadata/name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    static String fullname(String key) {
        return RELEASE + "-" + key; // the release name contains "wem", so it is the full name
    }

    static String describe(JsonNode doc) {
        return doc.path("kind").asText() + "/" + doc.at("/metadata/name").asText();
    }

    /** The containers of a workload (Deployment, Job or Pod). */
    static List<JsonNode> containers(JsonNode doc) {
        JsonNode podSpec = "Pod".equals(doc.path("kind").asText()) ? doc.path("spec") : doc.at("/spec/template/spec");
        List<JsonNode> out = new ArrayList<>();
        podSpec.path("containers").forEach(out::add);
        podSpec.path("initContainers").forEach(out::add);
        return out;
    }

    static JsonNode podSpec(JsonNode doc) {
        return "Pod".equals(doc.path("kind").asText()) ? doc.path("spec") : doc.at("/spec/template/spec");
    }

    /** Environment variable of a container by name, or a missing node. */
    static JsonNode env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (name.equals(e.path("name").asText())) {
                return e;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    static ObjectNode yamlObject(String yaml) {
        try {
            return (ObjectNode) YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
