package io.wem.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.regex.Matcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service images built with -Pimage (target/images/wem_<service>_<tag>.tar, Docker-archive format): entrypoint,
 * non-root user, port, and no secrets in any layer (nested jars included). Skipped when no image was built: building
 * them takes minutes, so they are not part of the default build (see deploy/images).
 */
class ImageTarballTest {

    static final Path IMAGES = Chart.ROOT.resolve("target/images");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Private key material: PEM blocks, and PKCS#8 Ed25519 keys as the services' signing keys are written (base64). */
    private static final Pattern SECRET = Pattern.compile(
            "-----BEGIN ([A-Z]+ )?PRIVATE KEY-----\\s*[A-Za-z0-9+/]{40,}|MC4CAQAwBQYDK2VwBCIE[A-Za-z0-9+/]{20,}={0,2}");
    private static final Pattern KEY_FILE = Pattern.compile(
            "(?i).*(\\.p12|\\.pfx|\\.jks|\\.key|\\.pem|/id_rsa|/id_ed25519|/\\.env|/credentials(\\.json)?)$");

    /** Netty's handler jar embeds a fixed, published key pair that it uses only to probe the SSL engine's features. */
    private static final Pattern NETTY_PROBE_KEY = Pattern.compile(
            "(home/jboss/)?lib/main/io\\.netty\\.netty-handler-[^/!]+\\.jar!io/netty/handler/ssl/[A-Za-z]+\\.class");

    /** The modules whose jars are shipped in the images (wem-testing, a test library, holds the local keys). */
    static final List<String> SHIPPED_MODULES = List.of("wem-common", "signal-service", "coaching-service",
            "governance-service", "wellbeing-service", "console");

    /**
     * No shipped source or build carries a private key or one of the local development secrets, whether or not an
     * image was built: those live in deploy/local and reach only the local stack and the tests. Once they sat in
     * wem-common's and governance's configuration and so in every image: a key in a shipped jar signs for whoever
     * has the jar, and a deployment that forgot its own key ran on the public one.
     */
    @TestFactory
    Stream<DynamicTest> noShippedModuleCarriesAPrivateKey() throws IOException {
        List<String> devSecrets = devSecrets();
        return SHIPPED_MODULES.stream().map(module -> DynamicTest.dynamicTest(module, () -> {
            List<String> findings = new ArrayList<>();
            for (Path tree : List.of(Chart.ROOT.resolve(module).resolve("src/main"),
                    Chart.ROOT.resolve(module).resolve("target/quarkus-app"))) {
                if (!Files.isDirectory(tree)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(tree)) {
                    for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                        String name = tree.relativize(f).toString();
                        if (KEY_FILE.matcher("/" + name).matches()) {
                            findings.add("key file " + module + "/" + name);
                        }
                        scan(name, Files.readAllBytes(f), devSecrets, findings, 0);
                    }
                }
            }
            assertEquals(List.of(), findings, "private keys shipped by " + module);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyBuiltServiceImage() throws IOException {
        List<Path> images = new ArrayList<>();
        if (Files.isDirectory(IMAGES)) {
            try (Stream<Path> files = Files.list(IMAGES)) {
                files.filter(p -> p.getFileName().toString().matches("wem_[a-z]+-service_.+\\.tar")).sorted()
                        .forEach(images::add);
            }
        }
        Assumptions.assumeFalse(images.isEmpty(), "no image in " + IMAGES + ": build with deploy/images/build-base-image.sh"
                + " and ./mvnw -Pimage package -DskipTests");
        return images.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> inspect(p)));
    }

    /** The values of deploy/local/dev-secrets.properties. */
    private static List<String> devSecrets() throws IOException {
        List<String> values = new ArrayList<>();
        for (String line : Files.readAllLines(Chart.ROOT.resolve("deploy/local/dev-secrets.properties"))) {
            if (!line.startsWith("#") && line.contains("=")) {
                values.add(line.substring(line.indexOf('=') + 1).trim());
            }
        }
        assertEquals(10, values.size(), "four key pairs, the audit HMAC key and the console cookie secret");
        return values;
    }

    private static void inspect(Path image) throws IOException {
        Map<String, byte[]> outer = untar(Files.newInputStream(image), name -> true);
        JsonNode manifest = JSON.readTree(outer.get("manifest.json")).get(0);
        JsonNode config = JSON.readTree(outer.get(manifest.path("Config").asText()));
        JsonNode c = config.path("config");
        assertEquals("[\"/bin/sh\",\"-c\",\"exec java $JAVA_OPTS_APPEND -jar /home/jboss/quarkus-run.jar\"]",
                c.path("Entrypoint").toString(), "entrypoint: java as PID 1 with the chart's JAVA_OPTS_APPEND");
        assertEquals("185", c.path("User").asText(), "runs as user 185, as the chart's runAsUser");
        assertTrue(c.path("ExposedPorts").has("8080/tcp"), c.path("ExposedPorts").toString());

        Map<String, byte[]> files = new LinkedHashMap<>();
        for (JsonNode layer : manifest.path("Layers")) {
            byte[] bytes = outer.get(layer.asText());
            InputStream in = new ByteArrayInputStream(bytes);
            files.putAll(untar(layer.asText().endsWith(".gz") ? new GZIPInputStream(in) : in, name -> true));
        }
        assertTrue(files.containsKey("home/jboss/quarkus-run.jar"), "the entrypoint's jar is in a layer");
        assertTrue(files.containsKey("usr/lib/jvm/java-17-openjdk-amd64/bin/java"), "java is in the base layer");
        assertTrue(new String(files.get("etc/passwd"), StandardCharsets.UTF_8).contains(":185:"), "user 185 exists");

        List<String> findings = new ArrayList<>();
        List<String> devSecrets = devSecrets();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String name = f.getKey();
            if (KEY_FILE.matcher("/" + name).matches()) {
                findings.add("key file " + name);
            }
            scan(name, f.getValue(), devSecrets, findings, 0);
        }
        assertEquals(List.of(), findings, "secrets in " + image.getFileName());
    }

