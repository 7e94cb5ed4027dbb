package io.wem.wellbeing.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.wem.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Inputs that third-party fuzzers sent and that answered 404 or 500, or were stored, before wem-common's edge rules. */
@QuarkusTest
class EdgeInputTest {
    static final String ADMIN = TestTokens.withRoles("platform-admin-1", "platform-admin");
    static final String WFM = TestTokens.withRoles("wfm-1", "wfm-planner");

    @Test
    void aQueryParameterOfTheWrongTypeIsA400NamingIt() {
        for (String bad : List.of("abc", "2147483648", "1.5")) {
            given().auth().oauth2(WFM).queryParam("teamId", "team-north").queryParam("limit", bad)
                    .when().get("/api/v1/alerts").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"))
                    .body("detail", not(containsString(bad)));
        }
    }

    @Test
    void nullInsideAListIsA400NamingTheField() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"recovery\":{\"complaintReasons\":[null]}}")
                .when().put("/api/v1/guardrails/policies/team-edge").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", containsString("complaintReasons"));
    }

    @Test
    void aBooleanOrNumberWhereAStringIsExpectedIsRefused() {
        String svc = GuardrailApiTest.SVC;
        for (String scalar : List.of("false", "0", "1.5")) {
            given().auth().oauth2(svc).contentType(ContentType.JSON)
                    .body(GuardrailApiTest.body("agent-x", "team-x", "QA_EVALUATION", false, null, "ref-1")
                            .replace("\"agentId\":\"agent-x\"", "\"agentId\":" + scalar))
                    .when().post("/api/v1/guardrails/evaluations").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("agentId"));
        }
    }
}
