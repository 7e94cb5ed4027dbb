package io.wem.signal.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.wem.testing.TestDirectory;
import io.wem.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;

/** Issue #20: a team id in a path that the directory does not have is a 404, not an empty team. */
@QuarkusTest
class TeamGapsTest {

    private static final String QA = TestTokens.withRoles("qa1", "qa-analyst");

    @Test
    void anUnknownTeamIsNotFound() {
        String unknown = "team-nowhere-" + UUID.randomUUID();
        given().auth().oauth2(QA).when().get("/api/v1/teams/" + unknown + "/gaps").then().statusCode(404)
                .contentType("application/problem+json");
        // Scope first: a supervisor of another team gets 403 and learns nothing about whether the team exists.
        given().auth().oauth2(TestTokens.supervisor("sup1", "team-" + UUID.randomUUID())).when()
                .get("/api/v1/teams/" + unknown + "/gaps").then().statusCode(403);
    }

    @Test
    void aKnownTeamWithoutGapsAnswersAnEmptyList() {
        String team = "team-quiet-" + UUID.randomUUID();
        TestDirectory.addTeam(team);
        given().auth().oauth2(QA).when().get("/api/v1/teams/" + team + "/gaps").then().statusCode(200)
                .body("$", empty());
    }
}
