package io.wem.signal.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.wem.common.contracts.PurgeCommand;
import io.wem.common.contracts.PurgeResult;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Events;
import io.wem.common.events.Topics;
import io.wem.testing.LegalHoldsStub;
import io.wem.testing.TestKafka;
import io.wem.testing.TestTokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.wem.signal.support.Signals.batch;
import static io.wem.signal.support.Signals.interaction;
import static io.wem.signal.support.Signals.uid;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * signal-service re-checks before deleting: the legal holds come from governance at the moment of deletion (not
 * from the purge command), and nothing is deleted while governance does not answer (issue 14).
 */
@QuarkusTest
class DeletionTrustTest {
    static final String INTEGRATION = TestTokens.service("cc", List.of("integration"));
    static final String GOVERNANCE = TestTokens.service("governance-service", List.of("service", "svc-subject-requests"));

    @Inject
    DataSource db;

    /**
     * Governance answers again, and the next test (of this class or another sharing the application) starts only
     * once the legal-holds client's circuit breaker has closed, instead of meeting its 503.
     */
    @AfterEach
    void governanceAnswersAgain() {
        LegalHoldsStub.answer("[]");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                given().auth().oauth2(GOVERNANCE).when().delete("/api/v1/internal/subjects/" + uid("probe"))
                        .then().extract().statusCode() == 200);
    }

    static String hold(String agents, String interactions) {
        return "[{\"holdId\":\"" + UUID.randomUUID() + "\",\"caseReference\":\"CASE-14\",\"agentIds\":[" + agents
                + "],\"interactionIds\":[" + interactions + "],\"from\":null,\"to\":null}]";
    }

    static EventEnvelope purgeWithoutHolds(String commandId) {
        // holds=[]: the command itself claims nothing is held
        return EventEnvelope.withId(commandId, EventTypes.PURGE_COMMAND, "governance-service", null,
                new PurgeCommand(commandId, "signal-service", "interaction-signal",
                        Instant.now().minus(Duration.ofDays(365)), List.of(), Instant.now()));
    }

    String oldInteraction(String agent) {
        String iid = uid("int");
        given().auth().oauth2(INTEGRATION).contentType("application/json")
                .body(batch(interaction(uid("e"), iid, agent, uid("team"), Instant.now().minus(Duration.ofDays(400)),
                        30, 0, 0, false, "x")))
                .when().post("/api/v1/signals").then().statusCode(202);
        return iid;
    }

    @Test
    void purgeUnderAnInteractionHoldDeletesNothingHeld() {
        String held = oldInteraction(uid("agent"));
        String free = oldInteraction(uid("agent"));
        LegalHoldsStub.answer(hold("", "\"" + held + "\""));
        String id = UUID.randomUUID().toString();
        try (TestKafka.Reader results = TestKafka.reader(Topics.PURGE_RESULTS)) {
            TestKafka.sendSigned(Topics.PURGE_COMMANDS, "signal-service", purgeWithoutHolds(id));
            ConsumerRecord<String, String> r = results.await(x -> x.value().contains(id), Duration.ofSeconds(30));
            assertNotNull(r, "purge ran");
            assertTrue(Events.parse(r.value()).dataAs(PurgeResult.class).retainedByHold() >= 1);
        }
        assertEquals(1, count("SELECT count(*) FROM signal_interaction WHERE interaction_id = ?", held));
        assertEquals(0, count("SELECT count(*) FROM signal_interaction WHERE interaction_id = ?", free));
    }

    @Test
    void governanceUnreachableMeansNoDeletionAndTheCommandIsRetriedNotDeadLettered() {
        String iid = oldInteraction(uid("agent"));
        LegalHoldsStub.down();
        String id = UUID.randomUUID().toString();
        try (TestKafka.Reader results = TestKafka.reader(Topics.PURGE_RESULTS);
             TestKafka.Reader dlq = TestKafka.reader("wem.dlq.signal-service.purge-commands.v1")) {
            int asked = LegalHoldsStub.requests();
            TestKafka.sendSigned(Topics.PURGE_COMMANDS, "signal-service", purgeWithoutHolds(id));
            assertNull(results.await(x -> x.value().contains(id), Duration.ofSeconds(8)), "no purge without holds");
            assertTrue(LegalHoldsStub.requests() > asked, "governance was asked");
            assertEquals(1, count("SELECT count(*) FROM signal_interaction WHERE interaction_id = ?", iid));
            LegalHoldsStub.answer("[]");
            assertNotNull(results.await(x -> x.value().contains(id), Duration.ofSeconds(60)),
                    "the same command runs once governance answers");
            assertNull(dlq.await(x -> x.value().contains(id), Duration.ofSeconds(1)), "never dead-lettered");
        }
        assertEquals(0, count("SELECT count(*) FROM signal_interaction WHERE interaction_id = ?", iid));
    }

    @Test
    void erasureChecksHoldsItself() {
        String agent = uid("subject");
        String held = oldInteraction(agent);
        String free = oldInteraction(agent);
        String path = "/api/v1/internal/subjects/" + agent;
        LegalHoldsStub.down();
        given().auth().oauth2(GOVERNANCE).when().delete(path).then().statusCode(503);
        assertEquals(2, count("SELECT count(*) FROM signal_interaction WHERE agent_id = ?", agent));
        // governance answers again; the client's circuit breaker may still say 503 (retry later) for a while
        LegalHoldsStub.answer(hold("\"" + agent + "\"", ""));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                given().auth().oauth2(GOVERNANCE).when().delete(path).then().extract().statusCode() == 409);
        assertEquals(2, count("SELECT count(*) FROM signal_interaction WHERE agent_id = ?", agent));
        LegalHoldsStub.answer(hold("", "\"" + held + "\""));
        given().auth().oauth2(GOVERNANCE).when().delete(path).then().statusCode(200)
                .body("erased.interaction-signal", equalTo(1));
        assertEquals(1, count("SELECT count(*) FROM signal_interaction WHERE interaction_id = ?", held));
        assertEquals(0, count("SELECT count(*) FROM signal_interaction WHERE interaction_id = ?", free));
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
