package io.wem.testing;

import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/**
 * What every service proves about itself on real PostgreSQL and Kafka: it is healthy, documents itself,
 * and refuses callers without a token (401) or without a suite role (403). A service test extends this
 * with {@code @QuarkusTest @QuarkusTestResource(OidcWiremockTestResource.class)} (Quarkus finds test resources
 * only on the module's own test classes).
 */
public abstract class FoundationContract {

    @Test
    void healthIsUpWithDatabaseAndKafka() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void openApiDocumentIsServed() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("openapi", containsString("3."))
                .body("components.securitySchemes.bearer.type", equalTo("http"));
    }

    @Test
    void metricsAreServed() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory"));
    }

    @Test
    void aBodyOverTheLimitIsRefusedAsProblemJson() {
        long limit = ConfigProvider.getConfig().getValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .asLongValue();
        byte[] body = new byte[(int) limit + 1];
        Arrays.fill(body, (byte) ' ');
        given().contentType("application/json").body(body).when().post("/api/v1/identity").then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void identityRequiresAToken() {
        given().when().get("/api/v1/identity").then().statusCode(401);
    }

    @Test
    void identityRequiresASuiteRole() {
        given().auth().oauth2(TestTokens.noRoles()).when().get("/api/v1/identity").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void identityReflectsTheToken() {
        given().auth().oauth2(TestTokens.supervisor("supervisor1", "team-north"))
                .when().get("/api/v1/identity").then().statusCode(200)
                .body("username", equalTo("supervisor1"))
                .body("roles", hasItem("supervisor"))
                .body("teams", hasItem("team-north"));
        given().auth().oauth2(TestTokens.agent("agent-north-01", "team-north"))
                .when().get("/api/v1/identity").then().statusCode(200)
                .body("agentId", equalTo("agent-north-01"));
    }
}
