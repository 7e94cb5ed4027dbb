package io.wem.governance.rest;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.wem.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class AccessAndTransparencyTest {

    @OidcWireMock
    WireMockServer keycloak;

    static final String ADMIN = "/auth/admin/realms/wem";

    private void stubJson(String path, String body) {
        keycloak.stubFor(get(urlPathEqualTo(ADMIN + path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    static final String SIGNAL_MATRIX = "{\"service\":\"signal-service\",\"undeclared\":[],\"endpoints\":[{\"method\":"
            + "\"GET\",\"path\":\"/api/v1/agents/{agentId}/behaviors\",\"security\":\"ROLES\",\"roles\":[\"agent\","
            + "\"coach\",\"qa-analyst\",\"supervisor\"],\"dataClasses\":[\"interaction-signal\"],\"reads\":"
            + "[\"interaction-signal\"],\"writes\":[],\"allAgents\":[\"qa-analyst\"],\"teamRoles\":[],"
            + "\"declared\":true,\"operation\":\"AgentBehaviorResource#ofAgent\"}]}";

    /** signal-service answers, coaching-service answers as somebody else, wellbeing-service is down. */
    private void stubServices() {
        keycloak.stubFor(get(urlPathEqualTo("/auth/signal/api/v1/internal/access-matrix")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(SIGNAL_MATRIX)));
        keycloak.stubFor(get(urlPathEqualTo("/auth/coaching/api/v1/internal/access-matrix")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(SIGNAL_MATRIX.replace("signal-service", "impostor-service"))));
        keycloak.stubFor(get(urlPathEqualTo("/auth/wellbeing/api/v1/internal/access-matrix"))
                .willReturn(aResponse().withStatus(503)));
    }

    @Test
    void matrixRoles() {
        stubServices();
        given().get("/api/v1/access/matrix").then().statusCode(401);
        given().auth().oauth2(TestTokens.agent("a", "t")).get("/api/v1/access/matrix").then().statusCode(403);
        for (String role : List.of("ciso", "governance-admin", "platform-admin")) {
            given().auth().oauth2(TestTokens.withRoles("u-" + role, role)).get("/api/v1/access/matrix").then()
                    .statusCode(200).body("services.'governance-service'.path", hasItem("/api/v1/audit/verify"));
        }
    }

    @Test
    void matrixIsAssembledFromWhatTheServicesPublishAndNamesTheSilentOnes() {
        stubServices();
        given().auth().oauth2(TestTokens.withRoles("c-matrix", "ciso")).get("/api/v1/access/matrix").then()
                .statusCode(200)
                .body("services.'governance-service'.find { it.path == '/api/v1/transparency/me' }.reads",
                        hasItem("audit-event"))
                .body("services.'signal-service'.path", hasItem("/api/v1/agents/{agentId}/behaviors"))
                .body("services.'signal-service'[0].allAgents", hasItem("qa-analyst"))
                .body("sources.'signal-service'.status", equalTo("OK"))
                .body("sources.'governance-service'.status", equalTo("OK"))
                .body("sources.'coaching-service'.status", equalTo("UNAVAILABLE"))
                .body("sources.'coaching-service'.problem", containsString("impostor-service"))
                .body("services.'coaching-service'", hasSize(0))
                .body("sources.'wellbeing-service'.status", equalTo("UNAVAILABLE"))
                .body("sources.'wellbeing-service'.problem", containsString("503"));
    }

    /**
     * An account whose roles cannot be read must fail the whole review: a review without that account's roles would
     * under-report (e.g. hide a segregation-of-duties conflict). The accounts are read in parallel now.
     */
    @Test
    void anAccountWhoseRolesCannotBeReadFailsTheReviewInsteadOfHidingIt() {
        stubJson("/users", "[{\"id\":\"r1\",\"username\":\"readable\",\"enabled\":true},"
                + "{\"id\":\"r2\",\"username\":\"hidden-admin\",\"enabled\":true}]");
        stubJson("/users/r1/role-mappings/realm/composite", "[{\"name\":\"agent\"}]");
        stubJson("/users/r1/groups", "[]");
        keycloak.stubFor(get(urlPathEqualTo(ADMIN + "/users/r2/role-mappings/realm/composite"))
                .willReturn(aResponse().withStatus(500)));
        stubJson("/users/r2/groups", "[]");
        given().auth().oauth2(TestTokens.withRoles(AuditLogTest.uid("ciso"), "ciso")).get("/api/v1/access/review")
                .then().statusCode(503).contentType("application/problem+json");
    }

    @Test
    void reviewReadsKeycloakAndReportsFindings() {
        long old = Instant.now().minus(Duration.ofDays(400)).toEpochMilli();
        long recent = Instant.now().minus(Duration.ofDays(2)).toEpochMilli();
        stubJson("/users", "[{\"id\":\"u1\",\"username\":\"ciso-and-admin\",\"enabled\":true,\"createdTimestamp\":" + old
                + "},{\"id\":\"u2\",\"username\":\"sleepy-agent\",\"enabled\":true,\"createdTimestamp\":" + old
                + ",\"email\":\"x@y\"}]");
        stubJson("/users/u1/role-mappings/realm/composite", "[{\"name\":\"ciso\"},{\"name\":\"platform-admin\"},"
                + "{\"name\":\"default-roles-wem\"}]");
        stubJson("/users/u2/role-mappings/realm/composite", "[{\"name\":\"agent\"}]");
        stubJson("/users/u1/groups", "[{\"name\":\"security\",\"path\":\"/security\"}]");
        stubJson("/users/u2/groups", "[{\"name\":\"team-north\",\"path\":\"/team-north\"}]");
        keycloak.stubFor(get(urlPathEqualTo(ADMIN + "/events")).withQueryParam("user",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("u1"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("[{\"time\":" + recent + ",\"type\":\"LOGIN\",\"userId\":\"u1\"}]")));
        keycloak.stubFor(get(urlPathEqualTo(ADMIN + "/events")).withQueryParam("user",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("u2"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("[]")));

        given().get("/api/v1/access/review").then().statusCode(401);
        given().auth().oauth2(TestTokens.withRoles("ga", "governance-admin")).get("/api/v1/access/review").then()
                .statusCode(403);
        String ciso = AuditLogTest.uid("ciso");
        given().auth().oauth2(TestTokens.withRoles(ciso, "ciso")).get("/api/v1/access/review").then().statusCode(200)
                .body("users", equalTo(2))
                .body("loginDataAvailable", equalTo(true))
                .body("accounts.find { it.username == 'ciso-and-admin' }.roles", hasItems("ciso", "platform-admin"))
                .body("accounts.find { it.username == 'sleepy-agent' }.groups", hasItem("/team-north"))
                .body("findings.find { it.type == 'SEGREGATION_OF_DUTIES' }.username", equalTo("ciso-and-admin"))
                .body("findings.find { it.type == 'NO_RECENT_LOGIN' }.username", equalTo("sleepy-agent"))
                .body("findings.username", not(hasItem(equalTo(null))));
        given().auth().oauth2(TestTokens.withRoles(AuditLogTest.uid("c"), "ciso")).queryParam("actor", ciso)
                .get("/api/v1/audit/events").then().body("items[0].resource", equalTo("governance-service:access-review"));
    }

    /** Keycloak knows the agent, a supervisor of the agent's team, one of another team, and a qa-analyst. */
    private void stubRealm(String agentUser, String supIn, String supOut, String qa) {
        stubJson("/users", "[{\"id\":\"k1\",\"username\":\"" + agentUser + "\",\"enabled\":true},"
                + "{\"id\":\"k2\",\"username\":\"" + supIn + "\",\"enabled\":true},"
                + "{\"id\":\"k3\",\"username\":\"" + supOut + "\",\"enabled\":true},"
                + "{\"id\":\"k4\",\"username\":\"" + qa + "\",\"enabled\":true}]");
        stubJson("/users/k1/role-mappings/realm/composite", "[{\"name\":\"agent\"}]");
        stubJson("/users/k2/role-mappings/realm/composite", "[{\"name\":\"supervisor\"}]");
        stubJson("/users/k3/role-mappings/realm/composite", "[{\"name\":\"supervisor\"}]");
        stubJson("/users/k4/role-mappings/realm/composite", "[{\"name\":\"qa-analyst\"}]");
    }

    @Test
    void transparencyShowsCategoriesRolesPeopleAndWhoLooked() {
        stubServices();
        String agent = AuditLogTest.uid("agent");
        String agentUser = AuditLogTest.uid("agentuser");
        String team = AuditLogTest.uid("team");
        String sup = AuditLogTest.uid("sup");
        String supOut = AuditLogTest.uid("supout");
        String qa = AuditLogTest.uid("qa");
        stubRealm(agentUser, sup, supOut, qa);
        String admin = TestTokens.withRoles(AuditLogTest.uid("ga"), "governance-admin");
        given().auth().oauth2(admin).contentType("application/json").body("{\"rows\":["
                        + "{\"teamId\":\"" + team + "\",\"username\":\"" + agentUser + "\",\"role\":\"agent\","
                        + "\"agentId\":\"" + agent + "\"},"
                        + "{\"teamId\":\"" + team + "\",\"username\":\"" + sup + "\",\"role\":\"supervisor\"},"
                        + "{\"teamId\":\"" + AuditLogTest.uid("other") + "\",\"username\":\"" + supOut
                        + "\",\"role\":\"supervisor\"}]}")
                .post("/api/v1/directory/roster").then().statusCode(200);
        AuditLogTest.publishAndAwait(AuditLogTest.event(AuditLogTest.uid("audit"), sup, agent));
        given().get("/api/v1/transparency/me").then().statusCode(401);
        given().auth().oauth2(TestTokens.supervisor("s1", "team-a")).get("/api/v1/transparency/me").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.withRoles("no-agent-id", "agent")).get("/api/v1/transparency/me").then()
                .statusCode(403).contentType("application/problem+json");
        String me = TestTokens.user(agentUser, List.of("agent"), List.of(team), agent);
        given().auth().oauth2(me).queryParam("limit", 0).get("/api/v1/transparency/me")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        String signal = "dataHeld.find { it.dataClass == 'interaction-signal' }";
        given().auth().oauth2(me).get("/api/v1/transparency/me").then().statusCode(200)
                .body("agentId", equalTo(agent))
                .body("agentTeam", equalTo(team))
                .body("peopleProblem", equalTo(null))
                .body("dataHeld.dataClass", hasItems("interaction-signal", "transcript", "coaching-record",
                        "wellbeing-metric", "guardrail-decision", "audit-event"))
                .body("dataHeld.find { it.dataClass == 'coaching-record' }.heldBy", equalTo("coaching-service"))
                .body(signal + ".visibleToRoles", hasItems("agent", "supervisor", "coach", "qa-analyst"))
                .body(signal + ".readers.find { it.role == 'qa-analyst' }.scope", equalTo("ALL"))
                .body(signal + ".readers.find { it.role == 'supervisor' }.via",
                        hasItem("signal-service GET /api/v1/agents/{agentId}/behaviors"))
                // named people: the agent, the supervisor placed in the agent's team, every qa-analyst; not the
                // supervisor of another team
                .body(signal + ".people.username", hasItems(agentUser, sup, qa))
                .body(signal + ".people.username", not(hasItem(supOut)))
                .body(signal + ".people.find { it.username == '" + sup + "' }.scope", equalTo("TEAM"))
                .body("dataHeld.find { it.dataClass == 'audit-event' }.visibleToRoles", hasItem("ciso"))
                .body("matrixIncomplete", hasItems("coaching-service", "wellbeing-service"))
                .body("accessesTotal", equalTo(1))
                .body("accesses[0].actor", equalTo(sup))
                .body("accesses[0].resource", equalTo("signal-service:gaps"))
                .body("accesses[0].purpose", equalTo("coaching preparation"));
        // the agent's own look is audited too
        given().auth().oauth2(TestTokens.withRoles(AuditLogTest.uid("c"), "ciso")).queryParam("subject", agent)
                .queryParam("service", "governance-service").get("/api/v1/audit/events").then()
                .body("items.resource", hasItem("governance-service:transparency"));
    }

    @Test
    void legalHoldListingsAreAuditedForEveryAgentTheyName() {
        String a1 = AuditLogTest.uid("held");
        String a2 = AuditLogTest.uid("held");
        String admin = TestTokens.withRoles(AuditLogTest.uid("ga"), "governance-admin");
        given().auth().oauth2(admin).contentType("application/json").body("{\"caseReference\":\"case-"
                        + a1 + "\",\"reason\":\"litigation\",\"agentIds\":[\"" + a1 + "\",\"" + a2 + "\"]}")
                .post("/api/v1/legal-holds").then().statusCode(201);
        String ciso = AuditLogTest.uid("ciso");
        given().auth().oauth2(TestTokens.withRoles(ciso, "ciso")).get("/api/v1/legal-holds").then().statusCode(200);
        for (String a : List.of(a1, a2)) {
            given().auth().oauth2(TestTokens.withRoles(AuditLogTest.uid("c"), "ciso")).queryParam("subject", a)
                    .queryParam("actor", ciso).get("/api/v1/audit/events").then().statusCode(200)
                    .body("items.resource", hasItem("governance-service:legal-holds"));
        }
    }
}
