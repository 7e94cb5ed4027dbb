package io.wem.governance.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.wem.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static io.wem.governance.rest.AuditLogTest.uid;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * One governance administrator can no longer weaken retention or lift a legal hold alone. Before (the attack):
 * {@code PUT /retention/policies/transcript {"window":"P1D"}} by one governance-admin answered 200 and the next purge
 * used it; {@code POST /legal-holds/{id}/release} answered 200 and the hold was gone.
 */
@QuarkusTest
class FourEyesFlowTest {

    static String ciso(String name) {
        return TestTokens.withRoles(name, "ciso");
    }

    /** Proposes the release as {@code adminToken} and approves it as a fresh ciso; returns that ciso's name. */
    static String releaseWithApproval(String adminToken, String holdId) {
        String proposal = given().auth().oauth2(adminToken).post("/api/v1/legal-holds/" + holdId + "/release")
                .then().statusCode(202).body("kind", equalTo("HOLD_RELEASE")).extract().path("id");
        String approver = uid("ciso");
        given().auth().oauth2(ciso(approver)).post("/api/v1/approvals/" + proposal + "/approve").then()
                .statusCode(200).body("status", equalTo("APPROVED"));
        return approver;
    }

    static String window(String dataClass) {
        return given().auth().oauth2(ciso(uid("c"))).get("/api/v1/retention/policies").jsonPath()
                .getString("find { it.dataClass == '" + dataClass + "' }.window");
    }

    @Test
    void shorteningAWindowWaitsForASecondPerson() {
        String admin = uid("ga");
        String adminToken = TestTokens.withRoles(admin, "governance-admin");
        String before = window("transcript");
        String proposal = given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body("{\"window\":\"P31D\",\"legalBasis\":\"x\",\"owner\":\"Quality Lead\"}")
                .put("/api/v1/retention/policies/transcript").then().statusCode(202)
                .body("status", equalTo("PENDING")).body("kind", equalTo("RETENTION_SHORTEN"))
                .body("target", equalTo("transcript")).body("change.window", equalTo("P31D"))
                .body("proposedBy", equalTo(admin)).extract().path("id");
        // nothing changed yet
        org.junit.jupiter.api.Assertions.assertEquals(before, window("transcript"));
        given().auth().oauth2(ciso(uid("c"))).get("/api/v1/approvals").then().statusCode(200)
                .body("id", hasItem(proposal));

        // the proposer, even holding ciso as well, cannot approve: 403 problem+json with the reason
        String both = TestTokens.withRoles(admin, "governance-admin", "ciso");
        given().auth().oauth2(both).post("/api/v1/approvals/" + proposal + "/approve").then().statusCode(403)
                .contentType("application/problem+json").body("type", containsString("four-eyes"))
                .body("detail", containsString("cannot approve"));
        // a governance-admin is not an approver
        given().auth().oauth2(TestTokens.withRoles(uid("ga"), "governance-admin"))
                .post("/api/v1/approvals/" + proposal + "/approve").then().statusCode(403);
        org.junit.jupiter.api.Assertions.assertEquals(before, window("transcript"));

        String approver = uid("ciso");
        given().auth().oauth2(ciso(approver)).post("/api/v1/approvals/" + proposal + "/approve").then()
                .statusCode(200).body("status", equalTo("APPROVED")).body("decidedBy", equalTo(approver));
        org.junit.jupiter.api.Assertions.assertEquals("P31D", window("transcript"));
        given().auth().oauth2(ciso(uid("c"))).post("/api/v1/approvals/" + proposal + "/approve").then()
                .statusCode(409);

        // both steps are in the audit log
        given().auth().oauth2(ciso(uid("c"))).queryParam("actor", admin).queryParam("action", "PROPOSE")
                .get("/api/v1/audit/events").then().body("total", equalTo(1))
                .body("items[0].purpose", containsString("transcript"));
        given().auth().oauth2(ciso(uid("c"))).queryParam("actor", approver).queryParam("action", "APPROVE")
                .get("/api/v1/audit/events").then().body("total", equalTo(1))
                .body("items[0].purpose", containsString("proposed by " + admin));

        // lengthening stays immediate (and restores the window for other tests)
        given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body("{\"window\":\"" + before + "\",\"legalBasis\":\"x\",\"owner\":\"Quality Lead\"}")
                .put("/api/v1/retention/policies/transcript").then().statusCode(200).body("window", equalTo(before));
    }

