package io.wem.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signed access tokens shaped like the wem realm's (realm_access.roles, teams, agent_id, preferred_username),
 * signed with quarkus-test-oidc-server's key so a service under {@code OidcWiremockTestResource} verifies them
 * like real Keycloak tokens.
 */
public final class TestTokens {
    public static final String ISSUER = "https://server.example.com";

    private TestTokens() {
    }

    /**
     * A person's token, and the directory entries that back it: the person holds each of their roles in each of
     * {@code teams} (replacing what the test directory held for them) and an agent is placed in the first team.
     * Scoping reads only the directory, so a token's teams claim alone grants nothing (see {@link #claimOnly}).
     */
    public static String user(String username, List<String> roles, List<String> teams, String agentId) {
        if (!teams.isEmpty()) {
            java.util.Map<String, List<String>> byTeam = new java.util.TreeMap<>();
            teams.forEach(t -> byTeam.put(t, List.copyOf(roles)));
            TestDirectory.forget(username);
            byTeam.forEach((t, r) -> r.forEach(role -> TestDirectory.addAssignment(username, role, t)));
            if (agentId != null) {
                TestDirectory.placeAgent(agentId, teams.get(0));
            }
        }
        return claimOnly(username, roles, teams, agentId);
    }

    /** A token whose teams claim the directory does not back (attack tests: the claim must grant nothing). */
    public static String claimOnly(String username, List<String> roles, List<String> teams, String agentId) {
        JwtClaimsBuilder b = Jwt.claims()
                .issuer(ISSUER)
                .audience("https://service.example.com")
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
                .audience("https://service.example.com")
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
