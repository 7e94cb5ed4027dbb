package io.wem.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Onboarding a new team by roster import alone: its supervisor, coach and process owner act on their work with no
 * other change, while a signal that claims one of its agents for another team moves nothing.
 * People are created in Keycloak through its admin API (the local bootstrap admin; wem.keycloak.admin-user/-password).
 */
class DirectoryIT {

    private static final String RUN = RunIds.next("dir").replaceAll("[^A-Za-z0-9-]", "").toLowerCase();
    private static final String TEAM = "team-" + RUN;
    private static final String SUP = "sup-" + RUN;
    private static final String COACH = "coach-" + RUN;
    private static final String PO = "po-" + RUN;
    private static final String AGENT_USER = "agent-" + RUN;
    private static final String AGENT = "agent-id-" + RUN;
    private static final String PASSWORD = "Dir-" + RUN + "-pw1";

    private static String adminToken() {
        return given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", System.getProperty("wem.keycloak.admin-user", "admin"),
                        "password", System.getProperty("wem.keycloak.admin-password", "admin")))
                .post(SystemTestConfig.keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static void createUser(String admin, String username, String role) {
        String base = SystemTestConfig.keycloakUrl() + "/admin/realms/" + SystemTestConfig.realm();
        given().auth().oauth2(admin).contentType("application/json").body(Map.of(
                        "username", username, "enabled", true, "email", username + "@example.test", "emailVerified", true,
                        "firstName", "Dir", "lastName", username,
                        "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))))
                .post(base + "/users").then().statusCode(201);
        String id = given().auth().oauth2(admin).queryParam("username", username).queryParam("exact", true)
                .get(base + "/users").then().statusCode(200).extract().path("[0].id");
        Object roleRep = given().auth().oauth2(admin).get(base + "/roles/" + role).then().statusCode(200)
                .extract().as(Map.class);
        given().auth().oauth2(admin).contentType("application/json").body(List.of(roleRep))
                .post(base + "/users/" + id + "/role-mappings/realm").then().statusCode(204);
    }

    @BeforeAll
    static void onboardByRosterImport() {
        String admin = adminToken();
        createUser(admin, SUP, "supervisor");
        createUser(admin, COACH, "coach");
        createUser(admin, PO, "process-owner");
        createUser(admin, AGENT_USER, "agent");
        String roster = "team_id,team_name,username,role,agent_id\n"
                + TEAM + ",Onboarded," + SUP + ",supervisor,\n"
                + TEAM + ",Onboarded," + COACH + ",coach,\n"
                // the transfers playbook's owner role is trainer (acted by the coach realm role)
                + TEAM + ",Onboarded," + COACH + ",trainer,\n"
                + TEAM + ",Onboarded," + PO + ",process-owner,\n"
                + TEAM + ",Onboarded," + AGENT_USER + ",agent," + AGENT + "\n";
        WemService.GOVERNANCE.as(Tokens.user("govadmin1")).contentType("text/csv").body(roster)
                .post("/api/v1/directory/roster").then().statusCode(200);
        // the same roster again changes nothing
        WemService.GOVERNANCE.as(Tokens.user("govadmin1")).contentType("text/csv").body(roster)
                .post("/api/v1/directory/roster").then().statusCode(200)
                .body("assignmentsOpened", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    @DisplayName("a signal saying the new team's agent is in team-north does not let team-north's supervisor read them")
    void aSignalCannotMoveAnAgent() {
        Signals.postAll(List.of(Signals.interaction(RunIds.next("int"), AGENT, "team-north",
                Instant.now().minus(Duration.ofHours(1)), 240, 0, 60, 0, "billing-question")));
        assertEquals(1, Db.count("wem_signal", "select count(*) from signal_interaction where agent_id = ? and team_id = ?",
                AGENT, TEAM), "stored under the directory's team");
        WemService.SIGNAL.as(Tokens.user("supervisor1")).get("/api/v1/agents/{a}/behaviors", AGENT).then()
                .statusCode(403);
        WemService.SIGNAL.as(Tokens.user(SUP, PASSWORD)).get("/api/v1/agents/{a}/behaviors", AGENT).then()
                .statusCode(200);
    }

    @Test
    @DisplayName("the new team's coach and process owner own and complete their interventions by name")
    void namedOwnersCompleteTheirWork() {
        try (KafkaProducer<String, String> producer = KafkaTool.producer()) {
            KafkaTool.send(producer, Gaps.TOPIC, AGENT, Gaps.skillGapEnvelope(Gaps.newEnvelopeId(),
                    RunIds.next("gap"), AGENT, TEAM));
            KafkaTool.send(producer, Gaps.TOPIC, TEAM, Gaps.skillGapEnvelope(Gaps.newEnvelopeId(),
                    RunIds.next("gap"), AGENT, TEAM).replace("\"SKILL\"", "\"PROCESS\""));
        }
        complete(Tokens.user(COACH, PASSWORD), COACH, "SKILL");
        complete(Tokens.user(PO, PASSWORD), PO, "PROCESS");
        // the team's supervisor sees the team's work too, and team-north's supervisor does not
        WemService.COACHING.as(Tokens.user(SUP, PASSWORD)).queryParam("teamId", TEAM).get("/api/v1/interventions")
                .then().statusCode(200).body("size()", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        WemService.COACHING.as(Tokens.user("supervisor1")).queryParam("teamId", TEAM).get("/api/v1/interventions")
                .then().statusCode(403);
    }

    private static void complete(AccessToken owner, String username, String gapType) {
        JsonNode mine = await(gapType + " intervention owned by " + username).atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2)).until(() -> {
                    JsonNode list = JsonTree.parse(WemService.COACHING.as(owner).get("/api/v1/interventions")
                            .then().statusCode(200).extract().asString());
                    for (JsonNode n : list) {
                        if (TEAM.equals(n.path("teamId").asText()) && gapType.equals(n.path("gapType").asText())
                                && "ASSIGNED".equals(n.path("state").asText())) {
                            return n;
                        }
                    }
                    return null;
                }, n -> n != null);
        assertEquals(username, mine.path("owner").asText(), mine.toString());
        String id = mine.path("id").asText();
        for (String to : List.of("IN_PROGRESS", "COMPLETED")) {
            WemService.COACHING.as(owner).contentType("application/json")
                    .body(Map.of("to", to, "note", "done by the named owner"))
                    .post("/api/v1/interventions/{id}/transitions", id).then().statusCode(200);
        }
    }
}
