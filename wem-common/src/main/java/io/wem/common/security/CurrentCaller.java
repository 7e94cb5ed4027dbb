package io.wem.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.wem.common.directory.DirectoryLookup;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The request's {@link Caller}, read once from the verified token. Inject this (a request-scoped proxy), not a
 * Caller: Quarkus REST resources are singletons, so a Caller field would outlive the request.
 * <p>
 * A person's teams come from the organisation directory ({@link DirectoryLookup}), never from the token: the
 * token's {@code teams} claim (Keycloak groups) is ignored, so neither a stale token nor a group edited outside the
 * directory's sync can widen access. Service accounts have no teams.
 */
@RequestScoped
public class CurrentCaller {

    @Inject
    SecurityIdentity identity;

    @Inject
    DirectoryLookup directory;

    private Caller caller;

    public Caller get() {
        if (caller == null) {
            caller = fromIdentity(identity, directory);
        }
        return caller;
    }

    /** The caller with teams from the directory (lazily, on first use of {@link Caller#teams()}). */
    public static Caller fromIdentity(SecurityIdentity identity, DirectoryLookup directory) {
        Caller c = fromIdentity(identity);
        if (c.username() == null || c.isService()) {
            return new Caller(c.subject(), c.username(), c.roles(), Set.of(), c.agentId(), c.clientId());
        }
        String username = c.username();
        return new Caller(c.subject(), username, c.roles(), new DirectoryTeams(() -> directory.person(username).teams()),
                c.agentId(), c.clientId());
    }

    /** The caller as the token describes it, including the token's {@code teams} claim (not used for scoping). */
    public static Caller fromIdentity(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return new Caller(null, null, Set.of(), Set.of(), null, null);
        }
        Principal principal = identity.getPrincipal();
        Set<String> teams = new LinkedHashSet<>();
        String agentId = null;
        String clientId = null;
        String username = null;
        String subject = principal.getName();
        if (principal instanceof JsonWebToken jwt) {
            subject = jwt.getSubject();
            Object teamClaim = jwt.getClaim("teams");
            if (teamClaim instanceof Collection<?> c) {
                c.forEach(t -> teams.add(strip(String.valueOf(t))));
            } else if (teamClaim instanceof jakarta.json.JsonArray arr) {
                arr.forEach(v -> teams.add(strip(v instanceof jakarta.json.JsonString s ? s.getString() : v.toString())));
            }
            agentId = claim(jwt, "agent_id");
            clientId = claim(jwt, "client_id");
            if (clientId == null && claim(jwt, "preferred_username") != null
                    && claim(jwt, "preferred_username").startsWith("service-account-")) {
                clientId = claim(jwt, "azp");
            }
            username = claim(jwt, "preferred_username");
            if (username != null && username.startsWith("service-account-")) {
                username = null;
            }
        }
        return new Caller(subject, username, Set.copyOf(identity.getRoles()), Set.copyOf(teams), agentId, clientId);
    }

    private static String claim(JsonWebToken jwt, String name) {
        Object v = jwt.getClaim(name);
        if (v == null) {
            return null;
        }
        if (v instanceof jakarta.json.JsonString s) {
            return s.getString();
        }
        return v.toString();
    }

    private static String strip(String team) {
        String t = team.startsWith("\"") && team.endsWith("\"") ? team.substring(1, team.length() - 1) : team;
        return t.startsWith("/") ? t.substring(1) : t;
    }
}
