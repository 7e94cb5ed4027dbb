package io.wem.wellbeing.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.wem.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
public class GuardrailApiTest {
    public static final String SVC = TestTokens.service("coaching-service", List.of("service", "svc-guardrail"));

    public static String body(String agent, String team, String kind, boolean automated, String theme, String ref) {
        return "{\"agentId\":\"" + agent + "\",\"teamId\":\"" + team + "\",\"actionKind\":\"" + kind
                + "\",\"requester\":\"coaching-service\",\"automated\":" + automated + ",\"theme\":"
                + (theme == null ? "null" : "\"" + theme + "\"") + ",\"reference\":\"" + ref + "\"}";
    }

    public static io.restassured.response.ValidatableResponse evaluate(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/guardrails/evaluations").then();
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new team id the test directory knows (unknown teams are 404: issue #20). */
    public static String uniqueTeam(String prefix) {
        String team = unique(prefix);
        io.wem.testing.TestDirectory.addTeam(team);
        return team;
    }

    @Test
    void capReachedDefersWithTheEarliestTime() {
        String agent = unique("agent");
        String team = uniqueTeam("team");
        for (int i = 0; i < 4; i++) {
            evaluate(SVC, body(agent, team, "QA_EVALUATION", false, null, "qa-" + i)).statusCode(200)
                    .body("decision", equalTo("ALLOW"))
                    .body("intensityIndex", equalTo((float) (i + 1)));
        }
        Instant before = Instant.now();
        String earliest = evaluate(SVC, body(agent, team, "QA_EVALUATION", false, null, "qa-5")).statusCode(200)
                .body("decision", equalTo("DEFER"))
                .body("agentId", equalTo(agent))
                .body("actionKind", equalTo("QA_EVALUATION"))
                .body("reasons[0]", containsString("cap is 4"))
                .body("intensityIndex", equalTo(4.0f))
                .body("decisionId", notNullValue())
                .extract().path("earliestAt");
        Instant at = Instant.parse(earliest);
        // The facts are in this hour's bucket: room comes when that hour has left the 7-day window.
        assertTrue(!at.isBefore(before.plus(Duration.ofDays(7))), earliest);
        assertTrue(at.isBefore(before.plus(Duration.ofDays(7)).plus(Duration.ofHours(2))), earliest);
        // A coaching session is support, not watching: it does not move the index; but the agent is at the QA cap,
        // so a new intervention on top needs a person (intervention-load policy).
        evaluate(SVC, body(agent, team, "COACHING_SESSION", false, "DEVELOPMENT", "c-1")).statusCode(200)
                .body("decision", equalTo("REQUIRE_HUMAN_REVIEW")).body("intensityIndex", equalTo(4.0f))
                .body("reasons[0]", containsString("monitoring cap"));
    }

    @Test
    void aRetriedAllowedRequestIsAnsweredAgainAndCountedOnce() {
        String agent = unique("agent");
        String team = uniqueTeam("team");
        String first = evaluate(SVC, body(agent, team, "LIVE_MONITORING", false, "HANDLE_TIME", "iv-1")).statusCode(200)
                .body("decision", equalTo("ALLOW")).body("intensityIndex", equalTo(3.0f))
                .extract().path("decisionId");
        // the caller timed out and asks again about the same action: same answer, the index does not move
        evaluate(SVC, body(agent, team, "LIVE_MONITORING", false, "HANDLE_TIME", "iv-1")).statusCode(200)
                .body("decision", equalTo("ALLOW")).body("decisionId", equalTo(first))
                .body("intensityIndex", equalTo(3.0f));
        // another action is a new evaluation, and the cap of 2 live-monitoring sessions still has room for it
        evaluate(SVC, body(agent, team, "LIVE_MONITORING", false, "HANDLE_TIME", "iv-2")).statusCode(200)
                .body("decision", equalTo("ALLOW")).body("intensityIndex", equalTo(6.0f));
        evaluate(SVC, body(agent, team, "LIVE_MONITORING", false, "HANDLE_TIME", "iv-3")).statusCode(200)
                .body("decision", equalTo("DEFER"));
    }

    @Test
    void automatedPerformancePlanRequiresHumanReviewAndTheDecisionIsAudited() {
        String agent = unique("agent");
        try (io.wem.testing.TestKafka.Reader audit = io.wem.testing.TestKafka.reader(
                io.wem.common.events.Topics.AUDIT)) {
            String decisionId = evaluate(SVC, body(agent, "team-north", "PERFORMANCE_PLAN", true, null,
                    unique("plan"))).statusCode(200)
                    .body("decision", equalTo("REQUIRE_HUMAN_REVIEW"))
                    .body("earliestAt", nullValue())
                    .body("reasons[0]", containsString("requires a person")).extract().path("decisionId");
            var record = audit.await(r -> agent.equals(r.key()), Duration.ofSeconds(30));
            org.junit.jupiter.api.Assertions.assertNotNull(record, "audit record of the decision");
            var event = io.wem.common.events.Events.parse(record.value())
                    .dataAs(io.wem.common.contracts.AuditEvent.class);
            org.junit.jupiter.api.Assertions.assertEquals("DECIDE", event.action());
            org.junit.jupiter.api.Assertions.assertEquals("coaching-service", event.actor());
            org.junit.jupiter.api.Assertions.assertEquals("wellbeing-service:guardrail-decision", event.resource());
            org.junit.jupiter.api.Assertions.assertEquals(decisionId, event.auditId(), "one audit entry per decision");
            // governance stores it only if the trust policy lets wellbeing name its caller as the actor
            var envelope = io.wem.common.events.Events.parse(record.value());
            org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.empty(),
                    io.wem.common.signing.TrustPolicy.bindingViolation(envelope.type(), envelope.source(),
                            envelope.data()));
        }
    }

    @Test
    void forbiddenByTeamPolicyIsDenied() {
        String team = uniqueTeam("team");
        given().auth().oauth2(TestTokens.withRoles("admin1", "platform-admin")).contentType(ContentType.JSON)
                .body("{\"forbiddenActions\":[\"LIVE_MONITORING\"]}")
                .when().put("/api/v1/guardrails/policies/" + team).then().statusCode(200)
                .body("source", equalTo("TEAM")).body("policy.forbiddenActions", hasItem("LIVE_MONITORING"))
                .body("policy.kindCaps.QA_EVALUATION", equalTo(4));
        evaluate(SVC, body(unique("agent"), team, "LIVE_MONITORING", false, null, "live-1")).statusCode(200)
                .body("decision", equalTo("DENY"))
                .body("reasons[0]", containsString("does not allow live monitoring"));
    }

    @Test
    void aTeamTheDirectoryDoesNotHaveIsNotFoundNotCreated() {
        String unknown = unique("nowhere");
        String admin = TestTokens.withRoles("admin1", "platform-admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"forbiddenActions\":[\"LIVE_MONITORING\"]}")
                .when().put("/api/v1/guardrails/policies/" + unknown).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(admin).when().get("/api/v1/guardrails/policies/" + unknown).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.withRoles("planner", "wfm-planner")).when()
                .get("/api/v1/teams/" + unknown + "/wellbeing").then().statusCode(404)
                .contentType("application/problem+json");
        // Scope first: a supervisor of another team learns nothing about whether the team exists.
        given().auth().oauth2(TestTokens.supervisor("s1", uniqueTeam("mine"))).when()
                .get("/api/v1/guardrails/policies/" + unknown).then().statusCode(403);
    }