    private static void scan(String name, byte[] content, List<String> devSecrets, List<String> findings, int depth)
            throws IOException {
        if (name.endsWith(".jar") && depth < 2) {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    if (!e.isDirectory()) {
                        scan(name + "!" + e.getName(), zip.readAllBytes(), devSecrets, findings, depth + 1);
                    }
                }
            }
            return;
        }
        String text = new String(content, StandardCharsets.ISO_8859_1);
        devSecrets.stream().filter(text::contains).forEach(v -> findings.add("local development secret in " + name));
        Matcher m = SECRET.matcher(text);
        while (m.find()) {
            if (!NETTY_PROBE_KEY.matcher(name).matches()) {
                findings.add("private key in " + name + ": " + m.group().substring(0, 24) + "...");
            }
        }
    }

    /** A plain ustar/PAX reader: regular files by name (symlinks and directories are skipped). */
    static Map<String, byte[]> untar(InputStream in, java.util.function.Predicate<String> wanted) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (in) {
            String paxPath = null;
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
                char type = (char) header[156];
                byte[] data = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                if (type == 'x') {
                    for (String rec : new String(data, StandardCharsets.UTF_8).split("\n")) {
                        int eq = rec.indexOf("path=");
                        if (eq > 0) {
                            paxPath = rec.substring(eq + 5);
                        }
                    }
                    continue;
                }
                if (paxPath != null) {
                    name = paxPath;
                    paxPath = null;
                }
                name = name.startsWith("./") ? name.substring(2) : name.startsWith("/") ? name.substring(1) : name;
                if ((type == '0' || type == 0) && wanted.test(name)) {
                    out.put(name, data);
                }
            }
        }
        return out;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
