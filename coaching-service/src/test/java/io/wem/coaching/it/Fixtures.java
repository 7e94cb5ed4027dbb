package io.wem.coaching.it;

import io.restassured.http.ContentType;
import io.wem.common.contracts.BehaviorGapDetected;
import io.wem.common.contracts.GapType;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Topics;
import io.wem.testing.TestKafka;
import io.wem.testing.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** Unique ids, gap events, tokens and waiting helpers for the integration tests. */
final class Fixtures {
    static final Instant WINDOW_START = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant WINDOW_END = Instant.parse("2026-11-15T00:00:00Z");

    private Fixtures() {
    }

    static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static BehaviorGapDetected gap(String gapId, String agentId, String teamId, String behaviorId, GapType type,
                                   List<String> affected) {
        return new BehaviorGapDetected(gapId, agentId, teamId, behaviorId, 1, "confirmation_rate", 0.6, 0.85,
                "TEAM_MEDIAN", 1.1, 40, 0.52, 0.68, List.of("int-" + gapId + "-1", "int-" + gapId + "-2",
                "int-" + gapId + "-3"), type, "below team median on 40 disputes", affected, "billing", "dispute", 0.8,
                WINDOW_START, WINDOW_END, Instant.now());
    }

    static EventEnvelope envelope(BehaviorGapDetected g) {
        return EventEnvelope.of(EventTypes.GAP_DETECTED, "signal-service", g.agentId(), g);
    }

    static void send(EventEnvelope e) {
        TestKafka.send(Topics.GAPS, e.subject() != null ? e.subject() : "team", e);
    }

    static BehaviorGapDetected sendGap(String agentId, String teamId, String behaviorId, GapType type) {
        BehaviorGapDetected g = gap(id("gap"), agentId, teamId, behaviorId, type, List.of());
        send(envelope(g));
        return g;
    }

    static String coach(String team) {
        return TestTokens.user(id("coach"), List.of("coach"), List.of(team), null);
    }

    static String supervisor(String team) {
        return TestTokens.user(id("sup"), List.of("supervisor"), List.of(team), null);
    }

    static String role(String role) {
        return TestTokens.user(id(role), List.of(role), List.of(), null);
    }

    static List<Map<String, Object>> list(String team, String token) {
        return given().auth().oauth2(token).queryParam("teamId", team).when().get("/api/v1/interventions")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** The one coach the directory assigns to {@code team} (same person on every call). */
    static String teamCoach(String team) {
        return TestTokens.user("coach-of-" + team, List.of("coach"), List.of(team), null);
    }

    /** Waits until the team's list holds an intervention made from gapId that satisfies the condition. */

    static Map<String, Object> awaitIntervention(String team, String gapId, Predicate<Map<String, Object>> condition) {
        String token = teamCoach(team);
        Map<String, Object>[] found = new Map[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (Map<String, Object> i : list(team, token)) {
                if (gapId.equals(i.get("gapId")) && condition.test(i)) {
                    found[0] = i;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    static Predicate<Map<String, Object>> inState(String state) {
        return i -> state.equals(i.get("state"));
    }

    /** A guardrail answer for one agent only (priority over the default ALLOW). */
    static String guardrailFor(String agentId, String decision, Instant earliestAt) {
        return StubServices.server.stubFor(post(urlPathEqualTo("/api/v1/guardrails/evaluations")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.agentId", equalTo(agentId)))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"decisionId\":\"dec-" + agentId + "\",\"agentId\":\"" + agentId + "\",\"actionKind\":"
                                + "\"COACHING_SESSION\",\"decision\":\"" + decision + "\",\"earliestAt\":"
                                + (earliestAt == null ? "null" : "\"" + earliestAt + "\"")
                                + ",\"reasons\":[\"rule for " + decision + "\"],\"intensityIndex\":0.8,"
                                + "\"decidedAt\":\"2026-11-25T10:00:00Z\"}"))).getId().toString();
    }

    static String wellbeingDownFor(String agentId) {
        return StubServices.server.stubFor(post(urlPathEqualTo("/api/v1/guardrails/evaluations")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.agentId", equalTo(agentId)))
                .willReturn(aResponse().withStatus(503).withBody("down"))).getId().toString();
    }

    static void removeStub(String stubId) {
        StubServices.server.removeStubMapping(StubServices.server.getSingleStubMapping(UUID.fromString(stubId)));
    }

    static io.restassured.response.ValidatableResponse transition(String id, String to, String token) {
        var request = token == null ? given() : given().auth().oauth2(token);
        return request.contentType(ContentType.JSON)
                .body("{\"to\":\"" + to + "\",\"note\":\"test note for " + to + "\"}")
                .when().post("/api/v1/interventions/" + id + "/transitions").then();
    }
}
