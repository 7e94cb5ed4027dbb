package io.wem.governance.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.wem.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class RedactionResourceTest {

    static final String BODY = "{\"texts\":[\"card 4111 1111 1111 1111 exp 12/27\",\"nothing here\"]}";

    static String svc() {
        return TestTokens.service("signal-service", List.of("service", "svc-redaction"));
    }

    @Test
    void noTokenIs401() {
        given().contentType(ContentType.JSON).body(BODY).post("/api/v1/redactions").then().statusCode(401);
    }

    @Test
    void peopleAndOtherServicesAre403() {
        for (String token : List.of(TestTokens.agent("agent-r1", "team-r"), TestTokens.withRoles("c1", "ciso"),
                TestTokens.withRoles("person-with-svc-role", "svc-redaction"),
                TestTokens.service("coaching-service", List.of("service")))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(BODY).post("/api/v1/redactions")
                    .then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void serviceAccountGetsRedactedTextsInOrder() {
        given().auth().oauth2(svc()).contentType(ContentType.JSON).body(BODY).post("/api/v1/redactions")
                .then().statusCode(200)
                .body("results", hasSize(2))
                .body("results[0].text", equalTo("card [PAN] exp [EXPIRY]"))
                .body("results[0].findings[0].type", equalTo("PAN"))
                .body("results[0].findings[0].start", equalTo(5))
                .body("results[0].findings[0].end", equalTo(24))
                .body("results[0].findings[1].type", equalTo("EXPIRY"))
                .body("results[1].text", equalTo("nothing here"))
                .body("results[1].findings", hasSize(0))
                .body("conversations", hasSize(0));
    }

    @Test
    void conversationsAreRedactedAcrossTurnsOfOneSpeaker() {
        String body = "{\"conversations\":[{\"turns\":["
                + "{\"speaker\":\"customer\",\"text\":\"it's 6210\"},"
                + "{\"speaker\":\"agent\",\"text\":\"okay\"},"
                + "{\"speaker\":\"customer\",\"text\":\"5294 3056 0575 458\"},"
                + "{\"speaker\":\"agent\",\"text\":\"and the three digits on the back?\"},"
                + "{\"speaker\":\"customer\",\"text\":\"seven one two\"}]}]}";
        given().auth().oauth2(svc()).contentType(ContentType.JSON).body(body).post("/api/v1/redactions")
                .then().statusCode(200)
                .body("results", hasSize(0))
                .body("conversations", hasSize(1))
                .body("conversations[0].turns", hasSize(5))
                .body("conversations[0].turns[0].text", equalTo("it's [PAN]"))
                .body("conversations[0].turns[0].findings[0].start", equalTo(5))
                .body("conversations[0].turns[1].text", equalTo("okay"))
                .body("conversations[0].turns[2].text", equalTo("[PAN]"))
                .body("conversations[0].turns[3].findings", hasSize(0))
                .body("conversations[0].turns[4].text", equalTo("[CVV]"));
    }

    @Test
    void badConversationsNameTheField() {
        given().auth().oauth2(svc()).contentType(ContentType.JSON).body("{\"conversations\":[null]}")
                .post("/api/v1/redactions").then().statusCode(400).body("errors[0].field", equalTo("conversations[0]"));
        given().auth().oauth2(svc()).contentType(ContentType.JSON).body("{\"conversations\":[{}]}")
                .post("/api/v1/redactions").then().statusCode(400)
                .body("errors[0].field", equalTo("conversations[0].turns"));
        given().auth().oauth2(svc()).contentType(ContentType.JSON)
                .body("{\"conversations\":[{\"turns\":[{\"speaker\":\"a\",\"text\":\"x\"},null]}]}")
                .post("/api/v1/redactions").then().statusCode(400)
                .body("errors[0].field", equalTo("conversations[0].turns[1]"));
        given().auth().oauth2(svc()).contentType(ContentType.JSON)
                .body("{\"conversations\":[{\"turns\":[{\"speaker\":\"a\"}]}]}")
                .post("/api/v1/redactions").then().statusCode(400)
                .body("errors[0].field", equalTo("conversations[0].turns[0].text"));
        // test profile: max-texts=5 counts texts and turns together
        given().auth().oauth2(svc()).contentType(ContentType.JSON)
                .body("{\"texts\":[\"a\",\"b\"],\"conversations\":[{\"turns\":[{\"text\":\"c\"},{\"text\":\"d\"},"
                        + "{\"text\":\"e\"},{\"text\":\"f\"}]}]}")
                .post("/api/v1/redactions").then().statusCode(413).contentType("application/problem+json")
                .body("errors[0].field", equalTo("conversations"));
    }

    @Test
    void keepLastFour() {
        given().auth().oauth2(svc()).contentType(ContentType.JSON)
                .body("{\"texts\":[\"card 5555555555554444\"],\"keepLastFour\":true}").post("/api/v1/redactions")
                .then().statusCode(200).body("results[0].text", equalTo("card [PAN ****4444]"));
    }

    @Test
    void badInputIsProblemJsonNamingTheField() {
        given().auth().oauth2(svc()).contentType(ContentType.JSON).body("{\"texts\":[\"a\"],\"colour\":1}")
                .post("/api/v1/redactions").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("colour"));
        given().auth().oauth2(svc()).contentType(ContentType.JSON).body("{\"texts\":")
                .post("/api/v1/redactions").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(svc()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/redactions").then().statusCode(400).body("errors[0].field", equalTo("texts"));
        given().auth().oauth2(svc()).contentType(ContentType.JSON).body("{\"texts\":[\"a\",null]}")
                .post("/api/v1/redactions").then().statusCode(400).body("errors[0].field", equalTo("texts[1]"));
    }

    @Test
    void oversizedBatchesAre413() {
        // test profile: max-texts=5, max-bytes=4096
        given().auth().oauth2(svc()).contentType(ContentType.JSON)
                .body("{\"texts\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]}").post("/api/v1/redactions")
                .then().statusCode(413).contentType("application/problem+json").body("errors[0].field", equalTo("texts"));
        String big = "x".repeat(4097);
        given().auth().oauth2(svc()).contentType(ContentType.JSON).body("{\"texts\":[\"" + big + "\"]}")
                .post("/api/v1/redactions").then().statusCode(413).contentType("application/problem+json");
    }
}