    @Test
    void aRejectedProposalChangesNothing() {
        String admin = uid("ga");
        String before = window("qa-evaluation");
        String proposal = given().auth().oauth2(TestTokens.withRoles(admin, "governance-admin"))
                .contentType(ContentType.JSON).body("{\"window\":\"P31D\",\"legalBasis\":\"x\",\"owner\":\"y\"}")
                .put("/api/v1/retention/policies/qa-evaluation").then().statusCode(202).extract().path("id");
        given().auth().oauth2(TestTokens.withRoles(admin, "ciso")).contentType(ContentType.JSON)
                .body("{\"reason\":\"mine\"}").post("/api/v1/approvals/" + proposal + "/reject").then()
                .statusCode(403);
        given().auth().oauth2(ciso(uid("c"))).contentType(ContentType.JSON).body("{\"reason\":\"too short\"}")
                .post("/api/v1/approvals/" + proposal + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("decisionReason", equalTo("too short"));
        org.junit.jupiter.api.Assertions.assertEquals(before, window("qa-evaluation"));
        given().auth().oauth2(ciso(uid("c"))).get("/api/v1/approvals").then().body("id", not(hasItem(proposal)));
        given().auth().oauth2(ciso(uid("c"))).queryParam("all", true).get("/api/v1/approvals").then()
                .body("find { it.id == '" + proposal + "' }.status", equalTo("REJECTED"));
        given().auth().oauth2(ciso(uid("c"))).post("/api/v1/approvals/no-such/approve").then().statusCode(404);
        given().auth().oauth2(TestTokens.agent("a", "t")).get("/api/v1/approvals").then().statusCode(403);
        given().get("/api/v1/approvals").then().statusCode(401);
    }

    @Test
    void releasingAHoldWaitsForASecondPerson() {
        String admin = TestTokens.withRoles(uid("ga"), "governance-admin");
        String agent = uid("agent");
        String hold = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"caseReference\":\"CASE-4E\",\"reason\":\"tribunal\",\"agentIds\":[\"" + agent + "\"]}")
                .post("/api/v1/legal-holds").then().statusCode(201).extract().path("id"); // placing: immediate
        given().auth().oauth2(admin).post("/api/v1/legal-holds/" + hold + "/release").then().statusCode(202)
                .body("status", equalTo("PENDING"));
        given().auth().oauth2(ciso(uid("c"))).get("/api/v1/legal-holds").then().body("id", hasItem(hold));
        releaseWithApproval(admin, hold);
        given().auth().oauth2(ciso(uid("c"))).get("/api/v1/legal-holds").then().body("id", not(hasItem(hold)));
    }

    /** Attack: a hold on three agents, released: every one of them (not only the first) finds the proposal and the release in their trail. */
    @Test
    void aReleaseIsAuditedForEveryAgentTheHoldNamed() {
        String admin = TestTokens.withRoles(uid("ga"), "governance-admin");
        List<String> agents = List.of(uid("agent-b"), uid("agent-a"), uid("agent-c"));
        String hold = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"caseReference\":\"CASE-3A\",\"reason\":\"tribunal\",\"agentIds\":[\"" + String.join("\",\"", agents)
                        + "\"]}")
                .post("/api/v1/legal-holds").then().statusCode(201).extract().path("id");
        releaseWithApproval(admin, hold);
        for (String agent : agents) {
            for (String action : List.of("PROPOSE", "UPDATE")) {
                given().auth().oauth2(ciso(uid("c"))).queryParam("subject", agent).queryParam("action", action)
                        .get("/api/v1/audit/events").then().statusCode(200)
                        .body("total", equalTo(1))
                        .body("items[0].resource", org.hamcrest.Matchers.containsString(
                                action.equals("UPDATE") ? "legal-hold/" + hold : "approval"));
            }
        }
    }
}
