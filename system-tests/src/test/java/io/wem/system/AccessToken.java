package io.wem.system;

import io.restassured.path.json.JsonPath;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A raw access token plus its decoded (not verified: the services verify) payload. Helpers read the
 * claims the WEM realm puts in: {@code realm_access.roles}, {@code teams}, {@code agent_id}.
 */
public record AccessToken(String raw, JsonPath claims) {

    public static AccessToken parse(String raw) {
        String[] parts = raw.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWT (expected 3 dot-separated parts)");
        }
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        return new AccessToken(raw, JsonPath.from(payload));
    }

    public String issuer() {
        return claims.getString("iss");
    }

    public String subject() {
        return claims.getString("sub");
    }

    public String username() {
        return claims.getString("preferred_username");
    }

    /** Authorized party: the client the token was issued to. */
    public String azp() {
        return claims.getString("azp");
    }

    /** Realm roles ({@code realm_access.roles}); empty when absent. */
    public List<String> realmRoles() {
        List<String> roles = claims.getList("realm_access.roles", String.class);
        return roles == null ? List.of() : roles;
    }

    /** Team names ({@code teams}, no leading slash); empty when the claim is absent. */
    public List<String> teams() {
        List<String> teams = claims.getList("teams", String.class);
        return teams == null ? List.of() : teams;
    }

    /** {@code agent_id}, or null when the user has none. */
    public String agentId() {
        return claims.getString("agent_id");
    }

    public boolean has(String claim) {
        return claims.get(claim) != null;
    }

    @Override
    public String toString() {
        return "AccessToken[" + (username() != null ? username() : azp()) + "]";
    }
}
