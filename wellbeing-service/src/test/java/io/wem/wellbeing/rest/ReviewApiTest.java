package io.wem.wellbeing.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.wem.common.contracts.MonitoringEvent;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Topics;
import io.wem.testing.TestKafka;
import io.wem.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ReviewApiTest {

    static String pendingReviewOf(String team, String agent) {
        return given().auth().oauth2(TestTokens.supervisor("sup", team)).when().get("/api/v1/reviews?teamId=" + team)
                .then().statusCode(200).extract().path("find { it.agentId == '" + agent + "' }.reviewId");
    }

    static io.restassured.response.ValidatableResponse decide(String token, String reviewId, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/reviews/" + reviewId + "/decision").then();
    }

    @Test
    void approvedAutomatedPlanIsAllowedWhenAskedAgainAndRejectedOneDenied() {
        String team = GuardrailApiTest.unique("team");
        String agent = GuardrailApiTest.unique("agent");
        String other = GuardrailApiTest.unique("agent");
        GuardrailApiTest.evaluate(GuardrailApiTest.SVC, GuardrailApiTest.body(agent, team, "PERFORMANCE_PLAN", true,
                null, "plan-1")).statusCode(200).body("decision", equalTo("REQUIRE_HUMAN_REVIEW"));
        GuardrailApiTest.evaluate(GuardrailApiTest.SVC, GuardrailApiTest.body(other, team, "AUTOMATED_SCORE", true,
                null, "score-1")).statusCode(200).body("decision", equalTo("REQUIRE_HUMAN_REVIEW"));
        // Asking again while pending does not queue a second item.
        GuardrailApiTest.evaluate(GuardrailApiTest.SVC, GuardrailApiTest.body(agent, team, "PERFORMANCE_PLAN", true,
                null, "plan-1")).statusCode(200).body("reasons[0]", containsString("waiting"));
        given().auth().oauth2(TestTokens.supervisor("sup", team)).when().get("/api/v1/reviews?teamId=" + team)
                .then().statusCode(200).body("size()", equalTo(2)).body("type", hasItem("AUTOMATED_DECISION"));

        String review = pendingReviewOf(team, agent);
        decide(TestTokens.supervisor("sup", team), review, "{\"approve\":true,\"reason\":\"plan agreed with agent\"}")
                .statusCode(200).body("status", equalTo("APPROVED")).body("reviewer", equalTo("sup"));
        decide(TestTokens.supervisor("sup", team), review, "{\"approve\":false,\"reason\":\"again\"}")
                .statusCode(409);
        GuardrailApiTest.evaluate(GuardrailApiTest.SVC, GuardrailApiTest.body(agent, team, "PERFORMANCE_PLAN", true,
                null, "plan-1")).statusCode(200).body("decision", equalTo("ALLOW"))
                .body("reasons[0]", containsString("plan agreed with agent"));

        decide(TestTokens.supervisor("sup", team), pendingReviewOf(team, other),
                "{\"approve\":false,\"reason\":\"score model is not validated\"}").statusCode(200);
        GuardrailApiTest.evaluate(GuardrailApiTest.SVC, GuardrailApiTest.body(other, team, "AUTOMATED_SCORE", true,
                null, "score-1")).statusCode(200).body("decision", equalTo("DENY"));
    }

    @Test
    void reviewSecurityAndValidation() {
        String team = GuardrailApiTest.unique("team");
        String agent = GuardrailApiTest.unique("agent");
        GuardrailApiTest.evaluate(GuardrailApiTest.SVC, GuardrailApiTest.body(agent, team, "PERFORMANCE_PLAN", true,
                null, "p")).statusCode(200);
        String review = pendingReviewOf(team, agent);
        given().when().get("/api/v1/reviews?teamId=" + team).then().statusCode(401);
        given().auth().oauth2(TestTokens.agent(agent, team)).when().get("/api/v1/reviews?teamId=" + team).then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.supervisor("s2", "team-other")).when().get("/api/v1/reviews?teamId=" + team)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.supervisor("sup", team)).when().get("/api/v1/reviews").then()
                .statusCode(400).body("errors.field", hasItem("teamId"));
        given().contentType(ContentType.JSON).body("{\"approve\":true,\"reason\":\"x\"}")
                .when().post("/api/v1/reviews/" + review + "/decision").then().statusCode(401);
        decide(TestTokens.agent(agent, team), review, "{\"approve\":true,\"reason\":\"x\"}").statusCode(403);
        decide(TestTokens.supervisor("s2", "team-other"), review, "{\"approve\":true,\"reason\":\"x\"}")
                .statusCode(403);
        decide(TestTokens.supervisor("sup", team), review, "{\"approve\":true}").statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("reason"));
        decide(TestTokens.supervisor("sup", team), "no-such-review", "{\"approve\":true,\"reason\":\"x\"}")
                .statusCode(404);
        decide(TestTokens.supervisor("sup", team), review, "{\"approve\":true,\"reason\":\"fine\"}").statusCode(200);
    }

    @Test
    void agentContestsAnAutomatedScoreAndSeesTheOutcome() {
        String team = GuardrailApiTest.unique("team");
        String agent = GuardrailApiTest.unique("agent");
        String monitoringId = GuardrailApiTest.unique("mon");
        MonitoringEvent score = new MonitoringEvent(monitoringId, agent, team, "AUTOMATED_SCORE", true, 41.0, null,
                "signal-service", "score-9", Instant.now());
        TestKafka.send(Topics.MONITORING, agent, EventEnvelope.of(EventTypes.MONITORING, "signal-service", agent,
                score));
        String agentToken = TestTokens.agent(agent, team);
        String body = "{\"subjectType\":\"MONITORING_EVENT\",\"subjectId\":\"" + monitoringId
                + "\",\"statement\":\"The score counted a call I transferred.\"}";
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(agentToken)
                .contentType(ContentType.JSON).body(body).when().post("/api/v1/me/contests").then().extract()
                .statusCode() == 201);
        given().auth().oauth2(agentToken).contentType(ContentType.JSON).body(body).when().post("/api/v1/me/contests")
                .then().statusCode(409);
        assertEquals("0.25", GuardrailApiTest.evaluate(GuardrailApiTest.SVC, GuardrailApiTest.body(agent, team,
                "COACHING_SESSION", false, "DEVELOPMENT", GuardrailApiTest.unique("probe"))).extract().path("intensityIndex").toString());

        String review = pendingReviewOf(team, agent);
        decide(TestTokens.supervisor("sup", team), review, "{\"approve\":true,\"reason\":\"transfer was forced\"}")
                .statusCode(200);
        given().auth().oauth2(agentToken).when().get("/api/v1/me/contests").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].status", equalTo("APPROVED"))
                .body("[0].outcomeReason", equalTo("transfer was forced"))
                .body("[0].subjectId", equalTo(monitoringId));
        // The overturned score no longer counts as watching.
        assertEquals("0.0", GuardrailApiTest.evaluate(GuardrailApiTest.SVC, GuardrailApiTest.body(agent, team,
                "COACHING_SESSION", false, "DEVELOPMENT", GuardrailApiTest.unique("probe"))).extract().path("intensityIndex").toString());
    }

    @Test
    void contestSecurityAndValidation() {
        String team = GuardrailApiTest.unique("team");
        String agent = GuardrailApiTest.unique("agent");
        String decisionId = GuardrailApiTest.evaluate(GuardrailApiTest.SVC, GuardrailApiTest.body(agent, team,
                "QA_EVALUATION", false, null, "qa")).statusCode(200).extract().path("decisionId");
        String body = "{\"subjectType\":\"GUARDRAIL_DECISION\",\"subjectId\":\"" + decisionId
                + "\",\"statement\":\"unfair\"}";
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/me/contests").then().statusCode(401);
        given().when().get("/api/v1/me/contests").then().statusCode(401);
        given().auth().oauth2(TestTokens.supervisor("sup", team)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/me/contests").then().statusCode(403);
        given().auth().oauth2(TestTokens.supervisor("sup", team)).when().get("/api/v1/me/contests").then()
                .statusCode(403);
        // Another agent cannot contest (or learn about) this agent's decision.
        given().auth().oauth2(TestTokens.agent("someone-else", team)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/me/contests").then().statusCode(404);
        // A person's decision is not automated, so there is nothing to contest here.
        given().auth().oauth2(TestTokens.agent(agent, team)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/me/contests").then().statusCode(400).body("errors[0].field", equalTo("subjectId"));
        given().auth().oauth2(TestTokens.agent(agent, team)).contentType(ContentType.JSON)
                .body("{\"subjectType\":\"GOSSIP\",\"subjectId\":\"x\",\"statement\":\"s\"}")
                .when().post("/api/v1/me/contests").then().statusCode(400).body("errors[0].field", equalTo("subjectType"));
        given().auth().oauth2(TestTokens.agent(agent, team)).contentType(ContentType.JSON)
                .body("{\"subjectType\":\"GUARDRAIL_DECISION\",\"subjectId\":\"x\"}")
                .when().post("/api/v1/me/contests").then().statusCode(400).body("errors.field", hasItem("statement"));
        given().auth().oauth2(TestTokens.agent(agent, team)).when().get("/api/v1/me/contests").then().statusCode(200)
                .body("size()", equalTo(0));
    }
}
