package io.wem.console.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

/**
 * The pages rendered from answers shaped like the services' documented examples, and from their refusals: the page
 * shows the service's words with the service's status, never its JSON.
 */
@QuarkusTest
@QuarkusTestResource(StubServices.class)
class PagesTest {

    static final String INTERVENTION = "{\"id\":\"iv-7\",\"gapId\":\"gap-7f3a\",\"agentId\":\"agent-north-01\","
            + "\"teamId\":\"team-north\",\"behaviorId\":\"billing-confirmation\",\"title\":null,\"owner\":\"coach1\","
            + "\"goal\":\"Use a confirmation statement\",\"state\":\"ASSIGNED\",\"priorityBand\":\"P2\","
            + "\"deadline\":\"2026-11-26T10:00:00Z\",\"overdue\":true,\"evidenceInteractionIds\":[\"int-1\",\"int-2\"]}";

    @Test
    @TestSecurity(user = "coach1", roles = "coach")
    void inboxAndOneInterventionWithTheOwnersMoves() {
        StubServices.answer("GET /api/v1/interventions", 200, "[" + INTERVENTION + "]");
        StubServices.answer("GET /api/v1/interventions/iv-7", 200, INTERVENTION);
        given().get("/inbox").then().statusCode(200).body(containsString("href=\"/inbox/iv-7\""))
                .body(containsString("billing-confirmation")).body(containsString("(overdue)"));
        given().get("/inbox/iv-7").then().statusCode(200)
                .body(containsString("value=\"SCHEDULED\">Schedule"))
                .body(containsString("value=\"IN_PROGRESS\">Start"))
                .body(not(containsString("value=\"COMPLETED\"")))
                .body(containsString("int-1, int-2"));
    }

    @Test
    @TestSecurity(user = "coach1", roles = "coach")
    void aRefusedMoveShowsTheServicesReasonWithItsStatus() {
        StubServices.answer("GET /api/v1/interventions/iv-8", 200, INTERVENTION.replace("iv-7", "iv-8"));
        StubServices.refuse("POST /api/v1/interventions/iv-8/transitions", 409,
                "illegal transition SCHEDULED -> SCHEDULED");
        StubServices.form("/inbox/iv-8").formParam("to", "SCHEDULED")
                .post("/inbox/iv-8/transition").then().statusCode(409)
                .body(containsString("coaching-service refused the change: illegal transition SCHEDULED -&gt; SCHEDULED"))
                .body(not(containsString("\"status\":")));
        assertTrue(StubServices.LAST_BODY.get("POST /api/v1/interventions/iv-8/transitions").contains("\"to\":\"SCHEDULED\""));
    }

    @Test
    @TestSecurity(user = "coach1", roles = "coach")
    void aFormWithoutItsCsrfTokenIsRefusedBeforeAnyServiceIsCalled() {
        StubServices.LAST_BODY.remove("POST /api/v1/interventions/iv-9/transitions");
        given().contentType("application/x-www-form-urlencoded").formParam("to", "CANCELLED")
                .post("/inbox/iv-9/transition").then().statusCode(400);
        assertTrue(!StubServices.LAST_BODY.containsKey("POST /api/v1/interventions/iv-9/transitions"));
    }

