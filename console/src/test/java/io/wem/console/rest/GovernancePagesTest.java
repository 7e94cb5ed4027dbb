package io.wem.console.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

/**
 * The agent's data and wellbeing pages, team views and the CISO's governance pages, rendered from answers shaped like
 * the services' documented examples and from their refusals.
 */
@QuarkusTest
@QuarkusTestResource(StubServices.class)
class GovernancePagesTest {

    @Test
    @TestSecurity(user = "agent1", roles = "agent")
    void myDataCountsWhatEachServiceHoldsAndNamesTheOneThatDidNotAnswer() {
        StubServices.answer("GET /api/v1/me/behaviors", 200, "[{\"behaviorId\":\"hold-usage\",\"sampleSize\":40,"
                + "\"openGap\":{\"gapType\":\"SKILL\"}}]");
        StubServices.answer("GET /api/v1/me/interventions", 200, "[" + PagesTest.INTERVENTION + "]");
        StubServices.refuse("GET /api/v1/me/wellbeing", 503, "database unavailable");
        StubServices.answer("GET /api/v1/me/contests", 200, "[]");
        StubServices.answer("GET /api/v1/transparency/me", 200, "{\"agentId\":\"agent-north-01\",\"dataHeld\":"
                + "[{\"dataClass\":\"transcript\",\"heldBy\":\"signal-service\",\"retentionWindow\":\"P90D\","
                + "\"people\":[]}],\"accessesTotal\":7,\"accesses\":[]}");
        given().get("/me/data").then().statusCode(200)
                .body(containsString("1 behavior tracked, 1 with data"))
                .body(containsString("40 interactions in the current windows"))
                .body(containsString("1 intervention"))
                .body(containsString("Could not be read: "))
                .body(containsString("database unavailable"))
                .body(containsString("7 recorded accesses"))
                .body(containsString("<td>P90D</td>"));
    }

