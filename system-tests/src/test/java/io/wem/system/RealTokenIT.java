package io.wem.system;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real Keycloak tokens against the real services: the realm issues the claims the suite relies on
 * ({@code realm_access.roles}, {@code teams}, {@code agent_id}), and every service reads them the same
 * way in {@code GET /api/v1/identity}.
 */
class RealTokenIT {

    @Test
    @DisplayName("supervisor1: role supervisor, team-north, no agent_id, issuer on 127.0.0.1")
    void supervisorToken() {
        AccessToken token = Tokens.user("supervisor1");
        assertAll(
                () -> assertEquals(SystemTestConfig.issuer(), token.issuer()),
                () -> assertEquals("wem-cli", token.azp()),
                () -> assertEquals("supervisor1", token.username()),
                () -> assertTrue(token.realmRoles().contains("supervisor"), "roles " + token.realmRoles()),
                () -> assertFalse(token.realmRoles().contains("agent"), "roles " + token.realmRoles()),
                () -> assertEquals(List.of("team-north"), token.teams()),
                () -> assertNull(token.agentId()),
                () -> assertFalse(token.has("groups"), "a 'groups' claim would be read as roles by Quarkus"));
    }

    @Test
    @DisplayName("agent1: role agent, team-north, agent_id agent-north-01")
    void agentToken() {
        AccessToken token = Tokens.user("agent1");
        assertAll(
                () -> assertEquals(SystemTestConfig.issuer(), token.issuer()),
                () -> assertEquals(List.of("agent"), token.realmRoles()),
                () -> assertEquals(List.of("team-north"), token.teams()),
                () -> assertEquals("agent-north-01", token.agentId()),
                () -> assertFalse(token.has("groups")));
    }

    @Test
    @DisplayName("coach1 coaches all three teams; sod1 holds the deliberate ciso + platform-admin conflict")
    void multiTeamAndSodUsers() {
        AccessToken coach = Tokens.user("coach1");
        assertEquals(new TreeSet<>(List.of("team-east", "team-north", "team-south")), new TreeSet<>(coach.teams()));
        AccessToken sod = Tokens.user("sod1");
        assertTrue(sod.realmRoles().containsAll(List.of("ciso", "platform-admin")), "roles " + sod.realmRoles());
    }

    @Test
    @DisplayName("wem-integration (client credentials): role integration, no teams, no agent_id")
    void integrationToken() {
        AccessToken token = Tokens.client("wem-integration");
        assertAll(
                () -> assertEquals(SystemTestConfig.issuer(), token.issuer()),
                () -> assertEquals("wem-integration", token.azp()),
                () -> assertTrue(token.realmRoles().contains("integration"), "roles " + token.realmRoles()),
                () -> assertTrue(token.teams().isEmpty(), "teams " + token.teams()),
                () -> assertNull(token.agentId()));
    }

    @Test
    @DisplayName("the password grant rejects a wrong password")
    void wrongPasswordIsRejected() {
        Tokens.request(java.util.Map.of("grant_type", "password", "client_id", "wem-cli",
                        "username", "agent1", "password", "not-the-password"))
                .then().statusCode(400).body("error", org.hamcrest.Matchers.equalTo("invalid_grant"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(WemService.class)
    @DisplayName("GET /api/v1/identity reflects supervisor1's token")
    void identityOfSupervisor(WemService service) {
        assertIdentity(service, Tokens.user("supervisor1"), false);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(WemService.class)
    @DisplayName("GET /api/v1/identity reflects agent1's token (agentId)")
    void identityOfAgent(WemService service) {
        assertIdentity(service, Tokens.user("agent1"), false);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(WemService.class)
    @DisplayName("GET /api/v1/identity reflects the wem-integration client token (clientId) on signal-service, the "
            + "only audience it carries; the other services answer 401")
    void identityOfIntegrationClient(WemService service) {
        if (service == WemService.SIGNAL) {
            assertIdentity(service, Tokens.client("wem-integration"), true);
        } else {
            service.as(Tokens.client("wem-integration")).get("/api/v1/identity").then().statusCode(401);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(WemService.class)
    @DisplayName("GET /api/v1/identity without a token, or with a forged one, is 401")
    void identityRequiresAToken(WemService service) {
        service.anonymous().get("/api/v1/identity").then().statusCode(401);
        String forged = Tokens.user("agent1").raw();
        forged = forged.substring(0, forged.lastIndexOf('.') + 1) + "AAAA" + forged.substring(forged.lastIndexOf('.') + 5);
        service.anonymous().auth().oauth2(forged).get("/api/v1/identity").then().statusCode(401);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(WemService.class)
    @DisplayName("readiness is UP on the management port, and /q/* is not served on the public port")
    void healthIsOnTheManagementPortOnly(WemService service) {
        service.management().get("/q/health/ready").then().statusCode(200);
        for (String path : java.util.List.of("/q/health", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui")) {
            service.anonymous().get(path).then().statusCode(404);
        }
    }

    private static void assertIdentity(WemService service, AccessToken token, boolean clientCredentials) {
        JsonPath body = service.as(token).get("/api/v1/identity")
                .then().statusCode(200).extract().jsonPath();
        assertAll(service + " identity of " + token,
                () -> assertEquals(service.serviceName(), body.getString("service")),
                () -> assertEquals(token.subject(), body.getString("subject")),
                () -> {
                    String username = body.getString("username");
                    if (clientCredentials) { // a service account may be reported without a user name
                        assertTrue(username == null || username.equals(token.username()), "username " + username);
                    } else {
                        assertEquals(token.username(), username, "username");
                    }
                },
                () -> assertEquals(new TreeSet<>(token.realmRoles()), new TreeSet<>(list(body, "roles")), "roles"),
                () -> assertEquals(new TreeSet<>(token.teams()), new TreeSet<>(list(body, "teams")), "teams"),
                () -> assertEquals(token.agentId(), body.getString("agentId"), "agentId"),
                () -> {
                    if (clientCredentials) {
                        assertEquals(token.azp(), body.getString("clientId"), "clientId");
                    } else {
                        String clientId = body.getString("clientId");
                        assertTrue(clientId == null || clientId.equals(token.azp()), "clientId " + clientId);
                    }
                });
    }

    private static List<String> list(JsonPath body, String path) {
        List<String> values = body.getList(path, String.class);
        return values == null ? List.of() : values;
    }
}
