package io.wem.coaching.it;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.wem.common.contracts.BehaviorGapDetected;
import io.wem.common.contracts.BuiltInBehaviors;
import io.wem.common.contracts.GapType;
import io.wem.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static io.wem.coaching.it.Fixtures.*;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Closing the loop against stubbed signal-service measurements, and playbooks as versioned data. */
@QuarkusTest
class EvaluationAndPlaybookTest {

    @org.junit.jupiter.api.BeforeAll
    static void doubles() {
        // Figures are doubles; RestAssured would read them as floats and lose precision.
        io.restassured.RestAssured.config = io.restassured.config.RestAssuredConfig.config().jsonConfig(
                io.restassured.config.JsonConfig.jsonConfig().numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
    }

    static String playbookJson(String behavior, String gapType, String kind, String owner, String deadline, String note) {
        return "{\"behaviorId\":\"" + behavior + "\",\"gapType\":\"" + gapType + "\",\"title\":\"Shorter handle time\","
                + "\"kind\":\"" + kind + "\",\"ownerRole\":\"" + owner + "\",\"deadline\":\"" + deadline + "\","
                + "\"goal\":\"Summarise the resolution in one sentence before closing every call\",\"theme\":\"HANDLE_TIME\","
                + "\"learningItems\":[\"One-sentence summary (micro-lesson)\"],\"coachingPrompts\":[\"Where did the call loop?\"],"
                + "\"successCriterion\":{\"metric\":\"aht_seconds\",\"direction\":\"DECREASE\",\"relativeImprovement\":0.15,"
                + "\"followUpWindow\":\"P7D\"},\"followUpAssessment\":\"Coach listens to three calls\",\"changeNote\":\"" + note + "\"}";
    }

    static void measurements(String agent, String behavior, double before, double after) {
        String path = "/api/v1/agents/" + agent + "/behaviors/" + behavior + "/measurements";
        StubServices.server.stubFor(get(urlPathEqualTo(path)).atPriority(1)
                .withQueryParam("from", com.github.tomakehurst.wiremock.client.WireMock.equalTo(WINDOW_START.toString()))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(series(agent, behavior, before))));
        StubServices.server.stubFor(get(urlPathEqualTo(path)).atPriority(5)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(series(agent, behavior, after))));
    }

    static String series(String agent, String behavior, double value) {
        String total = "{\"agentId\":\"" + agent + "\",\"teamId\":\"t\",\"behaviorId\":\"" + behavior + "\",\"metric\":"
                + "\"aht_seconds\",\"periodStart\":\"2026-11-01T00:00:00Z\",\"periodEnd\":\"2026-11-15T00:00:00Z\",\"value\":"
                + value + ",\"sampleSize\":60,\"teamValue\":100.0,\"teamSampleSize\":600,\"standardDeviation\":20.0}";
        return "{\"agentId\":\"" + agent + "\",\"teamId\":\"t\",\"behaviorId\":\"" + behavior + "\",\"metric\":\"aht_seconds\","
                + "\"from\":\"2026-11-01T00:00:00Z\",\"to\":\"2026-11-15T00:00:00Z\",\"daily\":[],\"total\":" + total + "}";
    }

    @Test
    void evaluationUsesUncoachedPeersAndFeedsPlaybookEffectiveness() {
        String behavior = id("behavior");
        String playbook = given().auth().oauth2(role("qa-analyst")).contentType(ContentType.JSON)
                .body(playbookJson(behavior, "SKILL", "COACHING_SESSION", "coach", "PT48H", "custom"))
                .post("/api/v1/playbooks").then().statusCode(201).body("version", equalTo(1))
                .extract().path("id");
        assertEquals("pb-" + behavior + "-skill", playbook);

        String team = id("team");
        String a1 = id("agent");
        String a2 = id("agent");
        String peer = id("agent");
        guardrailFor(peer, "DEFER", Instant.now().plusSeconds(86400));
        measurements(a1, behavior, 100, 70);
        measurements(a2, behavior, 100, 95);
        measurements(peer, behavior, 100, 96);
        BehaviorGapDetected gp = sendGap(peer, team, behavior, GapType.SKILL);
        BehaviorGapDetected g1 = sendGap(a1, team, behavior, GapType.SKILL);
        BehaviorGapDetected g2 = sendGap(a2, team, behavior, GapType.SKILL);
        String peerId = (String) awaitIntervention(team, gp.gapId(), inState("DEFERRED")).get("id");
        String id1 = (String) awaitIntervention(team, g1.gapId(), inState("ASSIGNED")).get("id");
        String id2 = (String) awaitIntervention(team, g2.gapId(), inState("ASSIGNED")).get("id");
        String coach = coach(team);
        for (String id : List.of(id1, id2)) {
            transition(id, "IN_PROGRESS", coach).statusCode(200);
            transition(id, "COMPLETED", coach).statusCode(200).body("state", equalTo("FOLLOW_UP"));
        }

        given().auth().oauth2(coach).post("/api/v1/interventions/" + peerId + "/evaluate").then().statusCode(409)
                .body("detail", containsString("DEFERRED"));
        given().auth().oauth2(supervisor(team)).post("/api/v1/interventions/" + id1 + "/evaluate").then().statusCode(403);
        given().auth().oauth2(coach(id("team"))).post("/api/v1/interventions/" + id1 + "/evaluate").then().statusCode(403);
        given().post("/api/v1/interventions/" + id1 + "/evaluate").then().statusCode(401);

        // One uncoached peer is too few for a comparison group (a t with one degree of freedom): the team trend
        // (100 -> 100) is used. Agent 100 -> 70, sd 20 over 60 calls a window: net -30 s, 30 % better, the 95 %
        // interval (about 22.7 % to 37.3 %) lies above zero and the estimate meets the 15 % target.
        given().auth().oauth2(coach).post("/api/v1/interventions/" + id1 + "/evaluate").then().statusCode(200)
                .body("state", equalTo("CLOSED_EFFECTIVE"))
                .body("evaluation.comparisonKind", equalTo("TEAM_TREND"))
                .body("evaluation.comparisonSize", equalTo(1))
                .body("evaluation.before", closeTo(100.0, 1e-9))
                .body("evaluation.after", closeTo(70.0, 1e-9))
                .body("evaluation.netChange", closeTo(-30.0, 1e-9))
                .body("evaluation.netImprovement", closeTo(0.30, 1e-9))
                .body("evaluation.ciLow", closeTo(0.227, 0.01))
                .body("evaluation.outcome", equalTo("EFFECTIVE"));
        // 100 -> 95: 5 % net, the interval's top (about 12 %) is below the 15 % target: not effective. Platform
        // admin may run it but gets no coaching notes back.
        given().auth().oauth2(role("platform-admin")).post("/api/v1/interventions/" + id2 + "/evaluate").then().statusCode(200)
                .body("state", equalTo("CLOSED_INEFFECTIVE"))
                .body("evaluation.netImprovement", closeTo(0.05, 1e-9))
                .body("history", org.hamcrest.Matchers.empty());

        // Two agents' evaluations are below the minimum group size: how many, but no outcome (1 effective of 2 would
        // tell a coach which of the two it was), no rate, no mean effect, no median.
        given().auth().oauth2(role("coach")).get("/api/v1/playbooks/" + playbook + "/effectiveness").then().statusCode(200)
                .body("interventions", equalTo(3))
                .body("closed", equalTo(2))
                .body("closedEffective", org.hamcrest.Matchers.nullValue())
                .body("closedInconclusive", org.hamcrest.Matchers.nullValue())
                .body("suppressed", equalTo(true))
                .body("successRate", org.hamcrest.Matchers.nullValue())
                .body("meanEffect", org.hamcrest.Matchers.nullValue())
                .body("started", equalTo(2))
                .body("medianHoursGapToFirstCoaching", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(TestTokens.agent(a1, team)).get("/api/v1/playbooks/" + playbook + "/effectiveness").then().statusCode(403);
        given().get("/api/v1/playbooks/" + playbook + "/effectiveness").then().statusCode(401);
        given().auth().oauth2(role("coach")).get("/api/v1/playbooks/nope/effectiveness").then().statusCode(404);
    }

    @Test
    void teamLevelWorkIsMeasuredOnTheAffectedAgentsWithSamples() {
        String team = id("team");
        String behavior = BuiltInBehaviors.ACW_HABITS;
        String a1 = id("agent");
        String a2 = id("agent");
        String away = id("agent");
        measurements(a1, behavior, 100, 70);
        measurements(a2, behavior, 100, 80);
        // away all week: signal-service answers with a series that has no total (no observations at all)
        String empty = "{\"agentId\":\"" + away + "\",\"teamId\":\"t\",\"behaviorId\":\"" + behavior
                + "\",\"metric\":\"acw_seconds\",\"from\":\"2026-11-01T00:00:00Z\",\"to\":\"2026-11-15T00:00:00Z\","
                + "\"daily\":[],\"total\":null}";
        StubServices.server.stubFor(get(urlPathEqualTo("/api/v1/agents/" + away + "/behaviors/" + behavior
                + "/measurements")).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(empty)));
        BehaviorGapDetected g = gap(id("gap"), a1, team, behavior, GapType.PROCESS, List.of(a1, a2, away));
        send(envelope(g));
        String owner = role("process-owner");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> list(team, owner).stream()
                .anyMatch(i -> g.gapId().equals(i.get("gapId")) && "ASSIGNED".equals(i.get("state"))));
        String id = (String) list(team, owner).get(0).get("id");
        transition(id, "IN_PROGRESS", owner).statusCode(200);
        transition(id, "COMPLETED", owner).statusCode(200).body("state", equalTo("FOLLOW_UP"));
        // The mean of the agents with samples: 100 -> 75; the absent agent neither counts nor blocks.
        given().auth().oauth2(role("platform-admin")).post("/api/v1/interventions/" + id + "/evaluate").then()
                .statusCode(200)
                .body("evaluation.before", closeTo(100.0, 1e-9))
                .body("evaluation.after", closeTo(75.0, 1e-9));
    }

    @Test
    void evaluationFailsClosedWhenMeasurementsAreMissing() {
        String team = id("team");
        String agent = id("agent");
        BehaviorGapDetected g = sendGap(agent, team, BuiltInBehaviors.HOLD_USAGE, GapType.SKILL);
        String id = (String) awaitIntervention(team, g.gapId(), inState("ASSIGNED")).get("id");
        String coach = coach(team);
        transition(id, "IN_PROGRESS", coach).statusCode(200);
        transition(id, "COMPLETED", coach).statusCode(200);
        // No measurement stub for this agent: signal answers 404, nothing is closed on invented figures.
        given().auth().oauth2(coach).post("/api/v1/interventions/" + id + "/evaluate").then().statusCode(503)
                .contentType("application/problem+json");
        given().auth().oauth2(coach).get("/api/v1/interventions/" + id).then().statusCode(200).body("state", equalTo("FOLLOW_UP"));
    }

    @Test
    void replayWindowIsForPlatformAdminsAndMustFollowTheGap() {
        String team = id("team");
        String agent = id("agent");
        BehaviorGapDetected g = sendGap(agent, team, BuiltInBehaviors.HOLD_USAGE, GapType.SKILL);
        String id = (String) awaitIntervention(team, g.gapId(), inState("ASSIGNED")).get("id");
        String coach = coach(team);
        transition(id, "IN_PROGRESS", coach).statusCode(200);
        transition(id, "COMPLETED", coach).statusCode(200);
        String url = "/api/v1/interventions/" + id + "/evaluate";
        String overlapping = g.windowEnd().minusSeconds(60).toString();
        String now = java.time.Instant.now().minusSeconds(5).toString();
        given().auth().oauth2(coach).queryParam("afterFrom", overlapping).queryParam("afterTo", now)
                .post(url).then().statusCode(403);
        given().auth().oauth2(role("platform-admin")).queryParam("afterFrom", overlapping).queryParam("afterTo", now)
                .post(url).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("afterFrom"));
        given().auth().oauth2(role("platform-admin")).queryParam("afterFrom", g.windowEnd().plusSeconds(1).toString())
                .queryParam("afterTo", java.time.Instant.now().plusSeconds(3600).toString())
                .post(url).then().statusCode(400).body("errors[0].field", equalTo("afterTo"));
        given().auth().oauth2(role("platform-admin")).queryParam("afterFrom", "yesterday").queryParam("afterTo", now)
                .post(url).then().statusCode(400).body("errors[0].field", equalTo("afterFrom"));
        given().auth().oauth2(coach).get("/api/v1/interventions/" + id).then().statusCode(200).body("state", equalTo("FOLLOW_UP"));
    }

    @Test
    void playbooksAreVersionedData() {
        List<Map<String, Object>> all = given().auth().oauth2(TestTokens.agent(id("agent"), "team-x"))
                .get("/api/v1/playbooks").then().statusCode(200).extract().jsonPath().getList("$");
        long builtIn = all.stream().filter(p -> BuiltInBehaviors.ALL.contains((String) p.get("behaviorId"))).count();
        assertEquals(BuiltInBehaviors.ALL.size() * GapType.values().length, builtIn);
        for (String b : BuiltInBehaviors.ALL) {
            for (GapType t : GapType.values()) {
                assertEquals(1, all.stream().filter(p -> b.equals(p.get("behaviorId")) && t.name().equals(p.get("gapType"))).count(), b + t);
            }
        }
        given().auth().oauth2(role("ciso")).queryParam("behaviorId", "acw-habits").queryParam("gapType", "PROCESS")
                .get("/api/v1/playbooks").then().statusCode(200).body("$", hasSize(1))
                .body("[0].ownerRole", equalTo("process-owner")).body("[0].kind", equalTo("PROCESS_FIX"));
        given().auth().oauth2(role("supervisor")).get("/api/v1/playbooks/pb-billing-confirmation-skill").then().statusCode(200)
                .body("successCriterion.absoluteTarget", closeTo(0.9, 1e-9))
                .body("successCriterion.followUpWindow", equalTo("P7D"))
                .body("learningItems", hasItem(containsString("Confirmation statement")));
        given().auth().oauth2(role("supervisor")).get("/api/v1/playbooks/none").then().statusCode(404);
        given().get("/api/v1/playbooks").then().statusCode(401);
        given().auth().oauth2(TestTokens.noRoles()).get("/api/v1/playbooks").then().statusCode(403);

        String behavior = id("behavior");
        String editor = role("coach");
        given().auth().oauth2(editor).contentType(ContentType.JSON)
                .body(playbookJson(behavior, "MOTIVATION", "MICRO_LEARNING", "supervisor", "PT24H", "first"))
                .post("/api/v1/playbooks").then().statusCode(201);
        given().auth().oauth2(editor).contentType(ContentType.JSON)
                .body(playbookJson(behavior, "MOTIVATION", "MICRO_LEARNING", "supervisor", "PT24H", "again"))
                .post("/api/v1/playbooks").then().statusCode(409);
        String pid = "pb-" + behavior + "-motivation";
        given().auth().oauth2(role("platform-admin")).contentType(ContentType.JSON)
                .body(playbookJson(behavior, "MOTIVATION", "COACHING_SESSION", "supervisor", "PT72H", "longer deadline"))
                .put("/api/v1/playbooks/" + pid).then().statusCode(200)
                .body("version", equalTo(2)).body("deadline", equalTo("PT72H")).body("changeNote", equalTo("longer deadline"))
                .body("changedBy", notNullValue());
        given().auth().oauth2(editor).get("/api/v1/playbooks/" + pid + "/versions").then().statusCode(200)
                .body("version", equalTo(List.of(1, 2))).body("deadline", equalTo(List.of("PT24H", "PT72H")));

        // A process gap is not coached at agent level; durations are ISO-8601; unknown fields are refused.
        given().auth().oauth2(editor).contentType(ContentType.JSON)
                .body(playbookJson(id("behavior"), "PROCESS", "COACHING_SESSION", "process-owner", "PT24H", "x"))
                .post("/api/v1/playbooks").then().statusCode(400).body("errors.field", hasItem("kind"));
        given().auth().oauth2(editor).contentType(ContentType.JSON)
                .body(playbookJson(id("behavior"), "SKILL", "COACHING_SESSION", "coach", "tomorrow", "x"))
                .post("/api/v1/playbooks").then().statusCode(400).body("errors[0].field", equalTo("deadline"));
        given().auth().oauth2(editor).contentType(ContentType.JSON)
                .body(playbookJson(id("behavior"), "SKILL", "COACHING_SESSION", "boss", "PT24H", "x"))
                .post("/api/v1/playbooks").then().statusCode(400).body("errors[0].field", equalTo("ownerRole"));
        given().auth().oauth2(editor).contentType(ContentType.JSON)
                .body(playbookJson(id("behavior"), "SKILL", "COACHING_SESSION", "coach", "PT24H", "x").replace("\"goal\"", "\"goals\""))
                .post("/api/v1/playbooks").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("goals"));
        given().auth().oauth2(role("supervisor")).contentType(ContentType.JSON)
                .body(playbookJson(id("behavior"), "SKILL", "COACHING_SESSION", "coach", "PT24H", "x"))
                .post("/api/v1/playbooks").then().statusCode(403);
        given().auth().oauth2(role("agent")).contentType(ContentType.JSON)
                .body(playbookJson(behavior, "MOTIVATION", "COACHING_SESSION", "supervisor", "PT72H", "x"))
                .put("/api/v1/playbooks/" + pid).then().statusCode(403);
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/playbooks").then().statusCode(401);
    }
}
