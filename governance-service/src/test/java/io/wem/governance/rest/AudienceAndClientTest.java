package io.wem.governance.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.wem.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/**
 * Tokens of the realm that were not meant for governance-service (audience), and internal endpoints called with a
 * realm role from the wrong client (azp). Before: any token of the realm was accepted by every service, and the
 * internal subject endpoints admitted anyone holding svc-subject-requests, whichever client issued the token.
 */
@QuarkusTest
class AudienceAndClientTest {

    @Test
    void aTokenForAnotherServiceIs401() {
        String forSignal = TestTokens.user(Set.of("signal-service"), "ciso-aud", List.of("ciso"), List.of(), null);
        given().auth().oauth2(forSignal).get("/api/v1/audit/verify").then().statusCode(401);
        String forAccount = TestTokens.user(Set.of("account"), "ciso-aud", List.of("ciso"), List.of(), null);
        given().auth().oauth2(forAccount).get("/api/v1/audit/verify").then().statusCode(401);
        String forGovernance = TestTokens.user(Set.of("governance-service"), "ciso-aud", List.of("ciso"), List.of(),
                null);
        given().auth().oauth2(forGovernance).get("/api/v1/audit/verify").then().statusCode(200);
    }

    @Test
    void aUserTokenWithTheServiceRoleOnAnInternalEndpointIs403() {
        String path = "/api/v1/internal/subjects/agent-aud-1";
        // wem-cli (a person's login) holding the service role by mistake or malice
        String viaCli = TestTokens.withRoles("person-with-svc-role", "svc-subject-requests");
        given().auth().oauth2(viaCli).get(path).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("client"));
        given().auth().oauth2(viaCli).delete(path).then().statusCode(403);
        // another service's client holding the role
        String otherClient = TestTokens.service("signal-service", List.of("service", "svc-subject-requests"));
        given().auth().oauth2(otherClient).get(path).then().statusCode(403);
        // the one allowed client
        String governance = TestTokens.service("governance-service", List.of("service", "svc-subject-requests"));
        given().auth().oauth2(governance).get(path).then().statusCode(200);
    }

    @Test
    void redactionOnlyForTheClientsThatStoreFreeText() {
        String body = "{\"texts\":[\"nothing here\"]}";
        // wellbeing stores no free text: its client is refused even with the role
        given().auth().oauth2(TestTokens.service("wellbeing-service", List.of("service", "svc-redaction")))
                .contentType(ContentType.JSON).body(body).post("/api/v1/redactions").then().statusCode(403);
        // coaching's client without the role is refused too
        given().auth().oauth2(TestTokens.service("coaching-service", List.of("service")))
                .contentType(ContentType.JSON).body(body).post("/api/v1/redactions").then().statusCode(403);
        for (String client : List.of("signal-service", "coaching-service")) {
            given().auth().oauth2(TestTokens.service(client, List.of("service", "svc-redaction")))
                    .contentType(ContentType.JSON).body(body).post("/api/v1/redactions").then().statusCode(200);
        }
    }
}
