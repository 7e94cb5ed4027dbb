package io.wem.testing;

import io.quarkus.runtime.configuration.MemorySize;
import io.restassured.path.json.JsonPath;
import io.wem.common.access.Endpoint;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every service proves about itself on real PostgreSQL and Kafka: it is healthy, documents itself,
 * and refuses callers without a token (401) or without a suite role (403). A service test extends this
 * with {@code @QuarkusTest @QuarkusTestResource(OidcWiremockTestResource.class)} (Quarkus finds test resources
 * only on the module's own test classes).
 */
public abstract class FoundationContract {

    @Test
    void healthIsUpWithDatabaseAndKafka() {
        Management.given().when().get("/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
        Management.given().when().get("/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void openApiDocumentIsServed() {
        Management.given().accept("application/json").when().get("/openapi").then().statusCode(200)
                .body("openapi", containsString("3."))
                .body("components.securitySchemes.bearer.type", equalTo("http"));
    }

    @Test
    void metricsAreServed() {
        Management.given().when().get("/metrics").then().statusCode(200).body(containsString("jvm_memory"));
    }

    /**
     * Attack: health, metrics, the OpenAPI document and Swagger UI must not be reachable on the public port (what an
     * Ingress or load balancer publishes); they answer only on the management interface.
     */
    @Test
    void managementEndpointsAreNotOnThePublicPort() {
        for (String path : List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi",
                "/q/swagger-ui", "/q/swagger-ui/index.html")) {
            given().when().get(path).then().statusCode(404);
        }
        Management.given().when().get("/swagger-ui/index.html").then().statusCode(200);
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

    /** What the running service publishes is what its classes declare: no resource missed, none invented. */
    @Test
    void accessMatrixIsPublishedFromTheCode() {
        given().auth().oauth2(TestTokens.agent("agent-north-01", "team-north"))
                .when().get("/api/v1/internal/access-matrix").then().statusCode(403);
        JsonPath published = given().auth().oauth2(TestTokens.service("governance-service", List.of("service")))
                .when().get("/api/v1/internal/access-matrix").then().statusCode(200).extract().jsonPath();
        List<String> runtime = new ArrayList<>();
        List<String> methods = published.getList("endpoints.method", String.class);
        List<String> paths = published.getList("endpoints.path", String.class);
        List<List<String>> roles = published.getList("endpoints.roles");
        for (int i = 0; i < methods.size(); i++) {
            runtime.add(methods.get(i) + " " + paths.get(i) + " " + roles.get(i));
        }
        List<String> scanned = AccessDeclarations.endpoints().stream()
                .map(e -> e.key() + " " + e.roles()).sorted().toList();
        assertEquals(scanned, runtime.stream().sorted().toList());
        assertEquals(List.of(), published.getList("undeclared"));
    }
}
