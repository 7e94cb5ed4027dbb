package io.wem.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Signed access tokens shaped like the wem realm's (realm_access.roles, teams, agent_id, preferred_username),
 * signed with quarkus-test-oidc-server's key so a service under {@code OidcWiremockTestResource} verifies them
 * like real Keycloak tokens.
 */
public final class TestTokens {
    public static final String ISSUER = "https://server.example.com";
    /** Every service's audience (each service accepts only tokens naming it: quarkus.oidc.token.audience). */
    public static final Set<String> SERVICES = Set.of("signal-service", "coaching-service", "governance-service",
            "wellbeing-service");

    private TestTokens() {
    }

    /** A person's token. */
    public static String user(String username, List<String> roles, List<String> teams, String agentId) {
        return user(SERVICES, username, roles, teams, agentId);
    }

    /** A person's token for the given audiences only (a service not named must answer 401). */
    public static String user(Set<String> audience, String username, List<String> roles, List<String> teams,
                              String agentId) {
        JwtClaimsBuilder b = Jwt.claims()
                .issuer(ISSUER)
                .audience(audience)
                .subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
                .preferredUserName(username)
                .claim("realm_access", Map.of("roles", roles))
                .claim("teams", teams)
                .claim("azp", "wem-cli");
        if (agentId != null) {
            b.claim("agent_id", agentId);
        }
        return b.expiresIn(3600).sign();
    }

    /** A service account's token (client credentials). */
    public static String service(String clientId, List<String> roles) {
        return Jwt.claims()
                .issuer(ISSUER)
                .audience(SERVICES)
                .subject(UUID.nameUUIDFromBytes(clientId.getBytes()).toString())
                .preferredUserName("service-account-" + clientId)
                .claim("realm_access", Map.of("roles", roles))
                .claim("client_id", clientId)
                .claim("azp", clientId)
                .expiresIn(3600)
                .sign();
    }

    public static String agent(String agentId, String team) {
        return user("user-" + agentId, List.of("agent"), List.of(team), agentId);
    }

    public static String supervisor(String username, String... teams) {
        return user(username, List.of("supervisor"), List.of(teams), null);
    }

    public static String withRoles(String username, String... roles) {
        return user(username, List.of(roles), List.of(), null);
    }

    /** Authenticated but holding none of the suite's roles: every protected endpoint answers 403. */
    public static String noRoles() {
        return user("nobody", List.of("offline_access"), List.of(), null);
    }
}
