package io.wem.governance.rest;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.wem.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class DirectoryResourceTest {

    private static final String ADMIN = TestTokens.withRoles("ga", "governance-admin");
    private static final String SERVICE = TestTokens.service("coaching-service", List.of("service"));
    private static final String KC = "/auth/admin/realms/wem";

    @OidcWireMock
    WireMockServer keycloak;

    private static String u(String p) {
        return p + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String csv(String team, String sup, String coach, String owner, String agentUser, String agent) {
        return "team_id,team_name,site,username,role,agent_id,for_agent\n"
                + team + ",Team,Site A," + sup + ",supervisor,,\n"
                + team + ",Team,Site A," + coach + ",coach,,\n"
                + team + ",Team,Site A," + owner + ",process-owner,,\n"
                + team + ",Team,Site A," + agentUser + ",agent," + agent + ",\n";
    }

    private static io.restassured.response.ValidatableResponse importCsv(String token, String body) {
        return given().auth().oauth2(token).contentType("text/csv").body(body)
                .when().post("/api/v1/directory/roster").then();
    }

    @Test
    void rosterImportIsIdempotentAndKeepsHistory() {
        String team = u("team");
        String sup = u("sup");
        String sup2 = u("sup2");
        String coach = u("coach");
        String owner = u("po");
        String agentUser = u("agentuser");
        String agent = u("ag");
        importCsv(ADMIN, csv(team, sup, coach, owner, agentUser, agent)).statusCode(200)
                .body("assignmentsOpened", equalTo(4)).body("assignmentsClosed", equalTo(0));
        importCsv(ADMIN, csv(team, sup, coach, owner, agentUser, agent)).statusCode(200)
                .body("assignmentsOpened", equalTo(0)).body("assignmentsClosed", equalTo(0))
                .body("teamsChanged", equalTo(0)).body("peopleChanged", equalTo(0));
        given().auth().oauth2(SERVICE).get("/api/v1/internal/directory/agents/" + agent).then().statusCode(200)
                .body("teamId", equalTo(team)).body("supervisors", contains(sup)).body("coaches", contains(coach))
                .body("username", equalTo(agentUser));
        // the supervisor changes: the old assignment is closed (kept), a new one opened
        importCsv(ADMIN, csv(team, sup2, coach, owner, agentUser, agent)).statusCode(200)
                .body("assignmentsOpened", equalTo(1)).body("assignmentsClosed", equalTo(1));
        given().auth().oauth2(SERVICE).get("/api/v1/internal/directory/teams/" + team + "/assignments?role=supervisor")
                .then().statusCode(200).body("$", contains(sup2));
        given().auth().oauth2(SERVICE).get("/api/v1/internal/directory/teams/" + team + "/assignments?role=process-owner")
                .then().statusCode(200).body("$", contains(owner));
        given().auth().oauth2(ADMIN).get("/api/v1/directory/teams/" + team).then().statusCode(200)
                .body("agents", contains(agent))
                .body("assignments.find { it.username == '" + sup + "' }.validTo", notNullValue())
                .body("assignments.find { it.username == '" + sup2 + "' }.validTo", nullValue());
        given().auth().oauth2(SERVICE).get("/api/v1/internal/directory/people/" + sup).then().statusCode(200)
                .body("teamRoles.size()", equalTo(0));
        given().auth().oauth2(SERVICE).get("/api/v1/internal/directory/people/" + sup2).then().statusCode(200)
                .body("teamRoles." + team, contains("supervisor"));
    }

    @Test
    void aRosterMovesAnAgentAndThePastStillAnswers() throws Exception {
        String a = u("team-a");
        String b = u("team-b");
        String agent = u("ag");
        String user = u("agentuser");
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"rows\":[{\"teamId\":\"" + a
                + "\",\"username\":\"" + user + "\",\"role\":\"agent\",\"agentId\":\"" + agent + "\"}]}")
                .post("/api/v1/directory/roster").then().statusCode(200);
        String before = java.time.Instant.now().toString();
        Thread.sleep(20);
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"rows\":[{\"teamId\":\"" + b
                + "\",\"username\":\"" + user + "\",\"role\":\"agent\",\"agentId\":\"" + agent + "\"}]}")
                .post("/api/v1/directory/roster").then().statusCode(200)
                .body("assignmentsOpened", equalTo(1)).body("assignmentsClosed", equalTo(1));
        given().auth().oauth2(SERVICE).get("/api/v1/internal/directory/agents/" + agent).then().body("teamId", equalTo(b));
        given().auth().oauth2(SERVICE).get("/api/v1/internal/directory/agents/" + agent + "?at=" + before).then()
                .body("teamId", equalTo(a));
    }

    @Test
    void badLinesAreNamedAndNothingIsApplied() {
        String team = u("team");
        String body = "team_id,username,role,agent_id\n"
                + team + "," + u("s") + ",supervisor,\n"
                + team + ",,coach,\n"
                + team + "," + u("x") + ",janitor,\n"
                + team + "," + u("a") + ",agent,\n";
        importCsv(ADMIN, body).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("rows[3].username", "rows[4].role", "rows[5].agentId"));
        given().auth().oauth2(ADMIN).get("/api/v1/directory/teams/" + team).then().statusCode(404);
        importCsv(ADMIN, "team,who\nx,y\n").statusCode(400).body("errors.field", hasItem("rows[1].role"));
    }

    @Test
    void onlyAdminsOrTheHrIntegrationImportAndOnlyServicesReadInternally() {
        importCsv(TestTokens.supervisor("s1", "t"), "team_id,username,role\n").statusCode(403);
        importCsv(TestTokens.service("hr", List.of("svc-directory-import")), "team_id,username,role\n" + u("t")
                + "," + u("p") + ",wfm-planner\n").statusCode(200);
        given().auth().oauth2(TestTokens.supervisor("s1", "t")).get("/api/v1/internal/directory/agents/x").then()
                .statusCode(403);
        given().auth().oauth2(SERVICE).get("/api/v1/internal/directory/agents/" + u("nobody")).then().statusCode(404);
        given().get("/api/v1/directory/teams").then().statusCode(401);
    }

    private void stub(String path, String body) {
        keycloak.stubFor(get(urlPathEqualTo(KC + path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void keycloakSyncMapsGroupsToTeamsAndIsIdempotent() {
        stub("/groups", "[{\"name\":\"kc-north\",\"path\":\"/kc-north\"}]");
        stub("/users", "[{\"id\":\"u1\",\"username\":\"kc-agent\",\"enabled\":true,\"attributes\":{\"agent_id\":[\"kc-ag-1\"]}},"
                + "{\"id\":\"u2\",\"username\":\"kc-sup\",\"enabled\":true},"
                + "{\"id\":\"u3\",\"username\":\"kc-gone\",\"enabled\":false}]");
        stub("/users/u1/role-mappings/realm/composite", "[{\"name\":\"agent\"},{\"name\":\"offline_access\"}]");
        stub("/users/u1/groups", "[{\"name\":\"kc-north\",\"path\":\"/kc-north\"}]");
        stub("/users/u2/role-mappings/realm/composite", "[{\"name\":\"supervisor\"}]");
        stub("/users/u2/groups", "[{\"name\":\"kc-north\",\"path\":\"/kc-north\"}]");
        given().auth().oauth2(ADMIN).post("/api/v1/directory/sync").then().statusCode(200)
                .body("source", equalTo("keycloak"));
        given().auth().oauth2(ADMIN).post("/api/v1/directory/sync").then().statusCode(200)
                .body("assignmentsOpened", equalTo(0)).body("assignmentsClosed", equalTo(0));
        given().auth().oauth2(SERVICE).get("/api/v1/internal/directory/agents/kc-ag-1").then().statusCode(200)
                .body("teamId", equalTo("kc-north")).body("supervisors", contains("kc-sup"));
        given().auth().oauth2(TestTokens.supervisor("s1", "t")).post("/api/v1/directory/sync").then().statusCode(403);
    }
}
