package io.wem.coaching.it;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.wem.common.contracts.BehaviorGapDetected;
import io.wem.common.contracts.BuiltInBehaviors;
import io.wem.common.contracts.GapType;
import io.wem.common.events.Topics;
import io.wem.testing.TestKafka;
import io.wem.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.wem.coaching.it.Fixtures.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** State machine over REST, review queue, the agent's participation, backlog and scoping. */
@QuarkusTest
class InterventionWorkflowTest {

    /** An assigned coaching for a fresh agent and team: [teamId, agentId, interventionId]. */
    static String[] assignedCoaching(String behavior) {
        String team = id("team");
        String agent = id("agent");
        BehaviorGapDetected g = sendGap(agent, team, behavior, GapType.SKILL);
        Map<String, Object> i = awaitIntervention(team, g.gapId(), inState("ASSIGNED"));
        return new String[]{team, agent, (String) i.get("id")};
    }

    @Test
    void ownerMovesThroughTheStateMachineAndIllegalMovesAre409() {
        String[] a = assignedCoaching(BuiltInBehaviors.BILLING_CONFIRMATION);
        String coach = coach(a[0]);
        transition(a[2], "COMPLETED", coach).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("ASSIGNED -> COMPLETED"));
        transition(a[2], "CLOSED_EFFECTIVE", coach).statusCode(409).body("detail", containsString("ASSIGNED -> CLOSED_EFFECTIVE"));
        given().auth().oauth2(coach).contentType(ContentType.JSON).body("{\"to\":\"SOMEWHERE\"}")
                .post("/api/v1/interventions/" + a[2] + "/transitions").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(coach).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/interventions/" + a[2] + "/transitions").then().statusCode(400);
        // The supervisor of the team may read but not move the coach's work; another team's coach neither.
        transition(a[2], "SCHEDULED", supervisor(a[0])).statusCode(403);
        transition(a[2], "SCHEDULED", coach(id("team"))).statusCode(403);
        transition(a[2], "SCHEDULED", TestTokens.agent(a[1], a[0])).statusCode(403);
        transition(a[2], "SCHEDULED", null).statusCode(401);

