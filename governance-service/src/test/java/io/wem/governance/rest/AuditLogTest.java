package io.wem.governance.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.wem.common.contracts.AuditEvent;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Topics;
import io.wem.testing.TestKafka;
import io.wem.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AuditLogTest {
    static final String DB = "jdbc:postgresql://127.0.0.1:5432/wem_governance_test"
            + System.getenv().getOrDefault("WEM_TEST_DB_SUFFIX", "");

    static String uid(String p) {
        return p + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String ciso() {
        return TestTokens.withRoles(uid("ciso"), "ciso");
    }

    static AuditEvent event(String auditId, String actor, String subject) {
        return new AuditEvent(auditId, "signal-service", actor, List.of("supervisor"), subject, "READ",
                "signal-service:gaps", "coaching preparation", "SUCCESS", Instant.now(), "trace-" + auditId);
    }

    /** Sends an audit event the way wem-common's Audit does and waits until the log holds it. */
    static long publishAndAwait(AuditEvent e) {
        TestKafka.sendSigned(Topics.AUDIT, e.subject(), EventEnvelope.withId(e.auditId(), EventTypes.AUDIT, e.service(),
                e.subject(), e));
        String token = ciso();
        await().atMost(Duration.ofSeconds(40)).until(() -> given().auth().oauth2(token)
                .queryParam("actor", e.actor()).get("/api/v1/audit/events").then().statusCode(200)
                .extract().jsonPath().getLong("total") >= 1);
        return given().auth().oauth2(token).queryParam("actor", e.actor()).get("/api/v1/audit/events")
                .then().extract().jsonPath().getLong("items[0].sequence");
    }

    @Test
    void storesEventsOnceAndDeadLettersPoisonMessages() {
        String id = uid("audit");
        String actor = uid("sup");
        AuditEvent e = event(id, actor, uid("agent"));
        try (TestKafka.Reader dlq = TestKafka.reader("wem.dlq.governance-service.audit-events.v1")) {
            TestKafka.send(Topics.AUDIT, "poison", "{not json " + id);
            String badId = uid("bad");
            TestKafka.send(Topics.AUDIT, "poison", EventEnvelope.withId(badId, EventTypes.AUDIT, "x", null,
                    new AuditEvent(null, null, null, null, null, null, null, null, null, null, id)));
            publishAndAwait(e);
            // a redelivery (same audit id, new envelope id) is not stored twice
            TestKafka.sendSigned(Topics.AUDIT, e.subject(), EventEnvelope.of(EventTypes.AUDIT, "signal-service",
                    e.subject(), e));
            AuditEvent marker = event(uid("audit"), actor, e.subject());
            TestKafka.sendSigned(Topics.AUDIT, e.subject(), EventEnvelope.withId(marker.auditId(), EventTypes.AUDIT,
                    "signal-service", e.subject(), marker));
            await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(ciso())
                    .queryParam("actor", actor).get("/api/v1/audit/events").jsonPath().getLong("total") == 2);
            given().auth().oauth2(ciso()).queryParam("actor", actor).queryParam("subject", e.subject())
                    .queryParam("action", "READ").queryParam("service", "signal-service")
                    .get("/api/v1/audit/events").then().statusCode(200)
                    .body("total", equalTo(2))
                    .body("items.auditId", hasItem(id))
                    .body("items[0].purpose", equalTo("coaching preparation"));
            // Await the later record first: TestKafka.Reader#await drops the rest of a poll batch after a match.
            assertNotNull(dlq.await(r -> r.value().contains(badId), Duration.ofSeconds(30)),
                    "event without required fields dead-lettered");
            assertNotNull(dlq.await(r -> r.value().contains("{not json " + id), Duration.ofSeconds(30)),
                    "malformed JSON dead-lettered");
        }
    }

    @Test
    void governanceAuditsItsOwnReads() {
        String user = uid("ciso");
        String token = TestTokens.withRoles(user, "ciso");
        String subject = uid("agent");
        given().auth().oauth2(token).queryParam("subject", subject).get("/api/v1/audit/events").then().statusCode(200);
        given().auth().oauth2(ciso()).queryParam("actor", user).get("/api/v1/audit/events").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].resource", equalTo("governance-service:audit-events"))
                .body("items[0].subject", equalTo(subject))
                .body("items[0].service", equalTo("governance-service"))
                .body("items[0].actorRoles", hasItem("ciso"));
    }

    @Test
    void exportStreamsNdjsonAndCsv() {
        String actor = uid("sup");
        AuditEvent e = event(uid("audit"), actor, uid("agent"));
        publishAndAwait(e);
        String ndjson = given().auth().oauth2(ciso()).queryParam("format", "ndjson").queryParam("actor", actor)
                .get("/api/v1/audit/export").then().statusCode(200).contentType(containsString("application/x-ndjson"))
                .extract().asString();
        assertEquals(1, ndjson.lines().count());
        assertTrue(ndjson.contains("\"auditId\":\"" + e.auditId() + "\""));
        String csv = given().auth().oauth2(ciso()).queryParam("format", "csv").queryParam("actor", actor)
                .get("/api/v1/audit/export").then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asString();
        assertTrue(csv.startsWith("sequence,auditId,"));
        assertTrue(csv.contains(e.auditId()));
        given().auth().oauth2(ciso()).queryParam("format", "xml").get("/api/v1/audit/export").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("format"));
        given().auth().oauth2(ciso()).queryParam("from", "yesterday").get("/api/v1/audit/events").then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(ciso()).queryParam("size", "0").get("/api/v1/audit/events").then()
                .statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void theServiceRoleCannotChangeOrDeleteAuditRows() throws Exception {
        AuditEvent e = event(uid("audit"), uid("sup"), uid("agent"));
        publishAndAwait(e);
        try (Connection c = DriverManager.getConnection(DB, "wem_governance", "wem_governance")) {
            for (String sql : List.of("UPDATE audit_entry SET purpose = 'x' WHERE audit_id = ?",
                    "DELETE FROM audit_entry WHERE audit_id = ?")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, e.auditId());
                    SQLException ex = assertThrows(SQLException.class, ps::executeUpdate, sql);
                    assertEquals("42501", ex.getSQLState(), ex.getMessage());
                }
            }
            try (Statement st = c.createStatement()) {
                assertThrows(SQLException.class, () -> st.execute("TRUNCATE audit_entry"));
            }
        }
    }

    @Test
    void verifyNamesTheEntryTamperedWithInSql() throws Exception {
        AuditEvent e = event(uid("audit"), uid("sup"), uid("agent"));
        long seq = publishAndAwait(e);
        given().auth().oauth2(ciso()).get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
        // A database superuser bypasses the trigger (replica mode skips ordinary triggers) and rewrites history.
        try (Connection c = DriverManager.getConnection(DB, "postgres", "")) {
            tamper(c, e.auditId(), "just curious");
            try {
                given().auth().oauth2(ciso()).get("/api/v1/audit/verify").then().statusCode(200)
                        .body("valid", equalTo(false))
                        .body("firstBrokenSequence", equalTo((int) seq))
                        .body("reason", containsString("changed"));
            } finally {
                tamper(c, e.auditId(), e.purpose()); // put it back so later tests see an intact chain
            }
        }
        given().auth().oauth2(ciso()).get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    private static void tamper(Connection c, String auditId, String purpose) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET session_replication_role = replica");
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_entry SET purpose = ? WHERE audit_id = ?")) {
            ps.setString(1, purpose);
            ps.setString(2, auditId);
            assertEquals(1, ps.executeUpdate());
        }
        try (Statement st = c.createStatement()) {
            st.execute("SET session_replication_role = origin");
        }
    }

    @Test
    void rolesPerEndpoint() {
        for (String path : List.of("/api/v1/audit/events", "/api/v1/audit/export", "/api/v1/audit/verify")) {
            given().get(path).then().statusCode(401);
            for (String token : List.of(TestTokens.agent("agent-a1", "team-a"), TestTokens.withRoles("ga", "governance-admin"),
                    TestTokens.withRoles("pa", "platform-admin"), TestTokens.service("signal-service", List.of("service")))) {
                given().auth().oauth2(token).get(path).then().statusCode(403);
            }
            given().auth().oauth2(ciso()).get(path).then().statusCode(200);
        }
    }
}
