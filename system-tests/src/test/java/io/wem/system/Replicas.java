package io.wem.system;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * The second replica of each service on {@code ./wem test}'s stack (issue #18): {@code ./wem} starts it on other
 * ports with the same databases, topics and consumer groups, and passes {@code wem.<short>.replica-url} and
 * {@code wem.replica-prefix} (its process names, {@code systest-r2-<service>}).
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
