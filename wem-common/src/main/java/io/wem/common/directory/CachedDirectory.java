package io.wem.common.directory;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The services' directory client: governance's internal API behind a short cache (wem.directory.cache-ttl,
 * default 30 s), with timeout, retry and circuit breaker on the remote call. Answers are never served stale
 * beyond the TTL: when governance does not answer, the lookup throws {@link DirectoryUnavailableException}
 * (fail closed). governance-service itself replaces this bean with a local, database-backed one.
 */
@DefaultBean
@ApplicationScoped
public class CachedDirectory implements DirectoryLookup {

    @Inject
    @RestClient
    DirectoryApi api;

    @Inject
    Remote remote;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "wem.directory.cache-ttl", defaultValue = "PT30S")
    Duration ttl;

    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(Object value, Instant expires) {
    }

    @Override
    public Optional<AgentPlacement> agent(String agentId) {
        return Optional.ofNullable((AgentPlacement) cached("agent:" + agentId, () -> remote.agent(api, agentId)));
    }

    @Override
    public boolean knowsTeam(String teamId) {
        return (Boolean) cached("known-team:" + teamId, () -> remote.knowsTeam(api, teamId));
    }

    @Override
    public PersonPlacement person(String username) {
        return (PersonPlacement) cached("person:" + username, () -> remote.person(api, username));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> assignees(String teamId, String role) {
        return (List<String>) cached("team:" + teamId + ":" + role, () -> remote.assignees(api, teamId, role));
    }

    @Override
    public void invalidate() {
        cache.clear();
    }

    private Object cached(String key, Supplier<Object> load) {
        Instant now = clock.instant();
        Entry e = cache.get(key);
        if (e != null && e.expires().isAfter(now)) {
            return e.value();
        }
        Object value;
        try {
            value = load.get();
        } catch (RuntimeException ex) {
            // timeouts, an open breaker, 5xx and connection errors alike: no answer means no access
            metrics.counter("wem_directory_unavailable_total").increment();
            throw new DirectoryUnavailableException("the organisation directory did not answer");
        }
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(key, new Entry(value, now.plus(ttl)));
        return value;
    }

    /** The remote calls with fault tolerance (a separate bean so the interceptors apply). */
    @ApplicationScoped
    public static class Remote {

        @Timeout(2000)
        @Retry(maxRetries = 1, delay = 100)
        @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000)
        AgentPlacement agent(DirectoryApi api, String agentId) {
            try {
                return api.agent(agentId);
            } catch (WebApplicationException e) {
                if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                    return null; // an answer ("unknown agent"), not a failure
                }
                throw e;
            }
        }

        @Timeout(2000)
        @Retry(maxRetries = 1, delay = 100)
        @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000)
        PersonPlacement person(DirectoryApi api, String username) {
            return api.person(username);
        }

        @Timeout(2000)
        @Retry(maxRetries = 1, delay = 100)
        @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000)
        List<String> assignees(DirectoryApi api, String teamId, String role) {
            return api.assignees(teamId, role);
        }

        @Timeout(2000)
        @Retry(maxRetries = 1, delay = 100)
        @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000)
        boolean knowsTeam(DirectoryApi api, String teamId) {
            try {
                api.assignees(teamId, "agent"); // governance answers 404 for a team it does not have
                return true;
            } catch (WebApplicationException e) {
                if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                    return false;
                }
                throw e;
            }
        }
    }
}
