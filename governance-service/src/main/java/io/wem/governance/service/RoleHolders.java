package io.wem.governance.service;

import io.wem.governance.client.KeycloakAdminClient;
import io.wem.governance.config.GovernanceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who holds which realm role (effective roles, through groups and composites), read from Keycloak's admin API, the
 * system that puts roles into tokens. Cached for a minute: the transparency page asks on every view.
 */
@ApplicationScoped
public class RoleHolders {
    static final Duration FRESH = Duration.ofMinutes(1);

    @Inject
    @RestClient
    KeycloakAdminClient keycloak;

    @Inject
    GovernanceConfig config;

    @Inject
    Clock clock;

    private volatile Map<String, List<String>> holders;
    private volatile Instant readAt;

    /** Realm role → sorted usernames of enabled accounts holding it; throws when Keycloak cannot answer. */
    public Map<String, List<String>> byRole() {
        Instant now = clock.instant();
        if (holders == null || now.isAfter(readAt.plus(FRESH))) {
            String realm = config.keycloak().realm();
            Map<String, TreeSet<String>> m = new TreeMap<>();
            for (KeycloakAdminClient.KcUser u : keycloak.users(realm, 0, config.accessReview().maxUsers(), false)) {
                if (Boolean.FALSE.equals(u.enabled()) || u.username().startsWith("service-account-")) {
                    continue;
                }
                keycloak.realmRoles(realm, u.id()).forEach(r -> m.computeIfAbsent(r.name(), k -> new TreeSet<>())
                        .add(u.username()));
            }
            Map<String, List<String>> out = new TreeMap<>();
            m.forEach((role, users) -> out.put(role, List.copyOf(users)));
            holders = out;
            readAt = now;
        }
        return holders;
    }
}
