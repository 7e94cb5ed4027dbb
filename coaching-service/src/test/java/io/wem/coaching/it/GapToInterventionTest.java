package io.wem.coaching.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wem.common.contracts.BehaviorGapDetected;
import io.wem.common.contracts.BuiltInBehaviors;
import io.wem.common.contracts.GapType;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Topics;
import io.wem.testing.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.wem.coaching.it.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Gap events on the real broker become exactly one intervention with the right owner; the guardrail is honoured. */
@QuarkusTest
@QuarkusTestResource(StubServices.class)
class GapToInterventionTest {

    @Test
    void skillGapBecomesOneCoachingForTheCoachAfterTheGuardrailAllows() {
        String team = id("team");
        String agent = id("agent");
        teamCoach(team);    // the directory's coach of the team owns the coaching by name
        try (TestKafka.Reader changes = TestKafka.reader(Topics.INTERVENTIONS)) {
            BehaviorGapDetected g = sendGap(agent, team, BuiltInBehaviors.BILLING_CONFIRMATION, GapType.SKILL);
            Map<String, Object> i = awaitIntervention(team, g.gapId(), inState("ASSIGNED"));
            assertEquals(agent, i.get("agentId"));
            assertEquals("coach", i.get("ownerRole"));
            assertEquals("coach-of-" + team, i.get("owner"));
            assertEquals("coach:" + team + ":coach-of-" + team, i.get("ownerKey"));
            assertEquals("COACHING_SESSION", i.get("kind"));
            assertEquals("pb-billing-confirmation-skill", i.get("playbookId"));
            assertEquals("Use a confirmation statement before closing every billing dispute", i.get("goal"));
            assertEquals(List.of("int-" + g.gapId() + "-1", "int-" + g.gapId() + "-2", "int-" + g.gapId() + "-3"),
                    i.get("evidenceInteractionIds"));
            assertNotNull(i.get("deadline"));
            Instant deadline = Instant.parse((String) i.get("deadline"));
            // Playbook deadline PT24H from assignment.
            assertTrue(deadline.isAfter(Instant.now().plus(23, ChronoUnit.HOURS)) && deadline.isBefore(Instant.now().plus(25, ChronoUnit.HOURS)));
            // 0.6 * (1.1 / 2) + 0.4 * 0.8 = 0.65
            assertEquals(65, i.get("priority"));
            StubServices.server.verify(postRequestedFor(urlPathEqualTo("/api/v1/guardrails/evaluations"))
                    .withHeader("Authorization", matching("Bearer .+"))
                    .withRequestBody(matchingJsonPath("$.agentId", equalTo(agent)))
                    .withRequestBody(matchingJsonPath("$.reference", equalTo((String) i.get("id"))))
                    .withRequestBody(matchingJsonPath("$.actionKind", equalTo("COACHING_SESSION"))));
            ConsumerRecord<String, String> assigned = changes.await(r -> r.value().contains((String) i.get("id"))
                    && r.value().contains("\"state\":\"ASSIGNED\""), Duration.ofSeconds(20));
            assertNotNull(assigned, "InterventionChanged ASSIGNED published");
            assertEquals(agent, assigned.key());
            assertTrue(assigned.value().contains(EventTypes.INTERVENTION));
            assertTrue(assigned.value().contains("\"previousState\":\"AWAITING_GUARDRAIL\""));
        }
    }

    @Test
    void motivationGapGoesToTheSupervisor() {
        String team = id("team");
        BehaviorGapDetected g = sendGap(id("agent"), team, BuiltInBehaviors.HOLD_USAGE, GapType.MOTIVATION);
        Map<String, Object> i = awaitIntervention(team, g.gapId(), inState("ASSIGNED"));
        assertEquals("supervisor", i.get("ownerRole"));
        // no supervisor of the team in the directory: the supervisors' fallback queue, visibly unassigned
        assertEquals("supervisor:" + team, i.get("ownerKey"));
        assertEquals("UNASSIGNED", i.get("owner"));
    }

    @Test
    void redeliveryNeverCreatesASecondIntervention() {
        String team = id("team");
        String agent = id("agent");
        BehaviorGapDetected g = gap(id("gap"), agent, team, BuiltInBehaviors.TRANSFERS, GapType.SKILL, List.of());
        EventEnvelope first = envelope(g);
        send(first);
        send(first);
        // Same gap re-published under a new envelope id: the gap id still maps to the one intervention.
        send(envelope(g));
        // Same key, so same partition: once the marker is processed, the duplicates were too.
        BehaviorGapDetected marker = sendGap(agent, team, BuiltInBehaviors.HOLD_USAGE, GapType.SKILL);
        awaitIntervention(team, marker.gapId(), i -> true);
        long count = list(team, coach(team)).stream().filter(i -> g.gapId().equals(i.get("gapId"))).count();
        assertEquals(1, count);
    }

