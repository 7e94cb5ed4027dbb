package io.wem.wellbeing.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.wem.common.contracts.DataClasses;
import io.wem.common.contracts.LegalHoldScope;
import io.wem.common.contracts.PurgeCommand;
import io.wem.common.contracts.PurgeResult;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Events;
import io.wem.common.events.Topics;
import io.wem.testing.TestKafka;
import io.wem.testing.TestTokens;
import io.wem.wellbeing.rest.GuardrailApiTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
class RetentionTest {

    @Inject
    EntityManager em;

    void oldDecision(String id, String agent, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO guardrail_decision "
                        + "(decision_id, agent_id, team_id, action_kind, decision, reasons, intensity_index, requester, "
                        + "caller, automated, counted, decided_at) VALUES (?1, ?2, 't', 'QA_EVALUATION', 'ALLOW', '[]', "
                        + "1, 'r', 'c', false, true, ?3)")
                .setParameter(1, id).setParameter(2, agent)
                .setParameter(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).executeUpdate());
    }

    long decisions(String id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM guardrail_decision WHERE decision_id = ?1").setParameter(1, id)
                .getSingleResult()).longValue());
    }

    @Test
    void purgeHonoursLegalHoldsAndReportsCounts() {
        String held = GuardrailApiTest.unique("held");
        String free = GuardrailApiTest.unique("free");
        // Old enough that no other test's data falls before the cutoff.
        Instant old = Instant.now().minus(Duration.ofDays(4000));
        oldDecision(held + "-d", held, old);
        oldDecision(free + "-d", free, old);
        String commandId = GuardrailApiTest.unique("purge");
        PurgeCommand cmd = new PurgeCommand(commandId, "wellbeing-service", DataClasses.GUARDRAIL_DECISION,
                old.plus(Duration.ofDays(1)), List.of(new LegalHoldScope("hold-1", "case-7", List.of(held), null,
                null, null)), Instant.now());
        try (TestKafka.Reader results = TestKafka.reader(Topics.PURGE_RESULTS)) {
            TestKafka.sendSigned(Topics.PURGE_COMMANDS, "wellbeing-service",
                    EventEnvelope.of(EventTypes.PURGE_COMMAND, "governance-service", null, cmd));
            ConsumerRecord<String, String> r = results.await(x -> x.value().contains(commandId), Duration.ofSeconds(30));
            assertNotNull(r, "purge result");
            PurgeResult result = Events.parse(r.value()).dataAs(PurgeResult.class);
            assertEquals(1, result.purged());
            assertEquals(1, result.retainedByHold());
            assertEquals(null, result.error());
        }
        assertEquals(1, decisions(held + "-d"));
        assertEquals(0, decisions(free + "-d"));
    }

    void stateWithLastActivity(String agent, Instant lastActivity) {
        // written now (updated_at default), describing activity long ago: what a replay of old signals leaves
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO agent_state (agent_id, team_id, "
                        + "last_activity_at) VALUES (?1, 't', ?2)")
                .setParameter(1, agent).setParameter(2, OffsetDateTime.ofInstant(lastActivity, ZoneOffset.UTC))
                .executeUpdate());
    }

    long states(String agent) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM agent_state WHERE agent_id = ?1").setParameter(1, agent)
                .getSingleResult()).longValue());
    }

    @Test
    void agentStateExpiresWithTheActivityItDescribes() {
        String held = GuardrailApiTest.unique("held");
        String free = GuardrailApiTest.unique("free");
        Instant old = Instant.now().minus(Duration.ofDays(4000));
        stateWithLastActivity(held, old);
        stateWithLastActivity(free, old);
        String commandId = GuardrailApiTest.unique("purge");
        PurgeCommand cmd = new PurgeCommand(commandId, "wellbeing-service", DataClasses.WELLBEING_METRIC,
                old.plus(Duration.ofDays(1)), List.of(new LegalHoldScope("hold-2", "case-8", List.of(held), null,
                null, null)), Instant.now());
        try (TestKafka.Reader results = TestKafka.reader(Topics.PURGE_RESULTS)) {
            TestKafka.sendSigned(Topics.PURGE_COMMANDS, "wellbeing-service",
                    EventEnvelope.of(EventTypes.PURGE_COMMAND, "governance-service", null, cmd));
            ConsumerRecord<String, String> r = results.await(x -> x.value().contains(commandId), Duration.ofSeconds(30));
            assertNotNull(r, "purge result");
            PurgeResult result = Events.parse(r.value()).dataAs(PurgeResult.class);
            assertEquals(null, result.error());
            assertEquals(1, result.retainedByHold());
        }
        assertEquals(1, states(held));
        assertEquals(0, states(free));
    }

    @Test
    void subjectExportAndErasure() {
        String agent = GuardrailApiTest.unique("agent");
        GuardrailApiTest.evaluate(GuardrailApiTest.SVC, GuardrailApiTest.body(agent, "team-x", "QA_EVALUATION", false,
                null, "q")).statusCode(200);
        String svc = TestTokens.service("governance-service", List.of("service", "svc-subject-requests"));
        given().auth().oauth2(svc).when().get("/api/v1/internal/subjects/" + agent).then().statusCode(200)
                .body("data.'guardrail-decision'.find { it.table == 'guardrail_decision' }.records[0].agent_id",
                        equalTo(agent))
                .body("data.'wellbeing-metric'.find { it.table == 'intensity_bucket' }.records.size()", equalTo(1));
        given().auth().oauth2(TestTokens.supervisor("s", "team-x")).when().get("/api/v1/internal/subjects/" + agent)
                .then().statusCode(403);
        given().auth().oauth2(svc).when().delete("/api/v1/internal/subjects/" + agent).then().statusCode(200)
                .body("erased.'guardrail-decision'", equalTo(1)).body("erased.'wellbeing-metric'", equalTo(1));
    }
}
