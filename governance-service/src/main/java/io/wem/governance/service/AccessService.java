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
import io.wem.governance.domain.access.RealmSnapshot;
import io.wem.common.problem.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

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

    private volatile RealmSnapshot lastRealm;

    private ExecutorService realmReaders;

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
        RealmSnapshot snapshot = realmSnapshot(realm);
        List<UserView> views = snapshot.users().stream().map(u -> new UserView(u.id(), u.username(), u.enabled(),
                u.roles().stream().sorted().toList(), u.groups(), u.createdAt(), u.lastLogin())).toList();
        List<List<String>> pairs = config.accessReview().sodPairs().stream()
                .map(p -> Arrays.stream(p.split("\\+")).map(String::trim).toList()).toList();
        List<AccessReviewer.Finding> findings = AccessReviewer.review(snapshot.users(), pairs,
                Duration.ofDays(config.accessReview().inactiveDays()), snapshot.loginData(), clock.instant());
        auditLog.recordOwn(caller, null, "READ", "governance-service:access-review",
                "access review of realm " + realm);
        return new Review(snapshot.readAt(), realm, snapshot.users().size(), snapshot.loginData(), views, findings);
    }

    /** The last read of the realm while it is within its max age, else a new one (one reader at a time). */
    private synchronized RealmSnapshot realmSnapshot(String realm) {
        RealmSnapshot last = lastRealm;
        if (last != null && last.usableAt(clock.instant(), config.accessReview().maxAge())) {
            return last;
        }
        lastRealm = readRealm(realm);
        return lastRealm;
    }

    /**
     * Every account with its effective realm roles, groups and last login. The three calls per account run
     * {@code parallelCalls} at a time: one after another they made the review (and the console's access page) wait
     * for some sixty round trips. Any failure but the login events' fails the review (503): a review missing an
     * account's roles would under-report.
     */
    private RealmSnapshot readRealm(String realm) {
        Instant readAt = clock.instant();
        List<KeycloakAdminClient.KcUser> kcUsers;
        try {
            kcUsers = keycloak.users(realm, 0, config.accessReview().maxUsers(), false);
        } catch (RuntimeException e) {
            throw keycloakUnavailable(e);
        }
        List<Future<AccountRead>> reads = new ArrayList<>();
        for (KeycloakAdminClient.KcUser u : kcUsers) {
            reads.add(realmReaders.submit(() -> readAccount(realm, u)));
        }
        List<AccessReviewer.User> users = new ArrayList<>();
        boolean loginData = true;
        try {
            for (Future<AccountRead> f : reads) {
                AccountRead a = f.get(30, TimeUnit.SECONDS);
                users.add(a.user());
                loginData &= a.loginData();
            }
        } catch (ExecutionException e) {
            throw keycloakUnavailable(e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e));
        } catch (TimeoutException e) {
            throw keycloakUnavailable(new IllegalStateException("an account's roles took over 30 s"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw keycloakUnavailable(new IllegalStateException(e));
        } finally {
            reads.forEach(f -> f.cancel(true));
        }
        if (!loginData) {
            // events disabled or not permitted: say so once for the whole review instead of guessing per account
            users = users.stream().map(u -> new AccessReviewer.User(u.id(), u.username(), u.enabled(), u.roles(),
                    u.groups(), u.createdAt(), null)).toList();
        }
        return new RealmSnapshot(readAt, users, loginData);
    }

    private record AccountRead(AccessReviewer.User user, boolean loginData) {
    }

    private AccountRead readAccount(String realm, KeycloakAdminClient.KcUser u) {
        Set<String> roles = new LinkedHashSet<>();
        keycloak.realmRoles(realm, u.id()).forEach(r -> roles.add(r.name()));
        List<String> groups = keycloak.groups(realm, u.id()).stream()
                .map(g -> g.path() != null ? g.path() : g.name()).toList();
        Instant last = null;
        boolean loginData = true;
        try {
            List<KeycloakAdminClient.KcEvent> events = keycloak.loginEvents(realm, "LOGIN", u.id(), 1);
            if (!events.isEmpty() && events.get(0).time() != null) {
                last = Instant.ofEpochMilli(events.get(0).time());
            }
        } catch (RuntimeException e) {
            loginData = false;
        }
        Instant created = u.createdTimestamp() == null ? null : Instant.ofEpochMilli(u.createdTimestamp());
        boolean enabled = !Boolean.FALSE.equals(u.enabled());
        return new AccountRead(new AccessReviewer.User(u.id(), u.username(), enabled, roles, groups, created, last),
                loginData);
    }

    private static ProblemException keycloakUnavailable(RuntimeException e) {
        LOG.warnf("Keycloak admin API unavailable: %s", e.getMessage());
        return ProblemException.unavailable("Keycloak admin API is unavailable", Duration.ofSeconds(30));
    }

    @PostConstruct
    void startReaders() {
        AtomicInteger n = new AtomicInteger();
        realmReaders = Executors.newFixedThreadPool(Math.max(1, config.accessReview().parallelCalls()), r -> {
            Thread t = new Thread(r, "access-review-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stopReaders() {
        realmReaders.shutdownNow();
    }
}
