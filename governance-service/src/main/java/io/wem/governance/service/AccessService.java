package io.wem.governance.service;

import io.wem.common.security.Caller;
import io.wem.common.access.Endpoint;
import io.wem.common.access.ServiceAccess;
import io.wem.governance.client.AccessMatrixClients;
import io.wem.governance.client.KeycloakAdminClient;
import io.wem.governance.config.GovernanceConfig;
import io.wem.governance.domain.access.AccessMatrix;
import io.wem.governance.domain.access.AccessReviewer;
import io.wem.governance.domain.access.MatrixCache;
import io.wem.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The suite's access matrix (assembled from what the services publish) and the access review against Keycloak. */
@ApplicationScoped
public class AccessService {
    private static final Logger LOG = Logger.getLogger(AccessService.class);

    @Inject
    GovernanceConfig config;

    @Inject
    @RestClient
    KeycloakAdminClient keycloak;

    @Inject
    AuditLogService auditLog;

    @Inject
    AccessMatrixClients services;

    @Inject
    ServiceAccess ownAccess;

    @Inject
    Clock clock;

    private final Map<String, MatrixCache> caches = new ConcurrentHashMap<>();

    /**
     * The suite's matrix: governance-service's own part from its code, the others' from what they publish (cached;
     * a service that does not answer is listed in {@code sources} as STALE with its last answer, or UNAVAILABLE).
     */
    public AccessMatrix matrix() {
        Instant now = clock.instant();
        Map<String, List<Endpoint>> parts = new LinkedHashMap<>();
        Map<String, AccessMatrix.Source> sources = new LinkedHashMap<>();
        ServiceAccess.Published own = ownAccess.published();
        parts.put(own.service(), own.endpoints());
        sources.put(own.service(), new AccessMatrix.Source(AccessMatrix.OK, now, null));
        GovernanceConfig.AccessMatrix cfg = config.accessMatrix();
        for (String service : services.services().keySet()) {
            MatrixCache cache = caches.getOrDefault(service, MatrixCache.EMPTY);
            if (cache.needsFetch(now, cfg.fresh(), cfg.retryAfterFailure())) {
                cache = fetch(service, cache);
                caches.put(service, cache);
            }
            parts.put(service, cache.shown());
            sources.put(service, cache.source());
        }
        return AccessMatrix.of(now, parts, sources);
    }

    private MatrixCache fetch(String service, MatrixCache cache) {
        try {
            ServiceAccess.Published p = services.fetch(service);
            if (p == null || !service.equals(p.service())) {
                return cache.failed("answered as " + (p == null ? "nothing" : p.service()), clock.instant());
            }
            return cache.succeeded(p.endpoints(), clock.instant());
        } catch (RuntimeException e) {
            LOG.warnf("access matrix of %s unavailable: %s", service, e.getMessage());
            return cache.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
        }
    }

    public record UserView(String id, String username, boolean enabled, List<String> roles, List<String> groups,
                           Instant createdAt, Instant lastLogin) {
    }

    public record Review(Instant reviewedAt, String realm, int users, boolean loginDataAvailable,
                         List<UserView> accounts, List<AccessReviewer.Finding> findings) {
    }

    public Review review(Caller caller) {
        String realm = config.keycloak().realm();
        List<KeycloakAdminClient.KcUser> kcUsers;
        try {
            kcUsers = keycloak.users(realm, 0, config.accessReview().maxUsers(), false);
        } catch (RuntimeException e) {
            LOG.warnf("Keycloak admin API unavailable: %s", e.getMessage());
            throw ProblemException.unavailable("Keycloak admin API is unavailable", Duration.ofSeconds(30));
        }
        boolean loginData = true;
        List<AccessReviewer.User> users = new ArrayList<>();
        List<UserView> views = new ArrayList<>();
        for (KeycloakAdminClient.KcUser u : kcUsers) {
            Set<String> roles = new LinkedHashSet<>();
            keycloak.realmRoles(realm, u.id()).forEach(r -> roles.add(r.name()));
            List<String> groups = keycloak.groups(realm, u.id()).stream()
                    .map(g -> g.path() != null ? g.path() : g.name()).toList();
            Instant last = null;
            if (loginData) {
                try {
                    List<KeycloakAdminClient.KcEvent> events = keycloak.loginEvents(realm, "LOGIN", u.id(), 1);
                    if (!events.isEmpty() && events.get(0).time() != null) {
                        last = Instant.ofEpochMilli(events.get(0).time());
                    }
                } catch (RuntimeException e) {
                    loginData = false; // events disabled or not permitted: say so once instead of guessing
                }
            }
            Instant created = u.createdTimestamp() == null ? null : Instant.ofEpochMilli(u.createdTimestamp());
            boolean enabled = !Boolean.FALSE.equals(u.enabled());
            users.add(new AccessReviewer.User(u.id(), u.username(), enabled, roles, groups, created, last));
            views.add(new UserView(u.id(), u.username(), enabled, roles.stream().sorted().toList(), groups, created,
                    last));
        }
        List<List<String>> pairs = config.accessReview().sodPairs().stream()
                .map(p -> Arrays.stream(p.split("\\+")).map(String::trim).toList()).toList();
        Instant now = clock.instant();
        List<AccessReviewer.Finding> findings = AccessReviewer.review(users, pairs,
                Duration.ofDays(config.accessReview().inactiveDays()), loginData, now);
        auditLog.recordOwn(caller, null, "READ", "governance-service:access-review",
                "access review of realm " + realm);
        return new Review(now, realm, users.size(), loginData, views, findings);
    }
}
