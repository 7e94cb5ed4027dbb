package io.wem.console.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

/**
 * The fragment answers behind console.js: a form post carrying {@code WEM-Partial: region} is answered with only the
 * page's region (same template, same data) instead of a redirect, and a refusal with the region carrying the reason
 * under the service's status. Without the header the same posts still redirect (see FormPagesTest, PagesTest).
 */
@QuarkusTest
@QuarkusTestResource(StubServices.class)
class PartialUpdatesTest {

    @Test
    @TestSecurity(user = "coach1", roles = "coach")
    void aMoveAnswersWithTheRegionShowingTheNewStateAndItsNextMoves() {
        String before = PagesTest.INTERVENTION.replace("iv-7", "iv-30");
        StubServices.answer("GET /api/v1/interventions/iv-30", 200, before);
        var form = StubServices.partialForm("/inbox/iv-30");
        // what coaching-service answers once the move is made
        StubServices.answer("POST /api/v1/interventions/iv-30/transitions", 200, before.replace("ASSIGNED", "SCHEDULED"));
        StubServices.answer("GET /api/v1/interventions/iv-30", 200, before.replace("ASSIGNED", "SCHEDULED"));
        // as console.js sends it: URLSearchParams, UTF-8
        form.contentType("application/x-www-form-urlencoded;charset=UTF-8")
                .formParam("to", "SCHEDULED").redirects().follow(false)
                .post("/inbox/iv-30/transition").then().statusCode(200)
                .header("WEM-Partial", "region").contentType(containsString("text/html"))
                .body(startsWith("<div id=\"region\""))
                .body(containsString("Done: SCHEDULED."))
                .body(containsString("<dd id=\"state\">SCHEDULED</dd>"))
                .body(containsString("value=\"IN_PROGRESS\">Start"))
                .body(not(containsString("value=\"SCHEDULED\">Schedule")))
                // the swapped-in forms post again: each carries the CSRF field
                .body(containsString("type=\"hidden\" name=\"csrf-token\""))
                .body(not(containsString("<nav"))).body(not(containsString("<html")));
    }

    @Test
    @TestSecurity(user = "coach1", roles = "coach")
    void aRefusedMoveAnswersWithTheServicesStatusAndReasonInTheRegion() {
        StubServices.answer("GET /api/v1/interventions/iv-31", 200, PagesTest.INTERVENTION.replace("iv-7", "iv-31"));
        StubServices.refuse("POST /api/v1/interventions/iv-31/transitions", 409,
                "a CANCELLED intervention cannot be started");
        StubServices.partialForm("/inbox/iv-31").formParam("to", "IN_PROGRESS")
                .post("/inbox/iv-31/transition").then().statusCode(409).header("WEM-Partial", "region")
                .body(startsWith("<div id=\"region\""))
                .body(containsString("id=\"refused\""))
                .body(containsString("coaching-service refused the change: a CANCELLED intervention cannot be started"))
                .body(not(containsString("<nav")));
    }

    @Test
    @TestSecurity(user = "agent1", roles = "agent")
    void thePlansActionAnswersWithThePlanRegion() {
        StubServices.answer("GET /api/v1/me/interventions", 200, "[" + PagesTest.INTERVENTION + "]");
        StubServices.answer("POST /api/v1/me/interventions/iv-7/acknowledge", 200, PagesTest.INTERVENTION);
        StubServices.partialForm("/me/plan").redirects().follow(false)
                .post("/me/plan/iv-7/acknowledge").then().statusCode(200).header("WEM-Partial", "region")
                .body(startsWith("<div id=\"region\"")).body(containsString("Done: acknowledge."))
                .body(containsString("action=\"/me/plan/iv-7/dispute\""));
        StubServices.refuse("POST /api/v1/me/interventions/iv-7/dispute", 409,
                "a closed intervention cannot be disputed");
        StubServices.partialForm("/me/plan").formParam("text", "not me")
                .post("/me/plan/iv-7/dispute").then().statusCode(409).header("WEM-Partial", "region")
                .body(containsString("a closed intervention cannot be disputed"));
    }