    @Test
    void badInputNamesTheField() {
        evaluate(SVC, body(unique("agent"), "team-north", "SPYING", false, null, "x")).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("actionKind"));
        evaluate(SVC, "{\"teamId\":\"t\",\"actionKind\":\"QA_EVALUATION\",\"requester\":\"c\",\"automated\":false}")
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("agentId"));
        evaluate(SVC, body(unique("agent"), "team-north", "COACHING_SESSION", false, "SHAMING", "x")).statusCode(400)
                .body("errors[0].field", equalTo("theme"));
        evaluate(SVC, "{\"agentId\":\"a\",\"actionKind\":\"QA_EVALUATION\",\"requester\":\"c\",\"automated\":false,"
                + "\"extra\":1}").statusCode(400).body("errors[0].field", equalTo("extra"));
        given().auth().oauth2(TestTokens.withRoles("admin1", "platform-admin")).contentType(ContentType.JSON)
                .body("{\"indexCap\":-1,\"recovery\":{\"breakMinutes\":0}}")
                .when().put("/api/v1/guardrails/policies/" + uniqueTeam("team")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("indexCap")).body("errors.field", hasItem("recovery.breakMinutes"));
    }

    @Test
    void evaluationSecurity() {
        String agent = unique("agent");
        String b = body(agent, "team-north", "QA_EVALUATION", false, null, "s-1");
        given().contentType(ContentType.JSON).body(b).when().post("/api/v1/guardrails/evaluations").then()
                .statusCode(401);
        evaluate(TestTokens.agent(agent, "team-north"), b).statusCode(403);
        evaluate(TestTokens.withRoles("qa1", "qa-analyst"), b).statusCode(403);
        evaluate(TestTokens.supervisor("sup-south", "team-south"), b).statusCode(403)
                .contentType("application/problem+json");
        evaluate(TestTokens.supervisor("sup-north", "team-north"), b).statusCode(200);
        // The service role counts only from coaching-service's client (azp): not from a person's wem-cli token, not
        // from another service (issue 14; before, both got the service's view of every agent).
        evaluate(TestTokens.withRoles("person-with-svc-role", "svc-guardrail"), b).statusCode(403)
                .contentType("application/problem+json");
        evaluate(TestTokens.user("sup-north-svc", java.util.List.of("supervisor", "svc-guardrail"),
                java.util.List.of("team-north"), null), b).statusCode(403);
        evaluate(TestTokens.service("signal-service", java.util.List.of("service", "svc-guardrail")), b)
                .statusCode(403);
        evaluate(TestTokens.user("admin-n", List.of("platform-admin"), List.of("team-north"), null), b)
                .statusCode(200);
        evaluate(TestTokens.withRoles("admin-x", "platform-admin"), b).statusCode(403);
    }

    @Test
    void policySecurity() {
        String team = uniqueTeam("team");
        given().when().get("/api/v1/guardrails/policies/" + team).then().statusCode(401);
        given().auth().oauth2(TestTokens.agent("a1", team)).when().get("/api/v1/guardrails/policies/" + team)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.supervisor("s1", "team-other")).when()
                .get("/api/v1/guardrails/policies/" + team).then().statusCode(403);
        given().auth().oauth2(TestTokens.supervisor("s1", team)).when().get("/api/v1/guardrails/policies/" + team)
                .then().statusCode(200).body("source", equalTo("DEFAULT")).body("policy.windowDays", equalTo(7));
        given().auth().oauth2(TestTokens.withRoles("admin1", "platform-admin")).when()
                .get("/api/v1/guardrails/policies/" + team).then().statusCode(200);
        given().contentType(ContentType.JSON).body("{}").when().put("/api/v1/guardrails/policies/" + team).then()
                .statusCode(401);
        given().auth().oauth2(TestTokens.supervisor("s1", team)).contentType(ContentType.JSON).body("{}")
                .when().put("/api/v1/guardrails/policies/" + team).then().statusCode(403);
    }
}
