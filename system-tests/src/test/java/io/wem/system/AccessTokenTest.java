package io.wem.system;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unit test of the helper (runs in every build, no stack needed). */
class AccessTokenTest {

    private static String jwt(String payloadJson) {
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        return enc.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + enc.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    @Test
    void readsTheWemClaims() {
        AccessToken token = AccessToken.parse(jwt("""
                {"iss":"http://127.0.0.1:8180/realms/wem","sub":"s-1","azp":"wem-cli",
                 "preferred_username":"agent1","realm_access":{"roles":["agent"]},
                 "teams":["team-north"],"agent_id":"agent-north-01"}"""));
        assertEquals("http://127.0.0.1:8180/realms/wem", token.issuer());
        assertEquals("s-1", token.subject());
        assertEquals("agent1", token.username());
        assertEquals(List.of("agent"), token.realmRoles());
        assertEquals(List.of("team-north"), token.teams());
        assertEquals("agent-north-01", token.agentId());
    }

    @Test
    void absentClaimsAreEmptyOrNull() {
        AccessToken token = AccessToken.parse(jwt("{\"azp\":\"wem-integration\"}"));
        assertTrue(token.realmRoles().isEmpty());
        assertTrue(token.teams().isEmpty());
        assertNull(token.agentId());
    }

    @Test
    void rejectsNonJwt() {
        assertThrows(IllegalArgumentException.class, () -> AccessToken.parse("not-a-token"));
    }

    @Test
    void serviceDefaultsAreLoopback() {
        // 8083 on the local stack, 18083 on ./wem test's own stack (-Dwem.governance.url): loopback either way
        assertTrue(WemService.GOVERNANCE.baseUrl().matches("http://127\\.0\\.0\\.1:1?8083"), WemService.GOVERNANCE.baseUrl());
        assertEquals("signal", WemService.SIGNAL.shortName());
    }
}
