package io.wem.coaching.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.wem.common.contracts.BehaviorGapDetected;
import io.wem.common.contracts.BuiltInBehaviors;
import io.wem.common.contracts.GapType;
import io.wem.testing.TestDirectory;
import io.wem.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.wem.coaching.it.Fixtures.*;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every intervention names a person, or is visibly UNASSIGNED until a supervisor hands it to one. */
@QuarkusTest
@QuarkusTestResource(StubServices.class)
class NamedOwnerTest {

    @Test
    void theDirectorysCoachOwnsTheCoachingByName() {
        String team = id("team");
        String agent = id("agent");
        TestDirectory.placeAgent(agent, team);
        String coach = teamCoach(team);
        BehaviorGapDetected g = sendGap(agent, team, BuiltInBehaviors.BILLING_CONFIRMATION, GapType.SKILL);
        Map<String, Object> i = awaitIntervention(team, g.gapId(), inState("ASSIGNED"));
        assertEquals("coach-of-" + team, i.get("owner"));
        assertEquals("coach:" + team + ":coach-of-" + team, i.get("ownerKey"));
        transition((String) i.get("id"), "IN_PROGRESS", coach).statusCode(200);
    }

    @Test
    void nobodyAssignedIsUnassignedVisibleAndReassignable() {
        String team = id("team");
        String agent = id("agent");
        BehaviorGapDetected g = gap(id("gap"), agent, team, BuiltInBehaviors.ACW_HABITS, GapType.PROCESS, List.of(agent));
        send(envelope(g));
        Map<String, Object> i = awaitIntervention(team, g.gapId(), inState("ASSIGNED"));
        String id = (String) i.get("id");
        assertEquals("UNASSIGNED", i.get("owner"));
        assertEquals("process-owner:" + team, i.get("ownerKey"));
        String sup = supervisor(team);
        given().auth().oauth2(sup).queryParam("teamId", team).queryParam("owner", "UNASSIGNED")
                .get("/api/v1/interventions").then().statusCode(200).body("id", hasItem(id));

        String po = id("po");
        String poToken = TestTokens.withRoles(po, "process-owner");
        // not (yet) a process owner of this team in the directory: refused, nothing changes
        reassign(sup, id, po).statusCode(400).body("errors[0].field", equalTo("owner"));
        TestDirectory.addAssignment(po, "process-owner", team);
        reassign(supervisor(id("other-team")), id, po).statusCode(403);
        reassign(sup, id, po).statusCode(200).body("owner", equalTo(po))
                .body("ownerKey", equalTo("process-owner:" + team + ":" + po));
        // a process owner of another team no longer acts on it; the named owner does
        String otherPo = id("po-other");
        TestDirectory.addAssignment(otherPo, "process-owner", id("elsewhere"));
        transition(id, "IN_PROGRESS", TestTokens.withRoles(otherPo, "process-owner")).statusCode(403);
        transition(id, "IN_PROGRESS", poToken).statusCode(200);
        given().auth().oauth2(poToken).get("/api/v1/interventions").then().statusCode(200).body("id", hasItem(id));
    }

    private static io.restassured.response.ValidatableResponse reassign(String token, String id, String owner) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"owner\":\"" + owner + "\",\"reason\":\"test\"}")
                .post("/api/v1/interventions/" + id + "/owner").then();
    }
}
