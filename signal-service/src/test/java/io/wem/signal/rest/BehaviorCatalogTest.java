package io.wem.signal.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.wem.common.contracts.BuiltInBehaviors;
import io.wem.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static io.wem.signal.support.Signals.uid;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class BehaviorCatalogTest {
    static final String QA = TestTokens.withRoles("qa-lead", "qa-analyst");

    static String definition(String id, String window, int minSample) {
        return "{" + (id == null ? "" : "\"id\":\"" + id + "\",") + "\"name\":\"Empathy on chat complaints\","
                + "\"metric\":\"empathy_score\",\"filters\":{\"contactReason\":\"complaint\",\"channel\":\"chat\"},"
                + "\"comparison\":\"TEAM_PERCENTILE\",\"percentile\":25,\"direction\":\"LOWER_IS_WORSE\","
                + "\"window\":\"" + window + "\",\"minSample\":" + minSample + ",\"minEffectSize\":0.8,"
                + "\"gapTypeHints\":[\"SKILL\"],\"customerImpact\":0.9}";
    }

    @Test
    void theSevenBuiltInsAreSeeded() {
        given().auth().oauth2(TestTokens.agent("agent-north-01", "team-north")).when().get("/api/v1/behaviors")
                .then().statusCode(200).body("id", hasItems(BuiltInBehaviors.ALL.toArray(String[]::new)));
        given().auth().oauth2(QA).when().get("/api/v1/behaviors/" + BuiltInBehaviors.ACW_HABITS).then().statusCode(200)
                .body("metric", equalTo("acw_seconds")).body("satisfactionGuard", equalTo(true))
                .body("comparison", equalTo("TEAM_MEDIAN"));
        given().auth().oauth2(QA).when().get("/api/v1/behaviors/" + BuiltInBehaviors.BILLING_CONFIRMATION).then()
                .statusCode(200).body("filters.contactReason", equalTo("billing-dispute")).body("target", equalTo(0.95f));
        given().when().get("/api/v1/behaviors").then().statusCode(401);
        given().auth().oauth2(QA).when().get("/api/v1/behaviors/no-such").then().statusCode(404);
    }

    @Test
    void everyChangeIsANewVersion() {
        String id = uid("chat-empathy");
        given().auth().oauth2(QA).contentType("application/json").body(definition(id, "P30D", 8))
                .when().post("/api/v1/behaviors").then().statusCode(201).body("version", equalTo(1))
                .body("changedBy", equalTo("qa-lead"));
        given().auth().oauth2(QA).contentType("application/json").body(definition(id, "P30D", 8))
                .when().post("/api/v1/behaviors").then().statusCode(409);
        given().auth().oauth2(TestTokens.withRoles("admin", "platform-admin")).contentType("application/json")
                .body(definition(null, "P14D", 12)).when().put("/api/v1/behaviors/" + id).then().statusCode(200)
                .body("version", equalTo(2)).body("minSample", equalTo(12)).body("window", equalTo("PT336H"));
        given().auth().oauth2(QA).when().get("/api/v1/behaviors/" + id + "/versions").then().statusCode(200)
                .body("version", hasItems(1, 2)).body("changedBy", hasItem("admin"));
        given().auth().oauth2(QA).when().get("/api/v1/behaviors").then().body("find { it.id == '" + id + "' }.version",
                equalTo(2));
    }

    @Test
    void onlyQaAnalystsAndPlatformAdminsChangeTheCatalog() {
        String id = uid("x");
        given().auth().oauth2(TestTokens.supervisor("sup", "team-north")).contentType("application/json")
                .body(definition(id, "P30D", 8)).when().post("/api/v1/behaviors").then().statusCode(403);
        given().auth().oauth2(TestTokens.agent("agent-north-01", "team-north")).contentType("application/json")
                .body(definition(null, "P30D", 8)).when().put("/api/v1/behaviors/" + BuiltInBehaviors.TRANSFERS)
                .then().statusCode(403);
        given().contentType("application/json").body(definition(id, "P30D", 8)).when().post("/api/v1/behaviors")
                .then().statusCode(401);
        given().auth().oauth2(QA).contentType("application/json").body(definition(null, "P30D", 8))
                .when().put("/api/v1/behaviors/" + uid("missing")).then().statusCode(404);
    }

    @Test
    void invalidDefinitionsNameTheField() {
        given().auth().oauth2(QA).contentType("application/json").body(definition(uid("b"), "two weeks", 8))
                .when().post("/api/v1/behaviors").then().statusCode(400).body("errors[0].field", equalTo("window"));
        given().auth().oauth2(QA).contentType("application/json").body(definition(uid("b"), "P30D", 1))
                .when().post("/api/v1/behaviors").then().statusCode(400).body("errors.field", hasItem("minSample"));
        given().auth().oauth2(QA).contentType("application/json")
                .body(definition(uid("b"), "P30D", 8).replace("empathy_score", "vibes"))
                .when().post("/api/v1/behaviors").then().statusCode(400).body("errors.field", hasItem("metric"));
        given().auth().oauth2(QA).contentType("application/json")
                .body(definition(uid("b"), "P30D", 8).replace("\"channel\"", "\"mood\""))
                .when().post("/api/v1/behaviors").then().statusCode(400).body("errors.field", hasItem("filters.mood"));
        given().auth().oauth2(QA).contentType("application/json")
                .body(definition(uid("b"), "P30D", 8).replace("TEAM_PERCENTILE", "ABSOLUTE"))
                .when().post("/api/v1/behaviors").then().statusCode(400).body("errors.field", hasItem("target"));
    }
}
