package io.wem.wellbeing.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.wem.common.contracts.AgentActivity;
import io.wem.common.contracts.MonitoringEvent;
import io.wem.common.contracts.WellbeingAlert;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Events;
import io.wem.common.events.Topics;
import io.wem.testing.TestKafka;
import io.wem.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class WellbeingMessagingTest {
    static final String SVC = TestTokens.service("coaching-service", List.of("service", "svc-guardrail"));

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String activity(String agent, String team, String kind, Instant start, int minutes, boolean abusive) {
        AgentActivity a = new AgentActivity(unique("act"), kind, agent, team, "billing", "voice", "billing", start,
                start.plus(Duration.ofMinutes(minutes)), 0.1, false, abusive, false);
        TestKafka.send(Topics.ACTIVITY, agent, EventEnvelope.of(EventTypes.AGENT_ACTIVITY, "signal-service", agent, a));
        return a.activityId();
    }

    static void monitoring(String agent, String team, String kind, String theme, String reference) {
        MonitoringEvent m = new MonitoringEvent(unique("mon"), agent, team, kind, false, 80.0, theme,
                "coaching-service", reference, Instant.now());
        TestKafka.send(Topics.MONITORING, agent, EventEnvelope.of(EventTypes.MONITORING, "coaching-service", agent, m));
    }

    static String evaluate(String agent, String team, String kind, String theme, String ref, String path) {
        return given().auth().oauth2(SVC).contentType(ContentType.JSON)
                .body("{\"agentId\":\"" + agent + "\",\"teamId\":\"" + team + "\",\"actionKind\":\"" + kind
                        + "\",\"requester\":\"test\",\"automated\":false,\"theme\":"
                        + (theme == null ? "null" : "\"" + theme + "\"") + ",\"reference\":\"" + ref + "\"}")
                .when().post("/api/v1/guardrails/evaluations").then().statusCode(200).extract().path(path).toString();
    }

    @Test
    void recoveryViolationRaisesAnAlertOnTheTopicAndTheEndpoint() {
        String agent = unique("agent");
        String team = unique("team");
        // Ten 21-minute contacts back to back (long = difficult): the fifth makes the break due (RECOVERY_DUE), the
        // tenth completes a further run while it is still owed (RECOVERY_VIOLATION). Recent: a break's length
        // (10 minutes) without work since the last contact would itself be the break.
        Instant t0 = Instant.now().minus(215, ChronoUnit.MINUTES);
        try (TestKafka.Reader alerts = TestKafka.reader(Topics.WELLBEING_ALERTS)) {
            for (int i = 0; i < 10; i++) {
                activity(agent, team, "INTERACTION", t0.plus(Duration.ofMinutes(21L * i)), 21, false);
            }
            // The later alert first: Reader.await stops reading a poll batch at its match, earlier ones stay seen.
            ConsumerRecord<String, String> violation = alerts.await(r -> agent.equals(r.key())
                    && r.value().contains("RECOVERY_VIOLATION"), Duration.ofSeconds(30));
            assertNotNull(violation, "RECOVERY_VIOLATION alert");
            assertNotNull(alerts.await(r -> agent.equals(r.key()) && r.value().contains("RECOVERY_DUE"),
                    Duration.ofSeconds(5)), "RECOVERY_DUE alert");
            EventEnvelope env = Events.parse(violation.value());
            assertEquals(EventTypes.WELLBEING_ALERT, env.type());
            WellbeingAlert alert = env.dataAs(WellbeingAlert.class);
            assertEquals(10, alert.recoveryDebtMinutes());
            assertEquals(team, alert.teamId());
        }
        given().auth().oauth2(TestTokens.withRoles("planner1", "wfm-planner"))
                .when().get("/api/v1/alerts?teamId=" + team + "&kind=RECOVERY_VIOLATION").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].agentId", equalTo(agent))
                .body("[0].recoveryDebtMinutes", equalTo(10));
        // The debt holds coaching back until the break has been taken...
        assertEquals("DEFER", evaluate(agent, team, "COACHING_SESSION", "DEVELOPMENT", "c1", "decision"));
        // ...and a 10-minute break pays it.
        activity(agent, team, "BREAK", Instant.now().minus(Duration.ofMinutes(30)), 10, false);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "ALLOW".equals(evaluate(agent, team, "COACHING_SESSION", "DEVELOPMENT", "c2", "decision")));
    }

    @Test
    void monitoringEventsFeedTheIndexOnceEvenWhenTheGuardrailAlreadyCountedThem() {
        String agent = unique("agent");
        String team = unique("team");
        assertEquals("ALLOW", evaluate(agent, team, "QA_EVALUATION", null, "qa-1", "decision"));
        monitoring(agent, team, "QA_EVALUATION", null, "qa-1");
        monitoring(agent, team, "QA_EVALUATION", null, "qa-2");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "2.0".equals(evaluate(agent, team, "COACHING_SESSION", "DEVELOPMENT", unique("probe"), "intensityIndex")));
        monitoring(agent, team, "LIVE_MONITORING", null, "live-1");
        monitoring(agent, team, "LIVE_MONITORING", null, "live-2");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "DEFER".equals(evaluate(agent, team, "LIVE_MONITORING", null, "live-3", "decision")));
        assertEquals("8.0", evaluate(agent, team, "COACHING_SESSION", "DEVELOPMENT", unique("probe"), "intensityIndex"));
    }

    @Test
    void recognitionAllowedAsCoachingSessionIsNotCountedTwiceWhenReported() {
        String agent = unique("agent");
        String team = unique("team");
        assertEquals("ALLOW", evaluate(agent, team, "COACHING_SESSION", "RECOGNITION", "rec-1", "decision"));
        monitoring(agent, team, "RECOGNITION", null, "rec-1");
        // Same key, same partition: once this later event counts, the recognition has been handled too.
        monitoring(agent, team, "LIVE_MONITORING", null, "live-1");
        String agentToken = TestTokens.agent(agent, team);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(agentToken)
                .when().get("/api/v1/me/wellbeing").then().statusCode(200).extract().jsonPath()
                .getDouble("intensity.index") == 3.0);
        given().auth().oauth2(agentToken).when().get("/api/v1/me/wellbeing").then()
                .statusCode(200).body("coaching.supportSessions", equalTo(1));
    }

    @Test
    void poisonMonitoringEventGoesToTheDeadLetterTopicAndTheConsumerContinues() {
        String agent = unique("agent");
        String team = unique("team");
        String poison = "{\"not\":\"an envelope\",\"marker\":\"" + agent + "\"}";
        try (TestKafka.Reader dlq = TestKafka.reader("wem.dlq.wellbeing-service.monitoring-events.v1")) {
            TestKafka.send(Topics.MONITORING, agent, poison);
            assertNotNull(dlq.await(r -> r.value().contains(agent), Duration.ofSeconds(30)), "poison in DLQ");
        }
        monitoring(agent, team, "LIVE_MONITORING", null, "l1");
        monitoring(agent, team, "LIVE_MONITORING", null, "l2");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "DEFER".equals(evaluate(agent, team, "LIVE_MONITORING", null, "l3", "decision")));
    }

    @Test
    void poisonActivityGoesToTheDeadLetterTopicAloneAndTheConsumerContinues() {
        String agent = unique("agent");
        String team = unique("team");
        AgentActivity bad = new AgentActivity(unique("act"), "NAP", agent, team, null, null, null, Instant.now(),
                null, null, false, false, false);
        String good;
        try (TestKafka.Reader dlq = TestKafka.reader("wem.dlq.wellbeing-service.interactions.v1")) {
            // Same agent, same partition, sent back to back: usually one batch, the bad record first.
            TestKafka.send(Topics.ACTIVITY, agent, EventEnvelope.of(EventTypes.AGENT_ACTIVITY, "signal-service", agent,
                    bad));
            good = activity(agent, team, "INTERACTION", Instant.now().minus(Duration.ofMinutes(6)), 5, true);
            ConsumerRecord<String, String> parked = dlq.await(r -> r.value().contains(agent), Duration.ofSeconds(30));
            assertNotNull(parked, "bad kind in DLQ");
            assertTrue(parked.value().contains(bad.activityId()));
            assertTrue(header(parked, "dead-letter-reason").contains("kind"), header(parked, "dead-letter-reason"));
            assertEquals(TestKafka.PREFIX + Topics.ACTIVITY, header(parked, "dead-letter-topic"));
            // The good record beside it is recorded (owed recovery defers coaching), not parked with it.
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    "DEFER".equals(evaluate(agent, team, "COACHING_SESSION", "DEVELOPMENT", unique("probe"), "decision")));
            assertNull(dlq.await(r -> r.value().contains(good), Duration.ofSeconds(3)), "good record dead-lettered");
        }
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void watchingBeyondTheCapWithoutAskingRaisesAMonitoringCapAlertOnce() {
        String agent = unique("agent");
        String team = unique("team");
        for (int i = 0; i < 4; i++) {
            monitoring(agent, team, "LIVE_MONITORING", null, "live-" + i);
        }
        String planner = TestTokens.withRoles("planner1", "wfm-planner");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(planner)
                .when().get("/api/v1/alerts?teamId=" + team + "&kind=MONITORING_CAP").then().statusCode(200)
                .extract().jsonPath().getList("$").size() == 1);
        // The 4th event also exceeded the cap: the standing pattern is not reported twice within the cooldown.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "12.0".equals(evaluate(agent, team, "COACHING_SESSION", "DEVELOPMENT", unique("probe"), "intensityIndex")));
        given().auth().oauth2(planner).when().get("/api/v1/alerts?teamId=" + team + "&kind=MONITORING_CAP").then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].agentId", equalTo(agent))
                .body("[0].message", org.hamcrest.Matchers.containsString("cap 2"));
    }

    @Test
    void alertsSecurity() {
        String team = unique("team");
        given().when().get("/api/v1/alerts?teamId=" + team).then().statusCode(401);
        given().auth().oauth2(TestTokens.agent("a1", team)).when().get("/api/v1/alerts?teamId=" + team).then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.supervisor("s1", "team-other")).when().get("/api/v1/alerts?teamId=" + team)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.supervisor("s1", team)).when().get("/api/v1/alerts?teamId=" + team).then()
                .statusCode(200);
        given().auth().oauth2(TestTokens.withRoles("planner1", "wfm-planner")).when().get("/api/v1/alerts").then()
                .statusCode(400).body("errors.field", hasItem("teamId"));
        given().auth().oauth2(TestTokens.withRoles("planner1", "wfm-planner"))
                .when().get("/api/v1/alerts?teamId=" + team + "&since=yesterday").then().statusCode(400)
                .body("errors.field", hasItem("since"));
    }
}
