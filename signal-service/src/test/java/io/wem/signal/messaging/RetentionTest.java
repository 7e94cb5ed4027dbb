package io.wem.signal.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.wem.common.contracts.LegalHoldScope;
import io.wem.common.contracts.PurgeCommand;
import io.wem.common.contracts.PurgeResult;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Events;
import io.wem.signal.support.GovernanceStub;
import io.wem.testing.TestKafka;
import io.wem.testing.TestTokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import static io.wem.signal.support.Signals.*;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class RetentionTest {
    static final String INTEGRATION = TestTokens.service("cc", List.of("integration"));

    @Inject
    DataSource db;

    @Test
    void purgeKeepsWhatALegalHoldProtects() {
        String held = uid("held");
        String free = uid("free");
        String team = uid("team");
        Instant old = Instant.now().minus(Duration.ofDays(400));
        String heldInt = uid("int");
        String freeInt = uid("int");
        String recentInt = uid("int");
        String heldByInteraction = uid("int");
        post(batch(interaction(uid("e"), heldInt, held, team, old, 30, 0, 0, false, "x"),
                interaction(uid("e"), freeInt, free, team, old, 30, 0, 0, false, "x"),
                interaction(uid("e"), heldByInteraction, free, team, old, 30, 0, 0, false, "x"),
                interaction(uid("e"), recentInt, free, team, Instant.now().minusSeconds(60), 30, 0, 0, false, "x"),
                adherence(uid("e"), free, team, 95, old)));
        String commandId = UUID.randomUUID().toString();
        LegalHoldScope hold = new LegalHoldScope("hold-1", "case-42", List.of(held), List.of(heldByInteraction), null,
                null);
        PurgeCommand cmd = new PurgeCommand(commandId, "signal-service", "interaction-signal",
                Instant.now().minus(Duration.ofDays(365)), List.of(hold), Instant.now());
        try (TestKafka.Reader results = TestKafka.reader("wem.governance.purge-results.v1")) {
            TestKafka.sendSigned("wem.governance.purge-commands.v1", "signal-service",
                    EventEnvelope.of(EventTypes.PURGE_COMMAND, "governance-service", null, cmd));
            ConsumerRecord<String, String> r = results.await(x -> x.value().contains(commandId), Duration.ofSeconds(30));
            assertNotNull(r, "purge result published");
            PurgeResult result = Events.parse(r.value()).dataAs(PurgeResult.class);
            assertTrue(result.purged() >= 2, result.toString());
            assertTrue(result.retainedByHold() >= 2, result.toString());
        }
        assertEquals(1, count("SELECT count(*) FROM signal_interaction WHERE interaction_id = ?", heldInt));
        assertEquals(1, count("SELECT count(*) FROM signal_interaction WHERE interaction_id = ?", heldByInteraction));
        assertEquals(0, count("SELECT count(*) FROM signal_interaction WHERE interaction_id = ?", freeInt));
        assertEquals(1, count("SELECT count(*) FROM signal_interaction WHERE interaction_id = ?", recentInt));
        assertEquals(0, count("SELECT count(*) FROM signal_adherence WHERE agent_id = ? AND occurred_at < now() - "
                + "interval '364 days'", free));
    }

    @Test
    void subjectExportAndErasure() {
        String agent = uid("subject");
        String team = uid("team");
        String iid = uid("int");
        post(batch(interaction(uid("e"), iid, agent, team, Instant.now().minusSeconds(100), 30, 0, 0, false, "x"),
                survey(uid("e"), iid, 4), qa(uid("e"), agent, team, iid, false, 80, true),
                transcript(uid("e"), iid, agent, team, GovernanceStub.CLEAN_TEXT)));
        String path = "/api/v1/internal/subjects/" + agent;
        String svc = TestTokens.service("governance-service", List.of("service", "svc-subject-requests"));
        given().auth().oauth2(TestTokens.withRoles("qa", "qa-analyst")).when().get(path).then().statusCode(403);
        given().auth().oauth2(svc).when().get(path).then().statusCode(200)
                .body("data.interaction-signal.size()", equalTo(2))
                .body("data.transcript[0].record.redacted_text", equalTo(GovernanceStub.CLEAN_TEXT))
                .body("data.qa-evaluation.size()", equalTo(1));
        given().auth().oauth2(svc).when().delete(path).then().statusCode(200)
                .body("erased.interaction-signal", greaterThanOrEqualTo(2))
                .body("erased.transcript", equalTo(1)).body("erased.qa-evaluation", equalTo(1));
        assertEquals(0, count("SELECT count(*) FROM signal_interaction WHERE agent_id = ?", agent));
        assertEquals(0, count("SELECT count(*) FROM signal_survey WHERE interaction_id = ?", iid));
    }

    private static void post(String body) {
        given().auth().oauth2(INTEGRATION).contentType("application/json").body(body).when().post("/api/v1/signals")
                .then().statusCode(202);
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
