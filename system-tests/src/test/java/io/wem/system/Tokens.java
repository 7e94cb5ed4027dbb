package io.wem.system;

import io.restassured.response.Response;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/**
 * Real tokens from the running Keycloak. Tokens are cached per user / client for a minute less than
 * their lifetime, so a suite does not log in hundreds of times.
 */
public final class Tokens {

    private record Cached(AccessToken token, Instant refreshAfter) {
    }

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** Password grant on the public client {@code wem-cli} with the local demo password. */
    public static AccessToken user(String username) {
        return user(username, SystemTestConfig.userPassword());
    }

    public static AccessToken user(String username, String password) {
        return CACHE.compute("user:" + username, (key, cached) -> fresh(cached) ? cached
                : fetch(Map.of(
                        "grant_type", "password",
                        "client_id", SystemTestConfig.cliClientId(),
                        "username", username,
                        "password", password))).token();
    }

    /** Client-credentials grant for a confidential client with a service account. */
    public static AccessToken client(String clientId, String secret) {
        return CACHE.compute("client:" + clientId, (key, cached) -> fresh(cached) ? cached
                : fetch(Map.of(
                        "grant_type", "client_credentials",
                        "client_id", clientId,
                        "client_secret", secret))).token();
    }

    /** The local secrets of the realm's confidential clients follow {@code <client>-local-secret}. */
    public static AccessToken client(String clientId) {
        return client(clientId, clientId + "-local-secret");
    }

    /** Token of a service's own service account, e.g. {@code service(WemService.SIGNAL)}. */
    public static AccessToken service(WemService service) {
        return client(service.serviceName());
    }

    /** Fetches without the cache: status and body of the token endpoint, for negative tests. */
    public static Response request(Map<String, String> form) {
        return given().formParams(form).post(SystemTestConfig.tokenEndpoint());
    }

    private static boolean fresh(Cached cached) {
        return cached != null && Instant.now().isBefore(cached.refreshAfter());
    }

    private static Cached fetch(Map<String, String> form) {
        Response response = request(form);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request for " + form.getOrDefault("username", form.get("client_id"))
                    + " failed: HTTP " + response.statusCode() + " " + response.asString()
                    + " (is Keycloak running? ./wem infra)");
        }
        String raw = response.jsonPath().getString("access_token");
        long expiresIn = response.jsonPath().getLong("expires_in");
        Duration keep = Duration.ofSeconds(Math.max(0, expiresIn - 60));
        return new Cached(AccessToken.parse(raw), Instant.now().plus(keep));
    }
}
