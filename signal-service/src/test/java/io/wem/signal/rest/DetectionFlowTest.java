package io.wem.signal.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.wem.common.contracts.BehaviorGapDetected;
import io.wem.common.events.Events;
import io.wem.signal.service.MeasurementPublisher;
import io.wem.testing.TestKafka;
import io.wem.testing.TestTokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.wem.signal.support.Signals.*;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signals in through REST, a gap out on Kafka within seconds, and the scoped views over it. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DetectionFlowTest {
    static final String INTEGRATION = TestTokens.service("cc-connector", List.of("integration"));
    final String team = uid("team");
    final String slow = uid("slow");
    final List<String> peers = new ArrayList<>();
    BehaviorGapDetected gap;

    @Inject
    DataSource db;

    @Inject
    MeasurementPublisher measurements;

    /** Once per class (the app's HTTP port is known only from the first test on). */
    @BeforeEach
    void signalsInGapOut() {
        if (gap != null) {
            return;
        }
        List<String> signals = new ArrayList<>();
        Instant now = Instant.now();
        for (int a = 0; a < 6; a++) {
            peers.add(uid("peer"));
        }
        List<String> agents = new ArrayList<>(peers);
        agents.add(slow);
        for (String agent : agents) {
            for (int k = 0; k < 25; k++) {
                String iid = uid("int");
                int acw = agent.equals(slow) ? 140 + (k * 7) % 30 : 40 + (k * 13 + agent.hashCode() % 7) % 41;
                // Out of order on purpose: later interactions are sent before earlier ones.
                signals.add(interaction(uid("e"), iid, agent, team, now.minusSeconds(3600L * (48 - k)), acw, 10, 0,
                        false, "general"));
                if (k % 5 == 0) {
                    signals.add(survey(uid("e"), iid, agent.equals(slow) ? 5 : 4));
                }
            }
        }
        java.util.Collections.reverse(signals);
        try (TestKafka.Reader gaps = TestKafka.reader("wem.signal.gaps.v1")) {
            given().auth().oauth2(INTEGRATION).contentType("application/json").body(batch(signals.toArray(String[]::new)))
                    .when().post("/api/v1/signals").then().statusCode(202).body("accepted", equalTo(signals.size()));
            ConsumerRecord<String, String> r = gaps.await(x -> slow.equals(x.key())
                    && x.value().contains("BehaviorGapDetected") && x.value().contains("acw-habits"),
                    Duration.ofSeconds(30));
            assertNotNull(r, "gap published within seconds");
            gap = Events.parse(r.value()).dataAs(BehaviorGapDetected.class);
        }
    }

    @Test
    void theGapCarriesEvidenceAndCause() {
        assertEquals(slow, gap.agentId());
        assertEquals(team, gap.teamId());
        assertEquals("acw_seconds", gap.metric());
        assertTrue(gap.observed() > 2 * gap.baseline(), gap.toString());
        assertEquals(25, gap.sampleSize());
        assertEquals(5, gap.evidenceInteractionIds().size());
        assertNotNull(gap.gapType());
        assertNotNull(gap.causeExplanation());
        assertTrue(gap.effectSize() >= 0.8);
    }

    @Test
    void neverASecondOpenGapForTheSameAgentAndBehavior() throws Exception {
        // New evidence re-triggers detection; the open gap stays the only one.
        given().auth().oauth2(INTEGRATION).contentType("application/json")
                .body(batch(interaction(uid("e"), uid("int"), slow, team, Instant.now().minusSeconds(60), 160, 10, 0,
                        false, "general"))).when().post("/api/v1/signals").then().statusCode(202);
        Thread.sleep(3000);
        assertEquals(1, count("SELECT count(*) FROM behavior_gap WHERE agent_id = ? AND behavior_id = 'acw-habits' "
                + "AND status = 'OPEN'", slow));
        assertEquals(0, count("SELECT count(*) FROM behavior_gap WHERE agent_id = ?", peers.get(0)));
    }

    @Test
    void teamGapsAreScopedToTheTeam() {
        given().when().get("/api/v1/teams/" + team + "/gaps").then().statusCode(401);
        given().auth().oauth2(TestTokens.supervisor("sup-other", "team-other")).when()
                .get("/api/v1/teams/" + team + "/gaps").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.agent(slow, team)).when().get("/api/v1/teams/" + team + "/gaps")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.withRoles("wfm", "wfm-planner")).when().get("/api/v1/teams/" + team + "/gaps")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.supervisor("sup", team)).when().get("/api/v1/teams/" + team + "/gaps")
                .then().statusCode(200).body("gap.agentId", hasItem(slow)).body("status", hasItem("OPEN"));
        given().auth().oauth2(TestTokens.withRoles("qa", "qa-analyst")).when().get("/api/v1/teams/" + team + "/gaps")
                .then().statusCode(200).body("gap.gapId", hasItem(gap.gapId()));
        given().auth().oauth2(TestTokens.supervisor("sup", team)).queryParam("status", "maybe")
                .when().get("/api/v1/teams/" + team + "/gaps").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void gapListIsScopedToTheCaller() {
        given().auth().oauth2(TestTokens.agent(slow, team)).when().get("/api/v1/gaps").then().statusCode(200)
                .body("gap.gapId", hasItem(gap.gapId()));
        given().auth().oauth2(TestTokens.agent(peers.get(0), team)).when().get("/api/v1/gaps").then().statusCode(200)
                .body("$", empty());
        given().auth().oauth2(TestTokens.supervisor("sup-other", "team-other")).queryParam("teamId", team)
                .when().get("/api/v1/gaps").then().statusCode(403);
        given().auth().oauth2(TestTokens.supervisor("sup", team)).when().get("/api/v1/gaps").then().statusCode(200)
                .body("gap.gapId", hasItem(gap.gapId()));
        given().auth().oauth2(TestTokens.noRoles()).when().get("/api/v1/gaps").then().statusCode(403);
    }

    @Test
    void agentsSeeTheirOwnTrendsOnly() {
        given().auth().oauth2(TestTokens.agent(slow, team)).when().get("/api/v1/me/behaviors").then().statusCode(200)
                .body("find { it.behaviorId == 'acw-habits' }.status", equalTo("GAP"))
                .body("find { it.behaviorId == 'acw-habits' }.sampleSize", org.hamcrest.Matchers.greaterThanOrEqualTo(25))
                .body("find { it.behaviorId == 'acw-habits' }.teamMedian", notNullValue());
        given().auth().oauth2(TestTokens.agent(peers.get(0), team)).when().get("/api/v1/agents/" + slow + "/behaviors")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.supervisor("sup-other", "team-other")).when()
                .get("/api/v1/agents/" + slow + "/behaviors").then().statusCode(403);
        given().auth().oauth2(TestTokens.supervisor("sup", team)).when().get("/api/v1/agents/" + slow + "/behaviors")
                .then().statusCode(200).body("find { it.behaviorId == 'acw-habits' }.openGap.gapId",
                        equalTo(gap.gapId()));
        given().auth().oauth2(TestTokens.withRoles("int", "integration")).when().get("/api/v1/me/behaviors")
                .then().statusCode(403);
        given().when().get("/api/v1/me/behaviors").then().statusCode(401);
    }

    @Test
    void measurementsForServiceAccountsAndAuthorisedPeople() {
        String path = "/api/v1/agents/" + slow + "/behaviors/acw-habits/measurements";
        String from = Instant.now().minus(Duration.ofDays(3)).toString();
        String svc = TestTokens.service("coaching-service", List.of("service", "svc-measurements"));
        given().auth().oauth2(svc).queryParam("from", from).when().get(path).then().statusCode(200)
                .body("total.sampleSize", org.hamcrest.Matchers.greaterThanOrEqualTo(25))
                .body("total.teamValue", notNullValue())
                .body("daily.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
        given().auth().oauth2(TestTokens.service("other-service", List.of("service"))).when().get(path).then()
                .statusCode(403);
        // svc-measurements counts only from coaching-service's client (azp), not from a person's or another client's
        given().auth().oauth2(TestTokens.withRoles("person-with-svc-role", "svc-measurements")).queryParam("from", from)
                .when().get(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.service("other-service", List.of("service", "svc-measurements")))
                .queryParam("from", from).when().get(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.user("coach-x", List.of("coach"), List.of("team-other"), null)).when().get(path)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.agent(slow, team)).when().get(path).then().statusCode(200);
        given().auth().oauth2(svc).queryParam("from", "yesterday").when().get(path).then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().auth().oauth2(svc).when().get("/api/v1/agents/" + slow + "/behaviors/nope/measurements").then()
                .statusCode(404);
    }

    @Test
    void dailyMeasurementsArePublishedOncePerDay() {
        // Two days ago: the scheduled job only publishes yesterday, so it cannot have claimed this day already.
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(2);
        try (TestKafka.Reader topic = TestKafka.reader("wem.signal.measurements.v1")) {
            measurements.publish(day);
            ConsumerRecord<String, String> r = topic.await(x -> slow.equals(x.key()) && x.value().contains("acw-habits"),
                    Duration.ofSeconds(20));
            assertNotNull(r);
            assertTrue(r.value().contains("\"teamValue\""));
        }
        assertEquals(0, measurements.publish(day), "a day is published once");
    }

    long count(String sql, String arg) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