    @Test
    @TestSecurity(user = "agent1", roles = "agent")
    void myWellbeingAndAContestTheServiceRefusesWithItsReason() {
        StubServices.myWellbeing(true);
        StubServices.answer("GET /api/v1/me/contests", 200, "[{\"contestId\":\"c-1\",\"subjectType\":\"MONITORING_EVENT\","
                + "\"subjectId\":\"mon-7f3c\",\"statement\":\"I transferred that call\",\"status\":\"PENDING\","
                + "\"outcomeReason\":null,\"createdAt\":\"2026-12-01T11:00:00Z\",\"decidedAt\":null}]");
        given().get("/me/wellbeing").then().statusCode(200)
                .body(containsString("yes, since 2026-12-01T10:00:00Z"))
                .body(containsString("10 minutes"))
                .body(containsString("I transferred that call"))
                .body(not(containsString("mostly corrective")));
        StubServices.refuse("POST /api/v1/me/contests", 409, "this decision is already contested");
        StubServices.form("/me/wellbeing").formParam("subjectType", "MONITORING_EVENT")
                .formParam("subjectId", "mon-7f3c").formParam("statement", "again").post("/me/wellbeing/contests")
                .then().statusCode(409).body(containsString("this decision is already contested"));
        assertEquals("{\"subjectType\":\"MONITORING_EVENT\",\"subjectId\":\"mon-7f3c\",\"statement\":\"again\"}",
                StubServices.LAST_BODY.get("POST /api/v1/me/contests"));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void aTeamViewShowsGapsAndWithheldAggregatesAndAnotherTeamIsRefused() {
        StubServices.answer("GET /api/v1/identity", 200, "{\"roles\":[\"supervisor\"],\"teams\":[\"team-north\"],"
                + "\"agentId\":null,\"clientId\":\"wem-console\"}");
        given().get("/teams").then().statusCode(200).body(containsString("href=\"/teams/team-north\""));
        StubServices.answer("GET /api/v1/teams/team-north/gaps", 200, "[{\"status\":\"OPEN\",\"gap\":{\"gapId\":\"g1\","
                + "\"agentId\":\"agent-north-03\",\"behaviorId\":\"hold-usage\",\"gapType\":\"SKILL\",\"observed\":310.0,"
                + "\"baseline\":95.0,\"causeExplanation\":\"holds three times the team's\",\"detectedAt\":"
                + "\"2026-12-01T08:00:00Z\"}}]");
        StubServices.answer("GET /api/v1/teams/team-north/wellbeing", 200, "{\"teamId\":\"team-north\",\"withheld\":true,"
                + "\"reason\":\"fewer than 5 agents\",\"aggregates\":null,\"agents\":[]}");
        given().get("/teams/team-north").then().statusCode(200)
                .body(containsString("holds three times the team&#39;s"))
                .body(containsString("Aggregates are withheld: fewer than 5 agents"));
        StubServices.refuse("GET /api/v1/teams/team-south/gaps", 403, "not your team");
        StubServices.refuse("GET /api/v1/teams/team-south/wellbeing", 403, "not your team");
        given().get("/teams/team-south").then().statusCode(403).body(containsString("not your team"))
                .body(not(containsString("<table id=\"gaps\"")));
    }

    @Test
    @TestSecurity(user = "ciso1", roles = "ciso")
    void auditSearchPassesTheFiltersOnAndTheExportKeepsTheSignedCheckpoint() {
        StubServices.answer("GET /api/v1/audit/events", 200, "{\"items\":[{\"sequence\":41,\"auditId\":\"a-41\","
                + "\"service\":\"signal-service\",\"actor\":\"supervisor1\",\"actorRoles\":[\"supervisor\"],"
                + "\"subject\":\"agent-north-01\",\"action\":\"READ\",\"resource\":\"signal-service:gaps\","
                + "\"purpose\":\"coaching preparation\",\"outcome\":\"SUCCESS\",\"occurredAt\":\"2026-12-01T09:00:00Z\"}],"
                + "\"page\":0,\"size\":50,\"total\":1}");
        given().queryParam("search", "1").queryParam("actor", "supervisor1").queryParam("subject", "agent-north-01")
                .get("/ciso/audit").then().statusCode(200)
                .body(containsString("1 matching entries, newest first (page 1)"))
                .body(not(containsString("id=\"next-page\"")))
                .body(containsString("coaching preparation"))
                .body(containsString("href=\"/ciso/audit.csv?actor=supervisor1&amp;subject=agent-north-01\""));
        StubServices.answer("GET /api/v1/audit/events", 200, "{\"items\":[],\"page\":0,\"size\":50,\"total\":120}");
        given().queryParam("search", "1").queryParam("action", "READ").get("/ciso/audit").then().statusCode(200)
                .body(containsString("href=\"/ciso/audit?search=1&amp;action=READ&amp;page=1\""))
                .body(containsString("Next 50 entries"));
        StubServices.answer("GET /api/v1/audit/export", 200, "sequence,auditId\n41,a-41\n");
        given().queryParam("actor", "supervisor1").get("/ciso/audit.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", containsString("audit-log.csv"))
                .body(containsString("41,a-41"));
    }

    @Test
    @TestSecurity(user = "ciso1", roles = "ciso")
    void accessReviewRetentionHoldsAndAFourEyesRefusal() {
        StubServices.answer("GET /api/v1/access/review", 200, "{\"reviewedAt\":\"2026-12-04T08:00:00Z\",\"realm\":\"wem\","
                + "\"users\":2,\"loginDataAvailable\":true,\"accounts\":[{\"id\":\"u1\",\"username\":\"admin2\","
                + "\"enabled\":true,\"roles\":[\"ciso\",\"governance-admin\"],\"groups\":[],\"lastLogin\":null}],"
                + "\"findings\":[{\"type\":\"SOD_CONFLICT\",\"severity\":\"HIGH\",\"userId\":\"u1\",\"username\":"
                + "\"admin2\",\"detail\":\"ciso and governance-admin\"}]}");
        given().get("/ciso/access").then().statusCode(200).body(containsString("SOD_CONFLICT"))
                .body(containsString("never recorded"));
        StubServices.answer("GET /api/v1/retention/policies", 200, "[{\"dataClass\":\"audit-event\",\"service\":"
                + "\"governance-service\",\"window\":\"P7Y\",\"legalBasis\":\"legal obligation\",\"owner\":\"CISO\","
                + "\"updatedAt\":null,\"updatedBy\":null}]");
        given().get("/ciso/retention").then().statusCode(200).body(containsString("<td>P7Y</td>"));
        StubServices.holdsListed(StubServices.activeHold("h1", "CASE-9", "agent-north-01"));
        given().get("/ciso/holds").then().statusCode(200).body(containsString("CASE-9")).body(containsString("active"));
        StubServices.answer("GET /api/v1/approvals", 200, "[{\"id\":\"p1\",\"kind\":\"RETENTION_SHORTEN\",\"target\":"
                + "\"transcript\",\"change\":{},\"summary\":\"transcript P90D to P30D\",\"proposedBy\":\"ciso1\","
                + "\"proposedAt\":\"2026-12-04T07:00:00Z\",\"expiresAt\":\"2026-12-11T07:00:00Z\",\"status\":\"PENDING\"}]");
        StubServices.refuse("POST /api/v1/approvals/p1/approve", 409, "the proposer cannot approve their own change");
        StubServices.form("/ciso/approvals").post("/ciso/approvals/p1/approve").then().statusCode(409)
                .body(containsString("the proposer cannot approve their own change"));
    }

    @Test
    @TestSecurity(user = "coach1", roles = "coach")
    void anInterventionAwaitingReviewIsReviewedAndTheAgentsGoalAccepted() {
        String held = PagesTest.INTERVENTION.replace("iv-7", "iv-20").replace("\"state\":\"ASSIGNED\"",
                "\"state\":\"AWAITING_REVIEW\",\"proposedGoal\":\"Confirm the amount first\","
                        + "\"guardrail\":{\"reason\":\"At a monitoring cap: a person decides\"}");
        StubServices.answer("GET /api/v1/interventions/iv-20", 200, held);
        given().get("/inbox/iv-20").then().statusCode(200).body(containsString("id=\"review\""))
                .body(containsString("At a monitoring cap: a person decides"))
                .body(containsString("Confirm the amount first"));
        StubServices.answer("POST /api/v1/interventions/iv-20/review", 200, held);
        StubServices.redirects(StubServices.form("/inbox/iv-20").formParam("decision", "APPROVE")
                .formParam("note", "back from leave"), "/inbox/iv-20/review", "/inbox/iv-20?done=review");
        String sent = StubServices.LAST_BODY.get("POST /api/v1/interventions/iv-20/review");
        org.junit.jupiter.api.Assertions.assertTrue(sent.contains("\"decision\":\"APPROVE\"")
                && sent.contains("\"note\":\"back from leave\""), sent);
        StubServices.refuse("POST /api/v1/interventions/iv-20/goal", 409, "no goal was proposed");
        StubServices.form("/inbox/iv-20").post("/inbox/iv-20/goal").then().statusCode(409)
                .body(containsString("no goal was proposed"));
        assertEquals("{}", StubServices.LAST_BODY.get("POST /api/v1/interventions/iv-20/goal"));
    }
}
