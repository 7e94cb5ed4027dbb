package io.wem.console.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * The access matrix and the pages that change things in governance (legal holds, retention windows) and wellbeing
 * (the human-review queue), rendered from answers shaped like the services' documented examples and their refusals.
 */
@QuarkusTest
@QuarkusTestResource(StubServices.class)
class FormPagesTest {

    static final String MATRIX = "{\"description\":\"...\",\"assembledAt\":\"2026-12-04T07:00:00Z\",\"services\":"
            + "{\"governance-service\":[{\"method\":\"GET\",\"path\":\"/api/v1/audit/events\",\"security\":\"ROLES\","
            + "\"roles\":[\"ciso\"],\"dataClasses\":[\"audit-event\"],\"reads\":[\"audit-event\"],\"writes\":[],"
            + "\"allAgents\":[\"ciso\"],\"teamRoles\":[],\"declared\":true,\"operation\":\"AuditResource#events\"}]},"
            + "\"sources\":{\"governance-service\":{\"status\":\"OK\",\"fetchedAt\":\"2026-12-04T07:00:00Z\","
            + "\"problem\":null},\"wellbeing-service\":{\"status\":\"UNAVAILABLE\",\"fetchedAt\":null,\"problem\":"
            + "\"ProcessingException: Connection refused\"}}}";
    static final String REVIEW = "{\"reviewedAt\":\"2026-12-04T08:00:00Z\",\"realm\":\"wem\",\"users\":2,"
            + "\"loginDataAvailable\":true,\"accounts\":[{\"id\":\"u1\",\"username\":\"sod1\",\"enabled\":true,"
            + "\"roles\":[\"ciso\",\"platform-admin\"],\"groups\":[],\"lastLogin\":null},{\"id\":\"u2\",\"username\":"
            + "\"=HYPERLINK(1)\",\"enabled\":false,\"roles\":[\"agent\"],\"groups\":[\"team-north\"],\"lastLogin\":"
            + "\"2026-01-01T00:00:00Z\"}],\"findings\":[{\"type\":\"SOD_CONFLICT\",\"severity\":\"HIGH\",\"userId\":"
            + "\"u1\",\"username\":\"sod1\",\"detail\":\"ciso and platform-admin\"}]}";

