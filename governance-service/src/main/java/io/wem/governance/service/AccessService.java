package io.wem.governance.service;

import io.wem.common.security.Caller;
import io.wem.governance.client.KeycloakAdminClient;
import io.wem.governance.config.GovernanceConfig;
import io.wem.governance.domain.access.AccessMatrix;
import io.wem.governance.domain.access.AccessReviewer;
import io.wem.common.events.Events;
import io.wem.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The access matrix (resource file access-matrix.json) and the access review against Keycloak. */
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

    private volatile AccessMatrix matrix;

    public AccessMatrix matrix() {
        if (matrix == null) {
            try (InputStream in = AccessService.class.getResourceAsStream("/access-matrix.json")) {
                matrix = Events.mapper().readValue(in, AccessMatrix.class);
            } catch (IOException e) {
                throw new IllegalStateException("access-matrix.json is unreadable", e);
            }
        }
        return matrix;
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
        Instant now = Instant.now();
        List<AccessReviewer.Finding> findings = AccessReviewer.review(users, pairs,
                Duration.ofDays(config.accessReview().inactiveDays()), loginData, now);
        auditLog.recordOwn(caller, null, "READ", "governance-service:access-review",
                "access review of realm " + realm);
        return new Review(now, realm, users.size(), loginData, views, findings);
    }
}
