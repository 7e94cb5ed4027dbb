package io.wem.signal.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wem.signal.support.GovernanceStub;
import io.wem.testing.TestDirectory;
import io.wem.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.wem.signal.support.Signals.batch;
import static io.wem.signal.support.Signals.interaction;
import static io.wem.signal.support.Signals.uid;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Attack: a signal (or a token claim) says agent X is in team Y; Y's supervisor still cannot read X's data. */
@QuarkusTest
@QuarkusTestResource(GovernanceStub.class)
class DirectoryScopingTest {

    private static final String INTEGRATION = TestTokens.service("cc", List.of("integration"));

    @Inject
    DataSource db;

    @AfterEach
    void directoryUp() {
        TestDirectory.setDown(false);
    }

    @Test
    void aSignalCannotMoveAnAgentIntoAnotherTeam() {
        String agent = uid("agent");
        String home = uid("team-home");
        String target = uid("team-target");
        TestDirectory.placeAgent(agent, home);
        String targetSupervisor = TestTokens.supervisor(uid("sup-target"), target);
        String homeSupervisor = TestTokens.supervisor(uid("sup-home"), home);
        given().auth().oauth2(INTEGRATION).contentType("application/json")
                .body(batch(interaction(uid("e"), uid("int"), agent, target, Instant.now().minusSeconds(60), 30, 0, 0,
                        false, "x")))
                .when().post("/api/v1/signals").then().statusCode(202).body("accepted", equalTo(1));
        // stored under the directory's team, so team-level detection and aggregates see it where it belongs
        assertEquals(home, one("SELECT team_id FROM signal_interaction WHERE agent_id = ?", agent));
        given().auth().oauth2(targetSupervisor).when().get("/api/v1/agents/" + agent + "/behaviors")
                .then().statusCode(403);
        given().auth().oauth2(homeSupervisor).when().get("/api/v1/agents/" + agent + "/behaviors")
                .then().statusCode(200);
    }

    @Test
    void aTeamsClaimTheDirectoryDoesNotBackGrantsNothing() {
        String agent = uid("agent");
        String team = uid("team");
        TestDirectory.placeAgent(agent, team);
        String forged = TestTokens.claimOnly(uid("sup-claim"), List.of("supervisor"), List.of(team), null);
        given().auth().oauth2(forged).when().get("/api/v1/agents/" + agent + "/behaviors").then().statusCode(403);
        given().auth().oauth2(forged).when().get("/api/v1/teams/" + team + "/gaps").then().statusCode(403);
    }

    @Test
    void withoutTheDirectoryReadsAndIngestionFailClosed() {
        String agent = uid("agent");
        String team = uid("team");
        TestDirectory.placeAgent(agent, team);
        String sup = TestTokens.supervisor(uid("sup"), team);
        TestDirectory.setDown(true);
        given().auth().oauth2(sup).when().get("/api/v1/agents/" + agent + "/behaviors").then().statusCode(503)
                .contentType("application/problem+json");
        given().auth().oauth2(INTEGRATION).contentType("application/json")
                .body(batch(interaction(uid("e"), uid("int"), agent, team, Instant.now().minusSeconds(60), 30, 0, 0,
                        false, "x")))
                .when().post("/api/v1/signals").then().statusCode(503);
        assertEquals(null, one("SELECT team_id FROM signal_interaction WHERE agent_id = ?", agent));
    }

    private String one(String sql, String arg) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