    @Test
    @TestSecurity(user = "govadmin1", roles = "governance-admin")
    void aHoldsReleaseAndAnUnreadableDayAnswerWithTheHoldsRegion() {
        StubServices.holdsListed(StubServices.activeHold("h7", "CASE-70", "agent-south-03"));
        StubServices.answer("POST /api/v1/legal-holds/h7/release", 202, "{\"id\":\"p7\",\"status\":\"PENDING\"}");
        StubServices.partialForm("/ciso/holds").redirects().follow(false)
                .post("/ciso/holds/h7/release").then().statusCode(200).header("WEM-Partial", "region")
                .body(startsWith("<div id=\"region\""))
                .body(containsString("The release is proposed"))
                .body(containsString("<th scope=\"row\">CASE-70</th>"))
                // the place-a-hold form stays outside the region, so what was typed survives a refusal
                .body(not(containsString("id=\"place-hold\"")));
        StubServices.partialForm("/ciso/holds").formParam("caseReference", "CASE-71")
                .formParam("reason", "r").formParam("agentIds", "agent-south-03").formParam("from", "yesterday")
                .post("/ciso/holds").then().statusCode(400).header("WEM-Partial", "region")
                .body(containsString("from: must be a day written as 2026-03-01"));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void aReviewDecisionAnswersWithTheQueueRegionAndARefusalKeepsTheReasonField() {
        String item = StubServices.pendingContest("rv-9", "mon-9");
        StubServices.answer("GET /api/v1/reviews", 200, "[" + item + "]");
        given().get("/teams/team-north/reviews").then().statusCode(200)
                .body(containsString("<form method=\"post\" action=\"/teams/team-north/reviews/rv-9\" data-partial>"));
        StubServices.refuse("POST /api/v1/reviews/rv-9/decision", 409, "review item rv-9 is already decided");
        StubServices.partialForm("/teams/team-north/reviews").formParam("decision", "reject").formParam("reason", "no")
                .post("/teams/team-north/reviews/rv-9").then().statusCode(409).header("WEM-Partial", "region")
                .body(startsWith("<div id=\"region\""))
                .body(containsString("wellbeing-service refused the change: review item rv-9 is already decided"))
                // the field console.js puts the typed reason back into
                .body(containsString("id=\"reason-rv-9\""))
                .body(not(containsString("<nav")));
        var approve = StubServices.partialForm("/teams/team-north/reviews");
        StubServices.answer("POST /api/v1/reviews/rv-9/decision", 200, item.replace("PENDING", "APPROVED"));
        StubServices.answer("GET /api/v1/reviews", 200, "[" + item.replace("PENDING", "APPROVED") + "]");
        approve.formParam("decision", "approve").formParam("reason", "ok").redirects().follow(false)
                .post("/teams/team-north/reviews/rv-9").then().statusCode(200).header("WEM-Partial", "region")
                .body(startsWith("<div id=\"region\"")).body(containsString("Recorded: approved."))
                .body(containsString("APPROVED")).body(not(containsString("action=\"/teams/team-north/reviews/rv-9\"")));
    }

    @Test
    @TestSecurity(user = "ciso1", roles = "ciso")
    void anApprovalAnswersWithTheApprovalsRegion() {
        String pending = "{\"id\":\"p8\",\"kind\":\"RETENTION_SHORTEN\",\"target\":\"transcript\",\"change\":{},"
                + "\"summary\":\"transcript P90D to P30D\",\"proposedBy\":\"govadmin1\",\"proposedAt\":"
                + "\"2026-12-04T07:00:00Z\",\"expiresAt\":\"2026-12-11T07:00:00Z\",\"status\":\"PENDING\"}";
        StubServices.answer("GET /api/v1/approvals", 200, "[" + pending + "]");
        given().get("/ciso/approvals").then().statusCode(200)
                .body(containsString("<form method=\"post\" action=\"/ciso/approvals/p8/approve\" data-partial>"));
        StubServices.refuse("POST /api/v1/approvals/p8/reject", 409, "the change has expired");
        StubServices.partialForm("/ciso/approvals").formParam("reason", "too short")
                .post("/ciso/approvals/p8/reject").then().statusCode(409).header("WEM-Partial", "region")
                .body(startsWith("<div id=\"region\"")).body(containsString("the change has expired"))
                .body(containsString("id=\"r-p8\"")).body(not(containsString("<nav")));
        var approve = StubServices.partialForm("/ciso/approvals");
        StubServices.answer("POST /api/v1/approvals/p8/approve", 200, pending.replace("PENDING", "APPROVED"));
        StubServices.answer("GET /api/v1/approvals", 200, "[" + pending.replace("PENDING", "APPROVED") + "]");
        approve.redirects().follow(false)
                .post("/ciso/approvals/p8/approve").then().statusCode(200).header("WEM-Partial", "region")
                .body(startsWith("<div id=\"region\"")).body(containsString("Done: approve"))
                .body(containsString("APPROVED")).body(not(containsString("action=\"/ciso/approvals/p8/approve\"")));
    }

    @Test
    @TestSecurity(user = "govadmin1", roles = "governance-admin")
    void aRetentionChangeAnswersWithThePoliciesRegionAndLeavesTheFormOutsideIt() {
        String policy = "[{\"dataClass\":\"transcript\",\"service\":\"signal-service\",\"window\":\"P90D\","
                + "\"legalBasis\":\"quality\",\"owner\":\"QA\",\"updatedAt\":null,\"updatedBy\":null}]";
        StubServices.answer("GET /api/v1/retention/policies", 200, policy);
        given().get("/ciso/retention").then().statusCode(200)
                .body(containsString("<form method=\"post\" action=\"/ciso/retention\" id=\"change-window\" data-partial>"));
        StubServices.refuseField("PUT /api/v1/retention/policies/transcript", "window", "not an ISO-8601 duration");
        StubServices.transcriptWindow(StubServices.partialForm("/ciso/retention"), "ninety")
                .post("/ciso/retention").then().statusCode(400).header("WEM-Partial", "region")
                .body(startsWith("<div id=\"region\"")).body(containsString("window: not an ISO-8601 duration"))
                // what was typed stays in the form, which is not swapped
                .body(not(containsString("id=\"change-window\""))).body(not(containsString("<nav")));
        StubServices.answer("PUT /api/v1/retention/policies/transcript", 200, "{\"dataClass\":\"transcript\"}");
        StubServices.answer("GET /api/v1/retention/policies", 200, policy.replace("P90D", "P120D"));
        StubServices.transcriptWindow(StubServices.partialForm("/ciso/retention"), "P120D").redirects().follow(false)
                .post("/ciso/retention").then().statusCode(200).header("WEM-Partial", "region")
                .body(startsWith("<div id=\"region\"")).body(containsString("The policy is changed."))
                .body(containsString("<td>P120D</td>"));
    }

    @Test
    @TestSecurity(user = "agent1", roles = "agent")
    void aContestAnswersWithTheContestsRegion() {
        StubServices.myWellbeing(false);
        StubServices.answer("GET /api/v1/me/contests", 200, "[]");
        given().get("/me/wellbeing").then().statusCode(200)
                .body(containsString("<form method=\"post\" action=\"/me/wellbeing/contests\" id=\"contest\" data-partial>"));
        StubServices.refuse("POST /api/v1/me/contests", 409, "this decision is already contested");
        StubServices.partialForm("/me/wellbeing").formParam("subjectType", "MONITORING_EVENT")
                .formParam("subjectId", "mon-1").formParam("statement", "again").post("/me/wellbeing/contests")
                .then().statusCode(409).header("WEM-Partial", "region")
                .body(startsWith("<div id=\"region\"")).body(containsString("this decision is already contested"))
                .body(not(containsString("id=\"contest\""))).body(not(containsString("<nav")));
        StubServices.answer("POST /api/v1/me/contests", 201, "{\"contestId\":\"c-2\"}");
        StubServices.answer("GET /api/v1/me/contests", 200, "[{\"contestId\":\"c-2\",\"subjectType\":"
                + "\"MONITORING_EVENT\",\"subjectId\":\"mon-1\",\"statement\":\"I transferred it\",\"status\":"
                + "\"PENDING\",\"outcomeReason\":null,\"createdAt\":\"2026-12-05T11:00:00Z\",\"decidedAt\":null}]");
        StubServices.partialForm("/me/wellbeing").formParam("subjectType", "MONITORING_EVENT")
                .formParam("subjectId", "mon-1").formParam("statement", "I transferred it").redirects().follow(false)
                .post("/me/wellbeing/contests").then().statusCode(200).header("WEM-Partial", "region")
                .body(startsWith("<div id=\"region\"")).body(containsString("Sent: your contest"))
                .body(containsString("I transferred it"));
    }

    @Test
    @TestSecurity(user = "coach1", roles = "coach")
    void pagesLoadTheScriptFromTheConsoleAndNoInlineScriptIsAllowed() {
        StubServices.answer("GET /api/v1/interventions/iv-32", 200, PagesTest.INTERVENTION.replace("iv-7", "iv-32"));
        given().get("/inbox/iv-32").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("connect-src 'self';"))
                .header("Content-Security-Policy", not(containsString("unsafe")))
                .body(containsString("<script src=\"/static/console.js\" defer></script>"))
                .body(containsString("<form method=\"post\" action=\"/inbox/iv-32/transition\" class=\"actions\" "
                        + "data-partial>"))
                .body(containsString("id=\"announce\" class=\"visually-hidden\" role=\"status\" aria-live=\"polite\""));
        given().get("/static/console.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("WEM-Partial"));
    }
}
