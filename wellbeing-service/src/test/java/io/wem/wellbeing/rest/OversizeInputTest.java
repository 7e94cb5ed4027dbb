package io.wem.wellbeing.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.test.junit.QuarkusTest;
import io.wem.testing.OversizeAttack;
import io.wem.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Oversized policies, evaluations and contests: refused (400/413 problem+json), the policy left unchanged. */
@QuarkusTest
class OversizeInputTest {
    static final String ADMIN = TestTokens.withRoles("admin1", "platform-admin");
    static final String SVC = TestTokens.service("coaching-service", List.of("service", "svc-guardrail"));

    @Test
    void hugePolicyListsAndStringsAreRefusedAndNotStored() {
        String team = "team-ov-" + UUID.randomUUID();
        io.wem.testing.TestDirectory.addTeam(team);
        String path = "/api/v1/guardrails/policies/" + team;
        ObjectNode policy = OversizeAttack.example("PUT", "/api/v1/guardrails/policies/{teamId}");
        given().auth().oauth2(ADMIN).contentType("application/json").body(policy.toString()).when().put(path)
                .then().statusCode(200);
        String before = given().auth().oauth2(ADMIN).when().get(path).then().statusCode(200).extract().asString();

        OversizeAttack.refused(ADMIN, "PUT", path, OversizeAttack.withHugeArray(policy,
                "recovery.complaintReasons", TextNode.valueOf("complaint")), "recovery.complaintReasons");
        ObjectNode longReason = policy.deepCopy();
        longReason.putObject("recovery").putArray("complaintReasons").add("x".repeat(OversizeAttack.CHARS));
        OversizeAttack.refused(ADMIN, "PUT", path, longReason, "recovery.complaintReasons");

        given().auth().oauth2(ADMIN).when().get(path).then().statusCode(200).body(equalTo(before));
    }

    @Test
    void aTeamIdWithControlCharactersIsRefused() {
        ObjectNode policy = OversizeAttack.example("PUT", "/api/v1/guardrails/policies/{teamId}");
        for (String bad : new String[] {"team%01north", "team%0Anorth", "x".repeat(129), "%20team"}) {
            given().auth().oauth2(ADMIN).contentType("application/json").body(policy.toString())
                    .urlEncodingEnabled(false).when().put("/api/v1/guardrails/policies/" + bad).then()
                    .statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("errors.field", org.hamcrest.Matchers.hasItem("teamId"));
        }
    }

    @Test
    void hugeEvaluationAndContestStringsAreRefused() {
        ObjectNode eval = OversizeAttack.example("POST", "/api/v1/guardrails/evaluations");
        OversizeAttack.refused(SVC, "POST", "/api/v1/guardrails/evaluations",
                OversizeAttack.withHugeString(eval, "agentId"), "agentId");
        ObjectNode contest = OversizeAttack.example("POST", "/api/v1/me/contests");
        given().auth().oauth2(TestTokens.agent("agent-ov-" + UUID.randomUUID(), "team-north"))
                .contentType("application/json").body(OversizeAttack.withHugeString(contest, "statement").toString())
                .when().post("/api/v1/me/contests").then().statusCode(anyOf(equalTo(400), equalTo(413)))
                .contentType(startsWith("application/problem+json"));
    }
}