    @Test
    @TestSecurity(user = "ciso1", roles = "ciso")
    void theMatrixPerRoleWithItsAccountsAndBothReviewsAsCsv() {
        StubServices.answer("GET /api/v1/access/matrix", 200, MATRIX);
        StubServices.answer("GET /api/v1/access/review", 200, REVIEW);
        given().get("/ciso/access/matrix").then().statusCode(200)
                // the person's own roles in the header stay theirs (the browser run once showed the role rows there)
                .body(containsString("<span class=\"roles\">(ciso)</span>")).body(not(containsString("RoleRow[")))
                .body(containsString("<th scope=\"row\">ciso</th><td>sod1</td><td>audit-event</td>"))
                .body(containsString("<th scope=\"row\">platform-admin</th><td>sod1</td>"))
                .body(containsString("wellbeing-service's part is missing"))
                .body(containsString("<th scope=\"row\">GET /api/v1/audit/events</th>"));
        given().get("/ciso/access/matrix.csv").then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("access-matrix.csv"))
                .body(containsString("governance-service,GET,/api/v1/audit/events,ciso,audit-event,,ciso,\r\n"));
        given().get("/ciso/access.csv").then().statusCode(200).contentType(containsString("text/csv"))
                .body(containsString("sod1,true,ciso; platform-admin,,,SOD_CONFLICT (HIGH): ciso and platform-admin"))
                .body(containsString("\"'=HYPERLINK(1)\",false,agent,team-north,2026-01-01T00:00:00Z,\r\n"));
    }

    @Test
    @TestSecurity(user = "govadmin1", roles = "governance-admin")
    void aGovernanceAdminSeesTheMatrixWithoutAccountsWhenTheReviewIsRefused() {
        StubServices.answer("GET /api/v1/access/matrix", 200, MATRIX);
        StubServices.answer("GET /api/v1/access/review", 403, "{\"title\":\"Forbidden\",\"status\":403}");
        given().get("/ciso/access/matrix").then().statusCode(200)
                .body(containsString("Accounts are not listed: You are not allowed"))
                .body(containsString("<th scope=\"row\">ciso</th><td>none</td>"));
        StubServices.refuse("GET /api/v1/access/matrix", 403, "not ciso, governance-admin or platform-admin");
        given().get("/ciso/access/matrix.csv").then().statusCode(403)
                .body(containsString("not ciso, governance-admin or platform-admin"));
    }

    @Test
    @TestSecurity(user = "govadmin1", roles = "governance-admin")
    void aHoldIsPlacedItsReleaseProposedAndAnUnreadableDayNamedWithoutAnyCall() {
        StubServices.holdsListed(StubServices.activeHold("h1", "CASE-9", "agent-north-01"));
        given().get("/ciso/holds").then().statusCode(200).body(containsString("action=\"/ciso/holds/h1/release\""));
        StubServices.answer("POST /api/v1/legal-holds", 201, "{\"id\":\"h2\",\"active\":true}");
        StubServices.redirects(StubServices.form("/ciso/holds").formParam("caseReference", "CASE-10")
                .formParam("reason", "tribunal").formParam("agentIds", "agent-north-01,\n agent-north-02")
                .formParam("interactionIds", "").formParam("from", "2026-03-01").formParam("to", ""), "/ciso/holds",
                "/ciso/holds?done=placed");
        assertEquals("{\"caseReference\":\"CASE-10\",\"reason\":\"tribunal\",\"agentIds\":[\"agent-north-01\","
                + "\"agent-north-02\"],\"interactionIds\":[],\"from\":\"2026-03-01T00:00:00Z\"}",
                StubServices.LAST_BODY.get("POST /api/v1/legal-holds"));
        given().queryParam("done", "placed").get("/ciso/holds").then().body(containsString("The legal hold is placed."));

        StubServices.LAST_BODY.remove("POST /api/v1/legal-holds");
        StubServices.form("/ciso/holds").formParam("caseReference", "CASE-11").formParam("reason", "r")
                .formParam("agentIds", "agent-north-01").formParam("to", "1 March").post("/ciso/holds").then()
                .statusCode(400).body(containsString("to: must be a day written as 2026-03-01"));
        assertFalse(StubServices.LAST_BODY.containsKey("POST /api/v1/legal-holds"), "an unreadable day was sent on");

        StubServices.refuseField("POST /api/v1/legal-holds", "agentIds",
                "name at least one agent id or interaction id");
        StubServices.form("/ciso/holds").formParam("caseReference", "CASE-12").formParam("reason", "r")
                .post("/ciso/holds").then().statusCode(400)
                .body(containsString("agentIds: name at least one agent id or interaction id"));

        StubServices.answer("POST /api/v1/legal-holds/h1/release", 202, "{\"id\":\"p9\",\"status\":\"PENDING\"}");
        StubServices.redirects(StubServices.form("/ciso/holds"), "/ciso/holds/h1/release",
                "/ciso/holds?done=release-proposed");
        StubServices.refuse("POST /api/v1/legal-holds/h1/release", 409, "legal hold h1 is already released");
        StubServices.form("/ciso/holds").post("/ciso/holds/h1/release").then().statusCode(409)
                .body(containsString("governance-service refused the change: legal hold h1 is already released"));
    }

    @Test
    @TestSecurity(user = "govadmin1", roles = "governance-admin")
    void aShorterWindowIsProposedALongerOneChangedAndARefusalShown() {
        StubServices.answer("GET /api/v1/retention/policies", 200, "[{\"dataClass\":\"transcript\",\"service\":"
                + "\"signal-service\",\"window\":\"P90D\",\"legalBasis\":\"quality\",\"owner\":\"QA\",\"updatedAt\":null,"
                + "\"updatedBy\":null}]");
        given().get("/ciso/retention").then().statusCode(200).body(containsString("<option value=\"transcript\">"));
        StubServices.answer("PUT /api/v1/retention/policies/transcript", 202, "{\"id\":\"p1\",\"status\":\"PENDING\"}");
        StubServices.redirects(window("P30D"), "/ciso/retention", "/ciso/retention?done=proposed");
        assertEquals("{\"window\":\"P30D\",\"legalBasis\":\"quality\",\"owner\":\"QA\"}",
                StubServices.LAST_BODY.get("PUT /api/v1/retention/policies/transcript"));
        StubServices.answer("PUT /api/v1/retention/policies/transcript", 200, "{\"dataClass\":\"transcript\"}");
        StubServices.redirects(window("P120D"), "/ciso/retention", "/ciso/retention?done=changed");
        StubServices.refuseField("PUT /api/v1/retention/policies/transcript", "window", "not an ISO-8601 duration");
        window("ninety days").post("/ciso/retention").then().statusCode(400)
                .body(containsString("window: not an ISO-8601 duration"));
    }

    private static RequestSpecification window(String window) {
        return StubServices.transcriptWindow(StubServices.form("/ciso/retention"), window);
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void theReviewQueueDecidesWithAReasonAndShowsWellbeingsRefusal() {
        String item = StubServices.pendingContest("rv-1", "mon-7");
        StubServices.answer("GET /api/v1/reviews", 200, "[" + item + "]");
        given().get("/teams/team-north/reviews").then().statusCode(200)
                .body(containsString("I was on a transfer"))
                .body(containsString("Overturn the decision (the agent is right)"))
                .body(not(containsString("Approve the action")));
        StubServices.answer("POST /api/v1/reviews/rv-1/decision", 200, item.replace("PENDING", "APPROVED"));
        StubServices.redirects(StubServices.form("/teams/team-north/reviews").formParam("decision", "approve")
                .formParam("reason", "the transfer explains it"), "/teams/team-north/reviews/rv-1",
                "/teams/team-north/reviews?done=approved");
        assertEquals("{\"approve\":true,\"reason\":\"the transfer explains it\"}",
                StubServices.LAST_BODY.get("POST /api/v1/reviews/rv-1/decision"));
        StubServices.refuse("POST /api/v1/reviews/rv-1/decision", 409, "review item rv-1 is already decided");
        StubServices.form("/teams/team-north/reviews").formParam("decision", "reject").formParam("reason", "no")
                .post("/teams/team-north/reviews/rv-1").then().statusCode(409)
                .body(containsString("wellbeing-service refused the change: review item rv-1 is already decided"));
        assertEquals("{\"approve\":false,\"reason\":\"no\"}",
                StubServices.LAST_BODY.get("POST /api/v1/reviews/rv-1/decision"));
        // A forged decision value is no verdict: sent as such, for wellbeing to refuse by name.
        StubServices.form("/teams/team-north/reviews").formParam("decision", "maybe").formParam("reason", "x")
                .post("/teams/team-north/reviews/rv-1");
        assertEquals("{\"approve\":null,\"reason\":\"x\"}",
                StubServices.LAST_BODY.get("POST /api/v1/reviews/rv-1/decision"));
        StubServices.refuse("GET /api/v1/reviews", 403, "not a supervisor of team-south");
        given().get("/teams/team-south/reviews").then().statusCode(403)
                .body(containsString("not a supervisor of team-south")).body(not(containsString("<form method")));
    }
}
