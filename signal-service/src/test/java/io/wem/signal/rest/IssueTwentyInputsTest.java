package io.wem.signal.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.wem.common.contracts.BuiltInBehaviors;
import io.wem.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static io.wem.signal.support.Signals.uid;
import static org.hamcrest.Matchers.startsWith;

/**
 * The inputs issue #20 lists by name for signal-service, replayed: each was a 500 (null inside a map reaching
 * Map.copyOf) or was stored as something else ("false" as an agent id); each must be a 400 problem+json naming it.
 */
@QuarkusTest
class IssueTwentyInputsTest {
    static final String QA = BehaviorCatalogTest.QA;

    @Test
    void nullInsideTheFiltersMapIsA400NamingTheFilters() {
        String withNull = BehaviorCatalogTest.definition(uid("b"), "P30D", 8)
                .replace("\"channel\":\"chat\"", "\"channel\":\"chat\",\"x\":null");
        given().auth().oauth2(QA).contentType("application/json").body(withNull)
                .when().post("/api/v1/behaviors").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", startsWith("filters"));
        String nullReason = BehaviorCatalogTest.definition(null, "P30D", 8)
                .replace("\"contactReason\":\"complaint\"", "\"contactReason\":null");
        given().auth().oauth2(QA).contentType("application/json").body(nullReason)
                .when().put("/api/v1/behaviors/" + BuiltInBehaviors.ACW_HABITS).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", startsWith("filters"));
    }

    @Test
    void falseOrZeroWhereAStringIsExpectedIsRefused() {
        for (String scalar : new String[] {"false", "0"}) {
            String body = "{\"signals\":[" + io.wem.signal.support.Signals.adherence(uid("e"), "AGENT", "team-north",
                    0.9, java.time.Instant.now().minusSeconds(3600)).replace("\"AGENT\"", scalar) + "]}";
            given().auth().oauth2(TestTokens.service("contact-center-connector", java.util.List.of("integration")))
                    .contentType("application/json").body(body).when().post("/api/v1/signals").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", startsWith("signals[0]"));
        }
    }
}
