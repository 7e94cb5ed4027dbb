package io.wem.signal.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wem.signal.support.GovernanceStub;
import io.wem.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * A body over Quarkus' HTTP limit (quarkus.http.limits.max-body-size, 4M here) is answered 413 problem+json naming
 * the body, not with Quarkus' empty 413 and a closed connection (issue #20).
 */
@QuarkusTest
@QuarkusTestResource(GovernanceStub.class)
class BodyLimitTest {

    @Test
    void aBodyOverTheHttpLimitIs413ProblemJsonNamingTheBody() {
        String big = "{\"signals\":[],\"pad\":\"" + "x".repeat(4 * 1024 * 1024 + 1) + "\"}";
        given().auth().oauth2(TestTokens.service("contact-center-connector", List.of("integration")))
                .contentType("application/json").body(big)
                .post("/api/v1/signals").then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413)).body("errors[0].field", equalTo("body"));
    }
}
