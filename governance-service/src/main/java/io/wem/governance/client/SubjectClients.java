package io.wem.governance.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.OidcClient;
import io.wem.governance.config.GovernanceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Calls the other services' subject endpoints with timeouts and bounded retries (exponential backoff).
 * One typed client per service base URL, all sharing {@link SubjectApi}.
 */
@ApplicationScoped
public class SubjectClients {

    @Inject
    GovernanceConfig config;

    @Inject
    OidcClient oidc;

    private final Map<String, SubjectApi> clients = new ConcurrentHashMap<>();

    /** service name → base URL, in the order requests visit them. */
    public Map<String, String> services() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("signal-service", config.services().signalUrl());
        m.put("coaching-service", config.services().coachingUrl());
        m.put("wellbeing-service", config.services().wellbeingUrl());
        return m;
    }

    public JsonNode export(String service, String agentId) {
        return call(service, api -> api.export(agentId, bearer()));
    }

    public JsonNode erase(String service, String agentId) {
        return call(service, api -> api.erase(agentId, bearer()));
    }

    /** governance-service's client-credentials token as an Authorization header value. */
    public String bearer() {
        return "Bearer " + oidc.getTokens().await().atMost(config.services().timeout()).getAccessToken();
    }

    private JsonNode call(String service, java.util.function.Function<SubjectApi, JsonNode> op) {
        SubjectApi api = clients.computeIfAbsent(service, s -> RestClientBuilder.newBuilder()
                .baseUri(URI.create(services().get(s)))
                .connectTimeout(config.services().timeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.services().timeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(SubjectApi.class));
        RuntimeException last = null;
        for (int attempt = 1; attempt <= config.services().attempts(); attempt++) {
            try {
                return op.apply(api);
            } catch (RuntimeException e) {
                last = e;
                try {
                    Thread.sleep(200L << (attempt - 1));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw last;
    }
}
