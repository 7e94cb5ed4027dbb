package io.wem.signal.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wem.signal.support.GovernanceStub;
import io.wem.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.wem.signal.support.Signals.*;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
@QuarkusTestResource(GovernanceStub.class)
class SignalIngestionTest {

    static final String INTEGRATION = TestTokens.service("contact-center-connector", List.of("integration"));

    @Inject
    DataSource db;

    @Inject
    io.smallrye.faulttolerance.api.CircuitBreakerMaintenance breakers;

    /**
     * governanceDownRefusesTextButKeepsStructuredSignals opens the redaction breaker on purpose, and the other tests
     * need governance reachable: each starts with closed breakers (a run of this class alone failed on the order).
     */
    @org.junit.jupiter.api.BeforeEach
    void closedBreakers() {
        breakers.resetAll();
    }

    @Test
    void storesEachKindOnceAndCountsDuplicates() {
        String agent = uid("agent");
        String team = uid("team");
        String iid = uid("int");
        Instant now = Instant.now().minusSeconds(120);
        String body = batch(interaction(uid("e"), iid, agent, team, now, 60, 10, 0, false, "billing-dispute"),
                qa(uid("e"), agent, team, iid, false, 80, true),
                survey(uid("e"), iid, 4),
                "{\"kind\":\"sentiment\",\"eventId\":\"" + uid("e") + "\",\"occurredAt\":\"" + now
                        + "\",\"interactionId\":\"" + iid + "\",\"score\":-0.4}",
                adherence(uid("e"), agent, team, 95, now.minusSeconds(3600)),
                staffing(uid("e"), team, now.minusSeconds(600), 10, 12, 0.95),
                transcript(uid("e"), iid, agent, team, GovernanceStub.CLEAN_TEXT),
                liveMonitoring(uid("e"), agent, team));
        post(body).then().statusCode(202).body("accepted", equalTo(8)).body("duplicates", equalTo(0));
        post(body).then().statusCode(202).body("accepted", equalTo(0)).body("duplicates", equalTo(8));
        assertEquals(1, count("SELECT count(*) FROM signal_interaction WHERE interaction_id = ?", iid));
        assertEquals(1, count("SELECT count(*) FROM signal_transcript WHERE interaction_id = ?", iid));
        assertEquals(1, count("SELECT count(*) FROM signal_survey WHERE interaction_id = ?", iid));
        assertEquals(1, count("SELECT count(*) FROM signal_staffing WHERE team_id = ?", team));
    }

    @Test
    void duplicatesInsideOneBatchAreStoredOnce() {
        String e = uid("e");
        String iid = uid("int");
        String s = interaction(e, iid, uid("agent"), uid("team"), Instant.now().minusSeconds(60), 30, 0, 0, false, "x");
        post(batch(s, s)).then().statusCode(202).body("accepted", equalTo(1)).body("duplicates", equalTo(1));
    }

    @Test
    void outOfOrderSignalsAreStoredAndTheAgentKeepsTheLatestTeam() {
        String agent = uid("agent");
        Instant now = Instant.now();
        post(batch(interaction(uid("e"), uid("int"), agent, "team-new", now.minusSeconds(60), 30, 0, 0, false, "x")))
                .then().statusCode(202).body("accepted", equalTo(1));
        // An older signal arriving later must not move the agent back to the old team.
        post(batch(interaction(uid("e"), uid("int"), agent, "team-old", now.minusSeconds(86400), 30, 0, 0, false, "x")))
                .then().statusCode(202).body("accepted", equalTo(1));
        assertEquals(2, count("SELECT count(*) FROM signal_interaction WHERE agent_id = ?", agent));
        assertEquals(1, count("SELECT count(*) FROM agent_directory WHERE agent_id = ? AND team_id = 'team-new'", agent));
    }

