package io.wem.demo.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wem.demo.generator.SignalJson;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The suite's public HTTP APIs with real Keycloak tokens: people through the public client {@code wem-cli}
 * (password grant, local demo only) and ingestion through the confidential client {@code wem-integration}.
 */
public final class SuiteClient {

    public static final String PASSWORD = "wem-local";
    static final String INTEGRATION_CLIENT = "wem-integration";
    static final String INTEGRATION_SECRET = "wem-integration-local-secret";

    private final ObjectMapper json = SignalJson.MAPPER;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String tokenUrl;
    private final Map<String, Token> tokens = new HashMap<>();

    record Token(String value, Instant expiresAt) {
    }

    /** A non-2xx answer: status and body kept so the report can say exactly what the suite answered. */
    public static final class HttpError extends RuntimeException {
        public final int status;
        public final String body;
        public final long retryAfterSeconds;

        HttpError(String what, int status, String body, long retryAfterSeconds) {
            super(what + " -> HTTP " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body)));
            this.status = status;
            this.body = body;
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    /** Nothing listens at the address. */
    public static final class Unreachable extends RuntimeException {
        Unreachable(String what, Throwable cause) {
            super(what + " not reachable (" + cause.getClass().getSimpleName() + ")", cause);
        }
    }

    public SuiteClient(String keycloakUrl) {
        this.tokenUrl = keycloakUrl + "/realms/wem/protocol/openid-connect/token";
    }

    /** Access token of a realm user (password grant on wem-cli). */
    public String user(String username) {
        return token(username, "grant_type=password&client_id=wem-cli&username=" + enc(username) + "&password=" + enc(PASSWORD));
    }

    /** Access token of the integration client (client credentials). */
    public String integration() {
        return token("client:" + INTEGRATION_CLIENT, "grant_type=client_credentials&client_id=" + INTEGRATION_CLIENT
                + "&client_secret=" + enc(INTEGRATION_SECRET));
    }

    private synchronized String token(String key, String form) {
        Token t = tokens.get(key);
        if (t != null && Instant.now().isBefore(t.expiresAt().minusSeconds(30))) {
            return t.value();
        }
        HttpRequest req = HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        JsonNode body = send(req, "token for " + key + " from " + tokenUrl);
        t = new Token(body.path("access_token").asText(), Instant.now().plusSeconds(body.path("expires_in").asLong(60)));
        tokens.put(key, t);
        return t.value();
    }

    public JsonNode get(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET()
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build(), "GET " + url);
    }

    public String getText(String url) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build();
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new HttpError("GET " + url, r.statusCode(), r.body(), 0);
            }
            return r.body();
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new Unreachable(url, e);
        } catch (IOException e) {
            throw new Unreachable(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonNode post(String url, String token, byte[] body) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return send(req, "POST " + url);
    }

    public JsonNode postJson(String url, String token, Object body) {
        try {
            return post(url, token, json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode send(HttpRequest req, String what) {
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                long retry = r.headers().firstValueAsLong("Retry-After").orElse(0);
                throw new HttpError(what, r.statusCode(), r.body(), retry);
            }
            return r.body() == null || r.body().isBlank() ? json.nullNode() : json.readTree(r.body());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new Unreachable(what, e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("Connection refused")) {
                throw new Unreachable(what, e);
            }
            throw new Unreachable(what + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The management interface (health, metrics) of the service at {@code baseUrl}: /q/* is not served on the public
     * port; the local stack (./wem) puts it on the HTTP port + 1000.
     */
    static String management(String baseUrl) {
        URI u = URI.create(baseUrl);
        return u.getScheme() + "://" + u.getHost() + ":" + (u.getPort() + 1000);
    }

    /** True when the service's management interface answers 200 on /q/health/ready. */
    public boolean ready(String baseUrl) {
        try {
            getText(management(baseUrl) + "/q/health/ready");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** True when something answers HTTP at {@code baseUrl} (any status). */
    public boolean listening(String baseUrl) {
        try {
            getText(baseUrl + "/api/v1/identity");
            return true;
        } catch (HttpError e) {
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "..." : one;
    }
}