    @Test
    void processGapsOfSeveralAgentsBecomeOneProcessFix() {
        String team = id("team");
        List<String> agents = List.of(id("agent"), id("agent"), id("agent"));
        BehaviorGapDetected first = gap(id("gap"), agents.get(0), team, BuiltInBehaviors.ACW_HABITS, GapType.PROCESS,
                List.of(agents.get(0), agents.get(1)));
        send(envelope(first));
        send(envelope(gap(id("gap"), agents.get(1), team, BuiltInBehaviors.ACW_HABITS, GapType.PROCESS, List.of())));
        send(envelope(gap(id("gap"), agents.get(2), team, BuiltInBehaviors.ACW_HABITS, GapType.PROCESS, List.of())));
        String owner = role("process-owner");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> list(team, owner).stream()
                .anyMatch(i -> ((List<?>) i.get("affectedAgentIds")).size() == 3));
        List<Map<String, Object>> all = list(team, owner);
        assertEquals(1, all.size(), "one process fix, no agent coachings");
        Map<String, Object> fix = all.get(0);
        assertEquals(first.gapId(), fix.get("gapId"));
        assertNull(fix.get("agentId"));
        assertEquals("process-owner", fix.get("ownerRole"));
        assertEquals("PROCESS_FIX", fix.get("kind"));
        assertEquals("ASSIGNED", fix.get("state"));
        assertEquals(agents.stream().sorted().toList(), fix.get("affectedAgentIds"));
        // each agent the fix lists as affected learns of the read through the audit log (transparency)
        try (io.wem.testing.TestKafka.Reader audit = io.wem.testing.TestKafka.reader(io.wem.common.events.Topics.AUDIT)) {
            list(team, owner);
            for (String a : agents) {
                org.junit.jupiter.api.Assertions.assertNotNull(audit.await(x -> x.value().contains("\"subject\":\"" + a
                        + "\"") && x.value().contains("coaching-service:interventions"), Duration.ofSeconds(20)),
                        "listing read of " + a + " audited");
            }
        }
        // No agent is addressed, so wellbeing was not asked about any of them.
        for (String a : agents) {
            StubServices.server.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/guardrails/evaluations"))
                    .withRequestBody(matchingJsonPath("$.agentId", equalTo(a))));
        }
    }

    @Test
    void capacityGapGoesToTheWfmPlanner() {
        String team = id("team");
        BehaviorGapDetected g = gap(id("gap"), id("agent"), team, BuiltInBehaviors.SCHEDULE_ADHERENCE,
                GapType.CAPACITY, List.of());
        send(envelope(g));
        Map<String, Object> i = awaitIntervention(team, g.gapId(), inState("ASSIGNED"));
        assertEquals("wfm-planner", i.get("ownerRole"));
        assertEquals("SCHEDULE_ADJUSTMENT", i.get("kind"));
        assertNull(i.get("agentId"));
        assertTrue(list(team, role("wfm-planner")).stream().anyMatch(x -> g.gapId().equals(x.get("gapId"))));
    }

    @Test
    void deferredThenReleasedWhenDue() {
        String team = id("team");
        String agent = id("agent");
        Instant later = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        guardrailFor(agent, "DEFER", later);
        BehaviorGapDetected g = sendGap(agent, team, BuiltInBehaviors.COMPLAINT_EMPATHY, GapType.SKILL);
        Map<String, Object> i = awaitIntervention(team, g.gapId(), inState("DEFERRED"));
        assertEquals(later, Instant.parse((String) i.get("scheduledFor")));

        // A deferral that falls due goes back to the guardrail, which now allows it.
        String agent2 = id("agent");
        String deferStub = guardrailFor(agent2, "DEFER", Instant.now().plusSeconds(2));
        BehaviorGapDetected g2 = sendGap(agent2, team, BuiltInBehaviors.COMPLAINT_EMPATHY, GapType.SKILL);
        awaitIntervention(team, g2.gapId(), inState("DEFERRED"));
        removeStub(deferStub);
        Map<String, Object> assigned = awaitIntervention(team, g2.gapId(), inState("ASSIGNED"));
        assertNotNull(assigned.get("deadline"));
    }

    @Test
    void denyCancelsWithTheReason() {
        String team = id("team");
        String agent = id("agent");
        guardrailFor(agent, "DENY", null);
        BehaviorGapDetected g = sendGap(agent, team, BuiltInBehaviors.REPEAT_CONTACTS, GapType.SKILL);
        Map<String, Object> i = awaitIntervention(team, g.gapId(), inState("CANCELLED"));
        assertTrue(((String) i.get("cancelReason")).contains("rule for DENY"), String.valueOf(i.get("cancelReason")));
    }

    @Test
    void wellbeingDownKeepsItWaitingVisiblyThenRetries() {
        String team = id("team");
        String agent = id("agent");
        String down = wellbeingDownFor(agent);
        BehaviorGapDetected g = sendGap(agent, team, BuiltInBehaviors.ACW_HABITS, GapType.SKILL);
        Map<String, Object> waiting = awaitIntervention(team, g.gapId(), i -> "AWAITING_GUARDRAIL".equals(i.get("state"))
                && ((Map<?, ?>) i.get("guardrail")).get("lastError") != null);
        assertTrue(((Number) ((Map<?, ?>) waiting.get("guardrail")).get("attempts")).intValue() >= 1);
        // Never assigned around the guardrail: the owner cannot force it.
        transition((String) waiting.get("id"), "ASSIGNED", coach(team)).statusCode(409);
        removeStub(down);
        awaitIntervention(team, g.gapId(), inState("ASSIGNED"));
    }

    @Test
    void anAssignedCoachingWhoseGapResolvedTellsItsOwner() {
        String team = id("team");
        String agent = id("agent");
        teamCoach(team);
        try (TestKafka.Reader changes = TestKafka.reader(Topics.INTERVENTIONS)) {
            BehaviorGapDetected g = sendGap(agent, team, BuiltInBehaviors.TRANSFERS, GapType.SKILL);
            Map<String, Object> i = awaitIntervention(team, g.gapId(), inState("ASSIGNED"));
            assertNull(i.get("gapResolvedAt"));
            resolve(g, agent, team);
            Map<String, Object> told = awaitIntervention(team, g.gapId(), x -> x.get("gapResolvedAt") != null);
            assertEquals("ASSIGNED", told.get("state"), "the owner decides; nothing is cancelled under them");
            ConsumerRecord<String, String> notice = changes.await(r -> r.value().contains((String) i.get("id"))
                    && r.value().contains("\"previousState\":\"ASSIGNED\",\"state\":\"ASSIGNED\""), Duration.ofSeconds(20));
            assertNotNull(notice, "InterventionChanged with previousState = state tells the owner");
            List<?> history = (List<?>) detail((String) i.get("id"), coach(team)).get("history");
            assertTrue(history.stream().anyMatch(h -> String.valueOf(((Map<?, ?>) h).get("note"))
                    .startsWith(io.wem.coaching.service.InterventionService.ALL_GAPS_RESOLVED)), String.valueOf(history));
        }
    }

    @Test
    void aTeamLevelFixIsFlaggedOnlyWhenItsLastGapResolves() {
        String team = id("team");
        List<String> agents = List.of(id("agent"), id("agent"));
        BehaviorGapDetected first = gap(id("gap"), agents.get(0), team, BuiltInBehaviors.ACW_HABITS, GapType.PROCESS, List.of());
        BehaviorGapDetected second = gap(id("gap"), agents.get(1), team, BuiltInBehaviors.ACW_HABITS, GapType.PROCESS, List.of());
        send(envelope(first));
        send(envelope(second));
        String owner = role("process-owner");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> list(team, owner).stream()
                .anyMatch(i -> ((List<?>) i.get("affectedAgentIds")).size() == 2));
        // The primary gap resolving while the other is open is not "all gaps resolved".
        resolve(first, agents.get(0), team);
        // A marker on the same key (same partition): once it is processed, the resolution before it was too.
        BehaviorGapDetected marker = sendGap(agents.get(0), id("team"), BuiltInBehaviors.HOLD_USAGE, GapType.SKILL);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> list(marker.teamId(), coach(marker.teamId()))
                .stream().anyMatch(x -> marker.gapId().equals(x.get("gapId"))));
        Map<String, Object> fix = list(team, owner).get(0);
        assertNull(fix.get("gapResolvedAt"), "one of two gaps resolved");
        resolve(second, agents.get(1), team);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> list(team, owner).get(0).get("gapResolvedAt") != null);
        assertEquals("ASSIGNED", list(team, owner).get(0).get("state"));
    }

    private static void resolve(BehaviorGapDetected g, String agent, String team) {
        send(EventEnvelope.of(EventTypes.GAP_RESOLVED, "signal-service", agent,
                new io.wem.common.contracts.BehaviorGapResolved(g.gapId(), agent, team, g.behaviorId(), 0.9, 0.85,
                        "back to the team's level", Instant.now())));
    }

    private static Map<String, Object> detail(String id, String token) {
        return io.restassured.RestAssured.given().auth().oauth2(token).get("/api/v1/interventions/" + id)
                .then().statusCode(200).extract().jsonPath().getMap("$");
    }
}
