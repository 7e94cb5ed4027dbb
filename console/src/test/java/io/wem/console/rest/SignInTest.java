package io.wem.console.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * What the console answers before anyone signs in, against the local Keycloak (realm wem, started by ./wem infra):
 * every page sends the browser to Keycloak's authorization endpoint with a PKCE challenge; only the styles, the
 * signed-out page and health answer without a session; every answer carries the strict headers.
 */
@QuarkusTest
class SignInTest {

    @Test
    void everyPageStartsTheCodeFlowWithPkce() {
        for (String page : new String[] {"/", "/me/plan", "/me/visibility", "/inbox", "/ciso/audit",
                "/ciso/compliance.csv", "/agents/agent-north-02/behaviors"}) {
            given().redirects().follow(false).get(page).then().statusCode(302)
                    .header("Location", startsWith("http://127.0.0.1:8180/realms/wem/protocol/openid-connect/auth?"))
                    .header("Location", containsString("client_id=wem-console"))
                    .header("Location", containsString("response_type=code"))
                    .header("Location", containsString("code_challenge_method=S256"))
                    .header("Location", containsString("code_challenge="))
                    .header("Set-Cookie", containsStringIgnoringCase("HttpOnly"));
        }
    }

    @Test
    void aFormPostWithoutSessionNeverReachesAService() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("to", "CANCELLED")
                .post("/inbox/some-id/transition").then().statusCode(302)
                .header("Location", startsWith("http://127.0.0.1:8180/realms/wem/"));
    }

    @Test
    void stylesAndTheSignedOutPageArePublicAndCarryTheStrictHeaders() {
        given().get("/static/console.css").then().statusCode(200)
                .header("Content-Security-Policy", equalTo("default-src 'none'; script-src 'self'; connect-src 'self'; "
                        + "style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; "
                        + "base-uri 'none'"))
                .header("X-Content-Type-Options", "nosniff");
        given().get("/static/console.js").then().statusCode(200).contentType(containsString("javascript"));
        given().get("/logged-out").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("X-Frame-Options", "DENY")
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("You are signed out"))
                // the console's own file is the only script: none inline, none from elsewhere
                .body(not(containsString("<script>"))).body(not(containsString("<script src=\"http")));
    }
}