    @Test
    void invalidFieldsAreNamed() {
        String bad = interaction(uid("e"), uid("int"), "", "team-x", Instant.now().minusSeconds(60), -1, 0, 0, false, "x");
        post(batch(interaction(uid("e"), uid("int"), uid("a"), "t", Instant.now().minusSeconds(60), 1, 0, 0, false, "x"),
                bad)).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("signals[1].agentId"))
                .body("errors.field", hasItem("signals[1].acwSeconds"));
        post(batch(survey(uid("e"), uid("int"), 9))).then().statusCode(400).body("errors.field", contains("signals[0].csat"));
        post("{\"signals\":[{\"kind\":\"telepathy\",\"eventId\":\"x\"}]}").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("signals[0]"));
        post("{\"signals\":[], \"extra\":1}").then().statusCode(400).body("errors[0].field", equalTo("extra"));
        post("{\"signals\":[]}").then().statusCode(400).body("errors[0].field", equalTo("signals"));
        post("{not json").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void tooManySignalsOrBytesAre413() {
        List<String> many = new ArrayList<>();
        for (int k = 0; k < 1001; k++) {
            many.add(survey("e-" + k, "i", 3));
        }
        post(batch(many.toArray(String[]::new))).then().statusCode(413).contentType("application/problem+json")
                .body("errors[0].field", equalTo("signals"));
        String big = transcript(uid("e"), uid("int"), "a", "t", "x".repeat(1_100_000));
        post(batch(big)).then().statusCode(413).body("errors[0].field", equalTo("body"));
    }

    @Test
    void aCardCutByABatchBoundaryIsNotStoredReadable() throws Exception {
        // cross-batch rule (b): the rest of the card arrives in the next batch of the same interaction; governance
        // can only see it is a card's rest if signal-service sends the stored (redacted) end of the transcript along
        String iid = uid("int");
        String agent = uid("agent");
        String team = uid("team");
        String first = uid("e");
        String rest = uid("e");
        post(batch(transcript(first, iid, agent, team, GovernanceStub.CUT_FIRST)))
                .then().statusCode(202).body("accepted", equalTo(1));
        assertEquals(GovernanceStub.REDACTED_CUT_FIRST,
                string("SELECT redacted_text FROM signal_transcript WHERE event_id = ?", first));
        post(batch(transcript(rest, iid, agent, team, GovernanceStub.CUT_REST)))
                .then().statusCode(202).body("accepted", equalTo(1));
        assertEquals("[PAN]", string("SELECT redacted_text FROM signal_transcript WHERE event_id = ?", rest));
        // another interaction's batch gets no context: its 8 digits are an ordinary number
        String other = uid("e");
        post(batch(transcript(other, uid("int"), agent, team, GovernanceStub.CUT_REST)))
                .then().statusCode(202).body("accepted", equalTo(1));
        assertEquals(GovernanceStub.CUT_REST, string("SELECT redacted_text FROM signal_transcript WHERE event_id = ?",
                other));
    }

    @Test
    void aCardNumberIsNeverStored() throws Exception {
        String iid = uid("int");
        String e = uid("e");
        post(batch(transcript(e, iid, uid("agent"), uid("team"), GovernanceStub.CARD_TEXT)))
                .then().statusCode(202).body("accepted", equalTo(1));
        assertEquals(GovernanceStub.REDACTED_CARD_TEXT,
                string("SELECT redacted_text FROM signal_transcript WHERE event_id = ?", e));
        assertEquals(0, count("SELECT count(*) FROM signal_transcript WHERE redacted_text LIKE ?",
                "%" + GovernanceStub.CARD + "%"));
        assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE payload LIKE ?", "%" + GovernanceStub.CARD + "%"));
    }

    @Test
    void governanceDownRefusesTextButKeepsStructuredSignals() {
        String iid = uid("int");
        String text = uid("e");
        String structured = uid("e");
        given().auth().oauth2(INTEGRATION).contentType("application/json")
                .body(batch(interaction(structured, iid, uid("agent"), uid("team"), Instant.now().minusSeconds(60), 30,
                                0, 0, false, "x"),
                        transcript(text, iid, uid("agent"), uid("team"),
                                GovernanceStub.DOWN_MARKER + " card " + GovernanceStub.CARD)))
                .when().post("/api/v1/signals").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("accepted", equalTo(1))
                .body("refusedEventIds", contains(text));
        assertEquals(0, count("SELECT count(*) FROM signal_transcript WHERE event_id = ?", text));
        assertEquals(1, count("SELECT count(*) FROM signal_interaction WHERE event_id = ?", structured));
        assertFalse(count("SELECT count(*) FROM signal_transcript WHERE redacted_text LIKE ?",
                "%" + GovernanceStub.DOWN_MARKER + "%") > 0);
    }

    @Test
    void onlyTheIntegrationRoleMayPush() {
        String body = batch(survey(uid("e"), uid("int"), 3));
        given().contentType("application/json").body(body).when().post("/api/v1/signals").then().statusCode(401);
        given().auth().oauth2(TestTokens.agent("agent-north-01", "team-north")).contentType("application/json")
                .body(body).when().post("/api/v1/signals").then().statusCode(403);
        given().auth().oauth2(TestTokens.withRoles("admin", "platform-admin")).contentType("application/json")
                .body(body).when().post("/api/v1/signals").then().statusCode(403);
        post(body).then().statusCode(202);
    }

    private static io.restassured.response.Response post(String body) {
        return given().auth().oauth2(INTEGRATION).contentType("application/json").body(body)
                .when().post("/api/v1/signals");
    }

    private long count(String sql, String arg) {
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

    private String string(String sql, String arg) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
