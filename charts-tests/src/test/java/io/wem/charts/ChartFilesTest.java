package io.wem.charts;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Helm cannot read outside the chart, so the chart carries copies of deploy/ files; they must stay identical.
 * Also: every value in values.yaml is documented with "## @param".
 */
class ChartFilesTest {

    @Test
    void realmCopyEqualsDeployKeycloakRealm() throws IOException {
        assertArrayEquals(Files.readAllBytes(Chart.ROOT.resolve("deploy/keycloak/wem-realm.json")),
                Files.readAllBytes(Chart.DIR.resolve("files/wem-realm.json")),
                "charts/wem/files/wem-realm.json differs: cp deploy/keycloak/wem-realm.json charts/wem/files/");
    }

    @Test
    void topicListCopyEqualsDeployKafkaTopics() throws IOException {
        assertArrayEquals(Files.readAllBytes(Chart.ROOT.resolve("deploy/kafka/topics.txt")),
                Files.readAllBytes(Chart.DIR.resolve("files/topics.txt")),
                "charts/wem/files/topics.txt differs: cp deploy/kafka/topics.txt charts/wem/files/");
    }

    @Test
    void everyLeafValueIsDocumented() throws IOException {
        var values = Chart.yamlObject(Files.readString(Chart.DIR.resolve("values.yaml")));
        String text = Files.readString(Chart.DIR.resolve("values.yaml"));
        java.util.Set<String> documented = new java.util.HashSet<>();
        Matcher m = Pattern.compile("^\\s*## @param (\\S+) \\S", Pattern.MULTILINE).matcher(text);
        while (m.find()) {
            documented.add(m.group(1));
        }
        java.util.List<String> undocumented = new java.util.ArrayList<>();
        collect("", values, documented, undocumented);
        assertEquals(java.util.List.of(), undocumented, "values without a '## @param <path> <description>' line");
        assertTrue(documented.size() > 100, "documented " + documented.size());
    }

    /** A value counts as documented when it, or an enclosing object, has an @param line. */
    private static void collect(String path, com.fasterxml.jackson.databind.JsonNode node, java.util.Set<String> documented,
                                java.util.List<String> undocumented) {
        if (!path.isEmpty() && documented.contains(path)) {
            return;
        }
        if (node.isObject() && node.size() > 0) {
            node.fields().forEachRemaining(e -> collect(path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                    e.getValue(), documented, undocumented));
        } else {
            undocumented.add(path);
        }
    }

    @Test
    void eachServiceHasADockerfile() throws IOException {
        for (String key : Chart.SERVICES) {
            var file = Chart.ROOT.resolve(key + "-service/src/main/docker/Dockerfile.jvm");
            if (!Files.exists(file)) {
                fail("missing " + file);
            }
            String text = Files.readString(file);
            assertTrue(text.contains("FROM registry.access.redhat.com/ubi9/openjdk-17-runtime"), file.toString());
            assertTrue(text.contains("USER 185"), file + " runs as the non-root user 185");
            assertTrue(text.contains("target/quarkus-app/lib/"), file.toString());
            assertTrue(text.contains("EXPOSE 8080"), file.toString());
        }
    }
}