    @Test
    @TestSecurity(user = "agent1", roles = "agent")
    void aTeammatesPageIsTheServicesRefusalNotData() {
        StubServices.refuse("GET /api/v1/agents/agent-north-02/behaviors", 403, "agents see only their own data");
        given().get("/agents/agent-north-02/behaviors").then().statusCode(403)
                .body(containsString("You are not allowed to see or change this (signal-service refused): agents see only"))
                .body(not(containsString("id=\"behaviors\"")));
        // a path walk stays one encoded segment
        given().urlEncodingEnabled(false).get("/agents/..%2F..%2Faudit/behaviors").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "agent1", roles = "agent")
    void whoCanSeeMyDataNamesPeopleAndAccesses() {
        StubServices.answer("GET /api/v1/transparency/me", 200, "{\"agentId\":\"agent-north-01\",\"agentTeam\":\"team-north\","
                + "\"scopeRule\":\"Agents see only their own data\",\"dataHeld\":[{\"dataClass\":\"coaching-record\","
                + "\"description\":\"Coaching interventions\",\"heldBy\":\"coaching-service\",\"retentionWindow\":\"P2Y\","
                + "\"legalBasis\":\"contract\",\"owner\":\"HR\",\"visibleToRoles\":[\"coach\"],\"usedByServices\":[],"
                + "\"readers\":[],\"serviceReaders\":[],\"people\":[{\"username\":\"coach1\",\"role\":\"coach\","
                + "\"scope\":\"TEAM\",\"via\":[\"team-north\"]}]},{\"dataClass\":\"transcript\",\"description\":\"t\","
                + "\"heldBy\":\"signal-service\",\"retentionWindow\":\"P90D\",\"legalBasis\":\"l\",\"owner\":\"o\","
                + "\"visibleToRoles\":[],\"usedByServices\":[],\"readers\":[],\"serviceReaders\":[],\"people\":[]}],"
                + "\"accessesTotal\":1,\"accesses\":[{\"at\":\"2026-03-02T09:14:05Z\",\"actor\":\"supervisor1\","
                + "\"actorRoles\":[\"supervisor\"],\"service\":\"signal-service\",\"action\":\"READ\",\"resource\":"
                + "\"signal-service:gaps\",\"purpose\":\"coaching preparation\",\"outcome\":\"SUCCESS\"}],"
                + "\"matrixIncomplete\":[],\"peopleProblem\":null}");
        given().get("/me/visibility").then().statusCode(200)
                .body(containsString("<td class=\"person\">coach1</td>"))
                .body(containsString("nobody by name"))
                .body(containsString("coaching preparation"))
                .body(not(containsString("Named people could not")));
    }

    @Test
    @TestSecurity(user = "ciso1", roles = "ciso")
    void complianceAsPageAndCsvAndAServiceThatDoesNotAnswer() {
        StubServices.answer("GET /api/v1/retention/compliance", 200, "[{\"service\":\"signal-service\",\"dataClass\":"
                + "\"transcript\",\"window\":\"P90D\",\"lastPurgeAt\":\"2026-04-01T02:30:04Z\",\"lastPurged\":1200,"
                + "\"lastRetainedByHold\":0,\"oldestRemaining\":null,\"oldestRemainingAgeDays\":null,\"breach\":true,"
                + "\"status\":\"BREACH\",\"explanation\":\"=cmd, older than the window\"}]");
        given().get("/ciso/compliance").then().statusCode(200).body(containsString("class=\"breach\""));
        given().get("/ciso/compliance.csv").then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment"))
                .body(containsString("signal-service,transcript,P90D,2026-04-01T02:30:04Z,1200,0,,,true,BREACH,"
                        + "\"'=cmd, older than the window\""));
        StubServices.answer("GET /api/v1/audit/verify", 200, "{\"valid\":false,\"entries\":1532,\"firstBrokenSequence\":977,"
                + "\"reason\":\"hash does not match the entry's fields (the entry was changed)\",\"checkpointSequence\":1530,"
                + "\"checkpointSource\":\"topic\"}");
        given().get("/ciso/audit?verify=1").then().statusCode(200)
                .body(containsString("The chain is BROKEN at sequence 977"));
    }

    @Test
    @TestSecurity(user = "coach1", roles = "coach")
    void effectivenessIsDrawnWithItsIntervalAndSaidInWords() {
        StubServices.answer("GET /api/v1/playbooks", 200, "[{\"id\":\"pb-a\",\"title\":\"Confirm billing\"},"
                + "{\"id\":\"pb-b\",\"title\":null}]");
        StubServices.answer("GET /api/v1/playbooks/pb-a/effectiveness", 200, "{\"playbookId\":\"pb-a\",\"interventions\":12,"
                + "\"closed\":8,\"closedEffective\":5,\"closedInconclusive\":2,\"successRate\":0.625,\"successRateCiLow\":0.31,"
                + "\"successRateCiHigh\":0.86,\"meanEffect\":0.18,\"meanEffectCiLow\":0.07,\"meanEffectCiHigh\":0.29,"
                + "\"measured\":8,\"suppressed\":false,\"medianHoursGapToFirstCoaching\":20.5,\"started\":10}");
        given().get("/playbooks").then().statusCode(200)
                .body(containsString("aria-label=\"success rate 0.63, 95% interval 0.31 to 0.86\""))
                .body(containsString("x1=\"74.4\" y1=\"10\" x2=\"206.4\""))
                .body(containsString("x1=\"128.4\" y1=\"10\" x2=\"154.8\""))
                .body(containsString("12 / 8 / 8"))
                .body(containsString("coaching-service does not know this item: no such thing"));
    }
}
