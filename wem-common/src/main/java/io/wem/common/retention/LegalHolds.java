package io.wem.common.retention;

import io.quarkus.oidc.client.OidcClient;
import io.wem.common.contracts.LegalHoldScope;
import io.wem.common.messaging.TransientFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The legal holds active right now, asked from governance-service at the moment of deletion: a purge command's or
 * a caller's list of holds is never trusted on its own. When governance does not answer, {@link #active()} throws
 * a {@link TransientFailure}: nothing is deleted and the caller retries later. governance-service replaces this
 * bean with one reading its own table.
 */
@ApplicationScoped
public class LegalHolds {

    @Inject
    Instance<OidcClient> oidc;

    @ConfigProperty(name = "wem.legal-holds.url", defaultValue = "http://127.0.0.1:8083")
    String url;

    @ConfigProperty(name = "wem.legal-holds.timeout", defaultValue = "PT5S")
    Duration timeout;

    private volatile LegalHoldsApi api;

    @Timeout(value = 10, unit = java.time.temporal.ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, retryOn = TransientFailure.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10_000, failOn = TransientFailure.class)
    public List<LegalHoldScope> active() {
        try {
            String token = oidc.get().getTokens().await().atMost(timeout).getAccessToken();
            List<LegalHoldScope> holds = api().active("Bearer " + token);
            return holds == null ? List.of() : holds;
        } catch (RuntimeException e) {
            throw new TransientFailure("governance-service did not answer with the active legal holds", e);
        }
    }

    /** The holds of a message (which can only add protection) together with governance's active ones. */
    public static List<LegalHoldScope> union(List<LegalHoldScope> fromMessage, List<LegalHoldScope> active) {
        List<LegalHoldScope> all = new ArrayList<>(active);
        if (fromMessage != null) {
            all.addAll(fromMessage);
        }
        return all;
    }

    private LegalHoldsApi api() {
        if (api == null) {
            api = RestClientBuilder.newBuilder().baseUri(URI.create(url))
                    .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .build(LegalHoldsApi.class);
        }
        return api;
    }
}
