package io.wem.bench.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The local stack as ./wem runs it: fixed loopback ports, Keycloak realm {@code wem}, one JVM per service. Processes
 * are found through the pid files of ./wem and, when the stack was started from another checkout, by the service's
 * jar on a process command line (read-only: the bench never starts or stops anything).
 */
public final class Stack {
    public static final List<String> SERVICES = List.of("signal-service", "coaching-service", "governance-service",
            "wellbeing-service");
    public static final Map<String, Integer> PORTS = Map.of("signal-service", 8081, "coaching-service", 8082,
            "governance-service", 8083, "wellbeing-service", 8084);
    public static final String KAFKA = "127.0.0.1:9092";
    /** The bench's raw Kafka clients log in as the local broker's admin principal (SASL/SCRAM, as every client). */
    public static final Map<String, String> KAFKA_SECURITY = Map.of(
            "security.protocol", "SASL_PLAINTEXT",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" "
                    + "password=\"admin-kafka-local\";");
    public static final String KEYCLOAK = "http://127.0.0.1:8180";
    public static final String TOKEN_URL = KEYCLOAK + "/realms/wem/protocol/openid-connect/token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public Stack(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Base URL of a service; {@code -Dwem.bench.url.<service>=...} points the bench at another instance. */
    public static String url(String service) {
        return System.getProperty("wem.bench.url." + service, "http://127.0.0.1:" + PORTS.get(service));
    }

    /**
     * The service's management interface (health, metrics; /q/* is not served on the public port): the HTTP port
     * + 1000 as ./wem runs it; {@code -Dwem.bench.management-url.<service>=...} for another instance.
     */
    public static String managementUrl(String service) {
        return System.getProperty("wem.bench.management-url." + service, "http://127.0.0.1:" + (PORTS.get(service) + 1000));
    }

    /** Null when ready, else why not. */
    public String notReady(String service) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(managementUrl(service) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? null : "readiness answered " + r.statusCode();
        } catch (IOException e) {
            return "does not answer on " + managementUrl(service);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    public Map<String, String> readiness() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : SERVICES) {
            m.put(s, notReady(s));
        }
        return m;
    }

    /** A realm token by client credentials (service accounts: integration, svc-guardrail ...). */
    public String clientToken(String clientId, String secret) throws IOException, InterruptedException {
        return token("grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret));
    }

    /** A realm token of a demo user (password grant through the public wem-cli client). */
    public String userToken(String user, String password) throws IOException, InterruptedException {
        return token("grant_type=password&client_id=wem-cli&username=" + enc(user) + "&password=" + enc(password));
    }

    private String token(String form) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(TOKEN_URL))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode n = JSON.readTree(r.body());
        if (r.statusCode() != 200 || !n.hasNonNull("access_token")) {
            throw new IOException("no token from Keycloak (" + r.statusCode() + "): " + r.body());
        }
        return n.get("access_token").asText();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The pid of a running service (or "kafka"/"keycloak"), from ./wem's pid file or the process table. */
    public Optional<Long> pid(String name) {
        String forced = System.getProperty("wem.bench.pid." + name);
        if (forced != null) {
            return Optional.of(Long.parseLong(forced));
        }
        Path file = root.resolve(".wem/pids/" + name + ".pid");
        try {
            if (Files.isRegularFile(file)) {
                long pid = Long.parseLong(Files.readString(file).trim());
                if (cmdline(pid).contains(marker(name))) {
                    return Optional.of(pid);
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // fall through to the process table
        }
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+")).map(Long::parseLong)
                    .filter(p -> {
                        String c = cmdline(p);
                        return c.startsWith("java") || c.contains("/java ") ? c.contains(marker(name)) : false;
                    })
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String marker(String name) {
        return switch (name) {
            case "kafka" -> "kafka.Kafka";
            case "keycloak" -> "keycloak";
            default -> "/" + name + "/quarkus-run.jar";
        };
    }

    public static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** Resident set size in MB from /proc/pid/status (VmRSS), or -1. */
    public static double rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // process gone
        }
        return -1;
    }

    /** The log ./wem writes for a service: .wem/logs/NAME.log next to the .wem/run the process runs from. */
    public Path logOf(String name, long pid) {
        Matcher m = Pattern.compile("(\\S*/\\.wem)/run/").matcher(cmdline(pid));
        Path wem = m.find() ? Path.of(m.group(1)) : root.resolve(".wem");
        return wem.resolve("logs/" + name + ".log");
    }

    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    /** Start-up time in seconds from the last "started in X.XXXs" line of the service's log, or null. */
    public Double startupSeconds(String name, long pid) {
        Path log = logOf(name, pid);
        if (!Files.isRegularFile(log)) {
            return null;
        }
        Double last = null;
        try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            for (String l : (Iterable<String>) lines::iterator) {
                if (l.contains("started in")) {
                    Matcher m = STARTED.matcher(l);
                    if (m.find()) {
                        last = Double.parseDouble(m.group(1));
                    }
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
        return last;
    }

    public HttpClient http() {
        return http;
    }
}