        try (TestKafka.Reader monitoring = TestKafka.reader(Topics.MONITORING)) {
            transition(a[2], "SCHEDULED", coach).statusCode(200).body("state", equalTo("SCHEDULED"));
            transition(a[2], "IN_PROGRESS", coach).statusCode(200).body("state", equalTo("IN_PROGRESS"))
                    .body("firstCoachingAt", notNullValue());
            ConsumerRecord<String, String> m = monitoring.await(r -> r.value().contains(a[2]), Duration.ofSeconds(20));
            assertNotNull(m, "MonitoringEvent for the coaching session");
            assertEquals(a[1], m.key());
            assertTrue(m.value().contains("\"kind\":\"COACHING_SESSION\"") && m.value().contains("\"theme\":\"COMPLIANCE\"")
                    && m.value().contains("\"automated\":false"), m.value());
        }
        transition(a[2], "COMPLETED", coach).statusCode(200).body("state", equalTo("FOLLOW_UP"))
                .body("followUpDueAt", notNullValue())
                .body("history.to", hasItem("COMPLETED"))
                .body("history.note", hasItem("test note for IN_PROGRESS"));
        transition(a[2], "CANCELLED", coach).statusCode(409).body("detail", containsString("FOLLOW_UP -> CANCELLED"));
    }

    @Test
    void humanReviewQueueApproveAndReject() {
        String team = id("team");
        String a1 = id("agent");
        String a2 = id("agent");
        guardrailFor(a1, "REQUIRE_HUMAN_REVIEW", null);
        guardrailFor(a2, "REQUIRE_HUMAN_REVIEW", null);
        BehaviorGapDetected g1 = sendGap(a1, team, BuiltInBehaviors.TRANSFERS, GapType.MOTIVATION);
        BehaviorGapDetected g2 = sendGap(a2, team, BuiltInBehaviors.TRANSFERS, GapType.MOTIVATION);
        String id1 = (String) awaitIntervention(team, g1.gapId(), inState("AWAITING_REVIEW")).get("id");
        String id2 = (String) awaitIntervention(team, g2.gapId(), inState("AWAITING_REVIEW")).get("id");
        String sup = supervisor(team);
        given().auth().oauth2(sup).get("/api/v1/reviews").then().statusCode(200)
                .body("id", hasItem(id1)).body("id", hasItem(id2));
        given().auth().oauth2(sup).queryParam("teamId", id("team")).get("/api/v1/reviews").then().statusCode(403);
        given().auth().oauth2(supervisor(id("team"))).get("/api/v1/reviews").then().statusCode(200).body("id", not(hasItem(id1)));
        given().auth().oauth2(role("wfm-planner")).get("/api/v1/reviews").then().statusCode(403);
        given().get("/api/v1/reviews").then().statusCode(401);

        given().auth().oauth2(supervisor(id("team"))).contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\"}")
                .post("/api/v1/interventions/" + id1 + "/review").then().statusCode(403);
        given().auth().oauth2(sup).contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\",\"note\":\"back from leave\"}")
                .post("/api/v1/interventions/" + id1 + "/review").then().statusCode(200).body("state", equalTo("ASSIGNED"));
        given().auth().oauth2(sup).contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\"}")
                .post("/api/v1/interventions/" + id1 + "/review").then().statusCode(409);
        given().auth().oauth2(sup).contentType(ContentType.JSON).body("{\"decision\":\"REJECT\",\"note\":\"on a performance plan already\"}")
                .post("/api/v1/interventions/" + id2 + "/review").then().statusCode(200).body("state", equalTo("CANCELLED"))
                .body("cancelReason", containsString("on a performance plan already"));
    }

    @Test
    void agentSeesOwnPlanAndTakesPart() {
        String[] a = assignedCoaching(BuiltInBehaviors.REPEAT_CONTACTS);
        String me = TestTokens.agent(a[1], a[0]);
        given().auth().oauth2(me).get("/api/v1/me/interventions").then().statusCode(200)
                .body("id", equalTo(List.of(a[2])))
                // the plan's histories are loaded for the whole page at once: each row still gets its own
                .body("[0].history", not(hasSize(0)))
                .body("[0].history.to", hasItem("ASSIGNED"));
        // Another agent of the same team sees nothing of it and cannot touch it.
        String other = TestTokens.agent(id("agent"), a[0]);
        given().auth().oauth2(other).get("/api/v1/me/interventions").then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(other).post("/api/v1/me/interventions/" + a[2] + "/acknowledge").then().statusCode(403);
        given().auth().oauth2(coach(a[0])).get("/api/v1/me/interventions").then().statusCode(403);
        given().get("/api/v1/me/interventions").then().statusCode(401);

        given().auth().oauth2(me).post("/api/v1/me/interventions/" + a[2] + "/acknowledge").then().statusCode(200)
                .body("acknowledgedAt", notNullValue());
        given().auth().oauth2(me).contentType(ContentType.JSON).body("{\"text\":\"" + "x".repeat(2001) + "\"}")
                .post("/api/v1/me/interventions/" + a[2] + "/reflection").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("text"));
        given().auth().oauth2(me).contentType(ContentType.JSON).body("{\"text\":\"I end calls before checking the article.\"}")
                .post("/api/v1/me/interventions/" + a[2] + "/reflection").then().statusCode(200)
                .body("reflection", equalTo("I end calls before checking the article."));
        given().auth().oauth2(me).contentType(ContentType.JSON).body("{\"goal\":\"Check the article before I end every call on billing questions\"}")
                .post("/api/v1/me/interventions/" + a[2] + "/goal").then().statusCode(200)
                .body("proposedGoal", equalTo("Check the article before I end every call on billing questions"));
        given().auth().oauth2(me).contentType(ContentType.JSON).body("{\"reason\":\"Two of the example calls were transfers.\"}")
                .post("/api/v1/me/interventions/" + a[2] + "/dispute").then().statusCode(200)
                .body("disputeReason", equalTo("Two of the example calls were transfers."));
        given().auth().oauth2(me).contentType(ContentType.JSON).body("{\"bogus\":1}")
                .post("/api/v1/me/interventions/" + a[2] + "/dispute").then().statusCode(400);

        // The coach agrees the agent's wording; another team's coach may not.
        given().auth().oauth2(coach(id("team"))).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/interventions/" + a[2] + "/goal").then().statusCode(403);
        given().auth().oauth2(role("agent")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/interventions/" + a[2] + "/goal").then().statusCode(403);
        given().auth().oauth2(coach(a[0])).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/interventions/" + a[2] + "/goal").then().statusCode(200)
                .body("goal", equalTo("Check the article before I end every call on billing questions"))
                .body("proposedGoal", nullValue());

        // The team's supervisor reads notes and reflection; ciso, platform-admin and other teams do not.
        given().auth().oauth2(supervisor(a[0])).get("/api/v1/interventions/" + a[2]).then().statusCode(200)
                .body("reflection", equalTo("I end calls before checking the article."))
                .body("history", not(hasSize(0)));
        given().auth().oauth2(role("ciso")).get("/api/v1/interventions/" + a[2]).then().statusCode(403)
                .body(not(containsString("checking the article")));
        given().auth().oauth2(TestTokens.user(id("ciso"), List.of("ciso"), List.of(a[0]), null))
                .get("/api/v1/interventions/" + a[2]).then().statusCode(403);
        given().auth().oauth2(role("platform-admin")).get("/api/v1/interventions/" + a[2]).then().statusCode(403);
        given().auth().oauth2(supervisor(id("team"))).get("/api/v1/interventions/" + a[2]).then().statusCode(403);
        given().auth().oauth2(role("ciso")).queryParam("teamId", a[0]).get("/api/v1/interventions").then().statusCode(403);
        given().auth().oauth2(TestTokens.agent(a[1], a[0])).get("/api/v1/interventions/" + a[2]).then().statusCode(403);
        given().get("/api/v1/interventions/" + a[2]).then().statusCode(401);
        given().auth().oauth2(coach(a[0])).get("/api/v1/interventions/does-not-exist").then().statusCode(404);
    }

    @Test
    void listIsScopedByTeamAndRole() {
        String[] a = assignedCoaching(BuiltInBehaviors.HOLD_USAGE);
        given().auth().oauth2(supervisor(a[0])).queryParam("teamId", a[0]).queryParam("state", "ASSIGNED")
                .get("/api/v1/interventions").then().statusCode(200).body("id", hasItem(a[2]));
        given().auth().oauth2(supervisor(a[0])).queryParam("teamId", a[0]).queryParam("state", "CANCELLED")
                .get("/api/v1/interventions").then().statusCode(200).body("id", not(hasItem(a[2])));
        given().auth().oauth2(supervisor(id("team"))).queryParam("teamId", a[0]).get("/api/v1/interventions")
                .then().statusCode(403);
        // A process owner sees process fixes of any team, not the agent coachings.
        given().auth().oauth2(role("process-owner")).queryParam("teamId", a[0]).get("/api/v1/interventions")
                .then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(role("qa-analyst")).get("/api/v1/interventions").then().statusCode(403);
        given().auth().oauth2(TestTokens.agent(a[1], a[0])).get("/api/v1/interventions").then().statusCode(403);
        given().get("/api/v1/interventions").then().statusCode(401);
    }

    @Test
    void backlogShowsCapacityBreachesPerOwner() {
        String team = id("team");
        teamCoach(team);    // the directory names one coach: every coaching of the team is theirs by name
        String owner = "coach:" + team + ":coach-of-" + team;
        for (int k = 0; k < 3; k++) {
            BehaviorGapDetected g = sendGap(id("agent"), team, BuiltInBehaviors.BILLING_CONFIRMATION, GapType.SKILL);
            awaitIntervention(team, g.gapId(), inState("ASSIGNED"));
        }
        String admin = role("platform-admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"weeklyCapacity\":2}")
                .put("/api/v1/owners/" + owner + "/capacity").then().statusCode(200)
                .body("weeklyCapacity", equalTo(2));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"weeklyCapacity\":-1}")
                .put("/api/v1/owners/coach:" + team + "/capacity").then().statusCode(400)
                .body("errors[0].field", equalTo("weeklyCapacity"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"weeklyCapacity\":2}")
                .put("/api/v1/owners/boss:" + team + "/capacity").then().statusCode(400)
                .body("errors[0].field", equalTo("ownerKey"));
        given().auth().oauth2(coach(team)).contentType(ContentType.JSON).body("{\"weeklyCapacity\":50}")
                .put("/api/v1/owners/coach:" + team + "/capacity").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"weeklyCapacity\":50}")
                .put("/api/v1/owners/coach:" + team + "/capacity").then().statusCode(401);

        given().auth().oauth2(supervisor(team)).queryParam("teamId", team).get("/api/v1/backlog").then().statusCode(200)
                .body("find { it.ownerKey == '" + owner + "' }.openCount", equalTo(3))
                .body("find { it.ownerKey == '" + owner + "' }.weeklyCapacity", equalTo(2))
                .body("find { it.ownerKey == '" + owner + "' }.dueWithinWeek", equalTo(3))
                .body("find { it.ownerKey == '" + owner + "' }.capacityBreached", equalTo(true))
                .body("find { it.ownerKey == '" + owner + "' }.overdueCount", equalTo(0));
        given().auth().oauth2(supervisor(id("team"))).queryParam("teamId", team).get("/api/v1/backlog").then().statusCode(403);
        given().auth().oauth2(role("wfm-planner")).queryParam("teamId", team).get("/api/v1/backlog").then().statusCode(200);
        given().auth().oauth2(role("agent")).get("/api/v1/backlog").then().statusCode(403);
        given().get("/api/v1/backlog").then().statusCode(401);
    }

    @Test
    void malformedGapsGoToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String team = id("team");
        String agent = id("agent");
        try (TestKafka.Reader dlq = TestKafka.reader("wem.dlq.coaching-service.gaps.v1")) {
            String marker = id("broken");
            TestKafka.send(Topics.GAPS, agent, "{not json " + marker);
            BehaviorGapDetected noTeam = gap(id("gap"), agent, null, BuiltInBehaviors.TRANSFERS, GapType.SKILL, List.of());
            send(envelope(noTeam));
            assertNotNull(dlq.await(r -> r.value().contains(marker), Duration.ofSeconds(30)), "unparseable message in DLQ");
            assertNotNull(dlq.await(r -> r.value().contains(noTeam.gapId()), Duration.ofSeconds(30)), "gap without team in DLQ");
        }
        BehaviorGapDetected ok = sendGap(agent, team, BuiltInBehaviors.TRANSFERS, GapType.SKILL);
        awaitIntervention(team, ok.gapId(), inState("ASSIGNED"));
    }
}
