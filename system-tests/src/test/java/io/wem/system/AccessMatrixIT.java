package io.wem.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The access matrix governance reports is what the four running services publish about their code, and what their
 * endpoints enforce: every endpoint is called with a real token of every realm user and service account, and a role
 * refusal (403 "the token lacks a role") happens exactly when the matrix says the caller's roles are not allowed.
 */
class AccessMatrixIT {

    static final String ROLE_REFUSAL = "the token lacks a role this operation requires";
    static final List<String> PEOPLE = List.of("agent1", "supervisor1", "coach1", "qa1", "wfm1", "process1", "ciso1",
            "govadmin1", "admin1");
    static final List<String> CLIENTS = List.of("signal-service", "coaching-service", "governance-service",
            "wellbeing-service", "wem-integration");

    @BeforeAll
    static void ready() {
        Stack.awaitAllReady(Duration.ofSeconds(120));
    }

    static JsonNode matrix() {
        return JsonTree.parse(WemService.GOVERNANCE.as(Tokens.user("ciso1")).get("/api/v1/access/matrix").then()
                .statusCode(200).extract().asString());
    }

    @Test
    @DisplayName("governance's matrix holds every service's published part, all current")
    void governanceReportsWhatEachServicePublishes() {
        JsonNode m = matrix();
        for (WemService s : WemService.values()) {
            assertEquals("OK", m.path("sources").path(s.serviceName()).path("status").asText(), m.path("sources").toString());
            JsonNode published = JsonTree.parse(s.as(Tokens.user("ciso1")).get("/api/v1/internal/access-matrix").then()
                    .statusCode(200).extract().asString());
            assertEquals(0, published.path("undeclared").size(), s + " has undeclared endpoints: " + published);
            assertEquals(published.path("endpoints"), m.path("services").path(s.serviceName()),
                    s + ": governance's part differs from what the service publishes");
            assertTrue(published.path("endpoints").size() > 3, s + " publishes almost nothing: " + published);
        }
    }

    @Test
    @DisplayName("every endpoint refuses by role exactly the callers the matrix says it refuses")
    void rolesInTheMatrixAreTheRolesTheEndpointsEnforce() {
        Map<String, AccessToken> callers = new LinkedHashMap<>();
        PEOPLE.forEach(u -> callers.put(u, Tokens.user(u)));
        CLIENTS.forEach(c -> callers.put("client " + c, Tokens.client(c)));
        JsonNode m = matrix();
        List<String> mismatches = new ArrayList<>();
        int probes = 0;
        for (WemService s : WemService.values()) {
            for (JsonNode e : m.path("services").path(s.serviceName())) {
                if (!"ROLES".equals(e.path("security").asText())) {
                    mismatches.add(s + " " + e.path("method").asText() + " " + e.path("path").asText()
                            + " has no role check: " + e.path("security").asText());
                    continue;
                }
                Set<String> allowed = new HashSet<>();
                e.path("roles").forEach(r -> allowed.add(r.asText()));
                String method = e.path("method").asText();
                String path = concrete(e.path("path").asText());
                for (Map.Entry<String, AccessToken> c : callers.entrySet()) {
                    boolean mayCall = c.getValue().realmRoles().stream().anyMatch(allowed::contains);
                    if (mayCall && !"GET".equals(method)) {
                        continue; // calling a write with an allowed role would change data: role refusals only
                    }
                    Response r = s.as(c.getValue()).contentType("application/json").body("{}").request(method, path);
                    if (r.statusCode() == 401) {
                        continue; // the token does not name this service (audience): refused before any role check
                    }
                    probes++;
                    boolean refusedByRole = r.statusCode() == 403 && r.asString().contains(ROLE_REFUSAL);
                    if (refusedByRole == mayCall || (!mayCall && r.statusCode() != 403)) {
                        mismatches.add(s + " " + method + " " + path + " as " + c.getKey() + " " + c.getValue().realmRoles()
                                + ": matrix says " + (mayCall ? "may call" : "refused") + ", got " + r.statusCode()
                                + " " + abbreviate(r.asString()));
                    }
                }
            }
        }
        assertTrue(probes > 300, "only " + probes + " probes");
        assertEquals(List.of(), mismatches);
    }

    /** Path parameters filled with values of the realm's demo data (or harmless unknown ids). */
    static String concrete(String template) {
        return template.replace("{agentId}", "agent-north-01").replace("{teamId}", "team-north")
                .replace("{behaviorId}", "acw-habits").replace("{username}", "agent1").replace("{personId}", "agent1")
                .replaceAll("\\{[^}]+}", "probe-unknown-id");
    }

    static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }
}
