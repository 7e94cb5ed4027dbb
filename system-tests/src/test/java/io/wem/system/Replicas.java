package io.wem.system;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * The second replica of each service on {@code ./wem test}'s stack (issue #18), on other ports with the same
 * databases, topics and consumer groups: {@code ./wem} passes {@code wem.<short>.replica-url} and
 * {@code wem.replica-prefix} (its process names, {@code systest-r2-<service>}); ReplicasIT starts and stops it.
 */
public final class Replicas {

    private Replicas() {
    }

    /** Whether the stack under test runs second replicas. */
    public static boolean present() {
        for (WemService s : WemService.values()) {
            if (System.getProperty("wem." + s.shortName() + ".replica-url") == null) {
                return false;
            }
        }
        return System.getProperty("wem.replica-prefix") != null;
    }

    /** Base URL of replica 0 (the first, {@link WemService#baseUrl()}) or 1 (the second). */
    public static String url(WemService service, int replica) {
        if (replica % 2 == 0) {
            return service.baseUrl();
        }
        String url = System.getProperty("wem." + service.shortName() + ".replica-url");
        if (url == null) {
            throw new IllegalStateException("no second replica of " + service + " (wem." + service.shortName()
                    + ".replica-url)");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The process name of a replica in .wem/pids. */
    public static String component(WemService service, int replica) {
        return replica % 2 == 0 ? Stack.component(service.serviceName())
                : System.getProperty("wem.replica-prefix", "systest-r2-") + service.serviceName();
    }

    /** Management URL of a replica: its port + 1000, as ./wem runs it. */
    static String managementUrl(WemService service, int replica) {
        URI base = URI.create(url(service, replica));
        return base.getScheme() + "://" + base.getHost() + ":" + (base.getPort() + 1000);
    }

    public static boolean ready(WemService service, int replica) {
        return Stack.readyAt(managementUrl(service, replica));
    }

    /**
     * Starts the second replica of each service as a copy of the first: its build copied to
     * {@code .wem/run/<replica name>}, its command line and environment with the replica's ports, its pid in
     * {@code .wem/pids} and its name in {@code wem.started-file}, so that ./wem stops it even if this JVM dies. Every
     * other system test runs on one replica per service; ReplicasIT starts the second ones for its own run only.
     */
    public static void startSecondReplicas(Duration timeout) {
        for (WemService s : WemService.values()) {
            if (ready(s, 1)) {
                throw new IllegalStateException("something already answers on the second replica's port of " + s + " ("
                        + managementUrl(s, 1) + "): stop it (./wem status, ./wem down)");
            }
        }
        for (WemService s : WemService.values()) {
            Stack.Stopped first = Stack.describe(Replicas.component(s, 0));
            String name = component(s, 1);
            Path dir = first.workdir().resolveSibling(name);
            try {
                if (Files.exists(dir)) {
                    deleteTree(dir);
                }
                copyTree(first.workdir(), dir);
                String startedFile = System.getProperty("wem.started-file");
                if (startedFile != null) {
                    Files.writeString(Path.of(startedFile), name + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
            } catch (IOException e) {
                throw new IllegalStateException("could not copy " + first.workdir() + " for " + name + ": " + e, e);
            }
            String from = first.workdir().toString();
            List<String> command = first.command().stream().map(a -> a.replace(from, dir.toString())).toList();
            Map<String, String> env = new LinkedHashMap<>(first.environment());
            int port = URI.create(url(s, 1)).getPort();
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(port + 1000));
            Stack.start(new Stack.Stopped(name, command, dir, env));
        }
        awaitAllReady(timeout);
    }

    /** Stops the second replicas (SIGTERM) after ReplicasIT; the first ones keep running for the tests after it. */
    public static void stopSecondReplicas() {
        for (WemService s : WemService.values()) {
            try {
                Stack.stop(component(s, 1), false);
            } catch (IllegalStateException notRunning) {
                // already gone
            }
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Waits until every replica of every service answers ready. */
    public static void awaitAllReady(Duration timeout) {
        Stack.awaitAllReady(timeout);
        Instant deadline = Instant.now().plus(timeout);
        for (WemService s : WemService.values()) {
            while (!ready(s, 1)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("second replica of " + s + " not ready after " + timeout);
                }
                Signals.sleep(Duration.ofMillis(500));
            }
        }
    }

    /**
     * Posts one batch of signals as a client behind a load balancer would: to {@code replica} first, and on a refused
     * connection, a reset, or a 503, to the other replica, until one answers 202 (for up to two minutes). The same
     * batch may thus reach both replicas: that is the at-least-once delivery the service must absorb.
     */
    public static int post(List<Map<String, Object>> batch, int replica) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        int attempts = 0;
        String last = "";
        for (int r = replica; Instant.now().isBefore(deadline); r++) {
            attempts++;
            try {
                Response answer = given().baseUri(url(WemService.SIGNAL, r)).auth()
                        .oauth2(Tokens.client("wem-integration").raw()).contentType(ContentType.JSON)
                        .body(Map.of("signals", batch)).post("/api/v1/signals");
                if (answer.statusCode() == 202) {
                    return attempts;
                }
                last = answer.statusCode() + " " + answer.asString();
                if (answer.statusCode() != 503 && answer.statusCode() < 500) {
                    throw new AssertionError("POST /api/v1/signals answered " + last);
                }
            } catch (AssertionError e) {
                throw e;
            } catch (Exception e) { // the replica is down or went down mid-request: the other one takes it
                last = e.toString();
            }
            Signals.sleep(Duration.ofMillis(300));
        }
        throw new AssertionError("no replica of signal-service took a batch within two minutes: " + last);
    }
}
