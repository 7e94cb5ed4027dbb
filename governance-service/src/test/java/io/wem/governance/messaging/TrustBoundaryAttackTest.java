package io.wem.governance.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.wem.common.contracts.AuditEvent;
import io.wem.common.contracts.PurgeCommand;
import io.wem.common.contracts.PurgeResult;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Events;
import io.wem.common.events.Topics;
import io.wem.testing.Management;
import io.wem.testing.TestKafka;
import io.wem.testing.TestSigning;
import io.wem.testing.TestTokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attacks by anyone who can write to Kafka, or by one administrator, against governance-service (issue 14). Each
 * test was run first against the unsigned consumers, where the attack succeeded.
 */
@QuarkusTest
class TrustBoundaryAttackTest {
    static final String COMMAND_DLQ = "wem.dlq.governance-service.purge-commands.v1";

    @Inject
    EntityManager em;

    static String uid(String p) {
        return p + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String ciso() {
        return TestTokens.withRoles(uid("ciso"), "ciso");
    }

    long auditEntries() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM audit_entry").getSingleResult()).longValue());
    }

    /** Stores one genuine (signed) audit event, so the chain is not empty, and waits for it. */
    static void genuineAuditEvent() {
        String actor = uid("sup");
        AuditEvent e = new AuditEvent(uid("audit"), "signal-service", actor, List.of("supervisor"), uid("agent"), "READ",
                "signal-service:gaps", "coaching", "SUCCESS", Instant.now(), null);
        TestKafka.sendSigned(Topics.AUDIT, e.subject(), EventEnvelope.withId(e.auditId(), EventTypes.AUDIT,
                "signal-service", e.subject(), e));
        awaitAudit("actor", actor, 1);
    }

    static void awaitAudit(String param, String value, long total) {
        await().atMost(Duration.ofSeconds(40)).until(() -> auditCount(param, value) >= total);
    }

    static long auditCount(String param, String value) {
        return given().auth().oauth2(ciso()).queryParam(param, value).get("/api/v1/audit/events").jsonPath()
                .getLong("total");
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static EventEnvelope wipeAuditLog(String commandId, Instant cutoff) {
        return EventEnvelope.withId(commandId, EventTypes.PURGE_COMMAND, "governance-service", null,
                new PurgeCommand(commandId, "governance-service", "audit-event", cutoff, List.of(), Instant.now()));
    }

    @Test
    void forgedPurgeCommandDeletesNothingAndIsDeadLetteredAndAudited() {
        genuineAuditEvent();
        long before = auditEntries();
        long rejectionsBefore = auditCount("action", "FORGED_MESSAGE_REJECTED");
        String unsigned = uid("cmd");
        String wrongKey = uid("cmd");
        try (TestKafka.Reader dlq = TestKafka.reader(COMMAND_DLQ)) {
            // today's plain contract, and one signed in governance's name with the attacker's own key
            TestKafka.send(Topics.PURGE_COMMANDS, "governance-service",
                    Events.toJson(wipeAuditLog(unsigned, Instant.now().plusSeconds(3600))));
            TestKafka.send(Topics.PURGE_COMMANDS, "governance-service",
                    TestSigning.forged(wipeAuditLog(wrongKey, Instant.now().plusSeconds(3600))));
            ConsumerRecord<String, String> parked = dlq.await(r -> r.value().contains(wrongKey), Duration.ofSeconds(30));
            assertNotNull(parked, "forged command dead-lettered");
            assertEquals("signature does not verify for the claimed source", header(parked, "dead-letter-reason"));
            assertNotNull(dlq.await(r -> r.value().contains(unsigned), Duration.ofSeconds(30)), "unsigned one too");
        }
        assertTrue(auditEntries() >= before, "no audit entry deleted");
        awaitAudit("action", "FORGED_MESSAGE_REJECTED", rejectionsBefore + 2);
        given().auth().oauth2(ciso()).queryParam("action", "FORGED_MESSAGE_REJECTED")
                .get("/api/v1/audit/events").then().statusCode(200)
                .body("items[0].service", equalTo("governance-service"))
                .body("items[0].outcome", equalTo("DENIED"));
        Management.given().get("/health/ready").then().statusCode(200);
    }

    @Test
    void aSignedCommandBelowTheRetentionFloorIsRefused() {
        genuineAuditEvent();
        long before = auditEntries();
        String id = uid("cmd");
        try (TestKafka.Reader dlq = TestKafka.reader(COMMAND_DLQ)) {
            TestKafka.sendSigned(Topics.PURGE_COMMANDS, "governance-service", wipeAuditLog(id,
                    Instant.now().minusSeconds(1)));
            ConsumerRecord<String, String> parked = dlq.await(r -> r.value().contains(id), Duration.ofSeconds(30));
            assertNotNull(parked, "command below the floor dead-lettered");
            assertEquals("cutoff is newer than the retention floor of the data class",
                    header(parked, "dead-letter-reason"));
        }
        assertTrue(auditEntries() >= before, "no audit entry deleted");
    }

    /**
     * The other side of the actor rule: wellbeing-service audits the guardrail decisions coaching-service asks it for,
     * naming coaching-service's account as the actor. Such entries were once refused, and the audit trail lost every
     * service-to-service read and decision.
     */
    @Test
    void auditEventsNamingACallerOfTheSignerAreStored() {
        String subject = uid("agent");
        AuditEvent decision = new AuditEvent(uid("audit"), "wellbeing-service", "service-account-coaching-service",
                List.of("svc-guardrail"), subject, "DECIDE", "wellbeing-service:guardrail-decision", "guardrail",
                "SUCCESS", Instant.now(), null);
        TestKafka.send(Topics.AUDIT, subject, TestSigning.signed(EventEnvelope.withId(decision.auditId(),
                EventTypes.AUDIT, "wellbeing-service", subject, decision)));
        // (a query by subject is itself audited by governance: count wellbeing-service's entries only)
        await().atMost(Duration.ofSeconds(40)).until(() -> given().auth().oauth2(ciso()).queryParam("subject", subject)
                .queryParam("service", "wellbeing-service").get("/api/v1/audit/events").jsonPath().getLong("total") == 1);
    }

    @Test
    void forgedAuditEventsAreRefused() {
        String unsignedActor = uid("ciso");
        String impostorActor = uid("ciso");
        String marker = uid("agent");
        try (TestKafka.Reader dlq = TestKafka.reader("wem.dlq.governance-service.audit-events.v1")) {
            // unsigned, claiming governance itself recorded it
            AuditEvent unsigned = new AuditEvent(uid("audit"), "governance-service", unsignedActor, List.of("ciso"),
                    null, "UPDATE", "governance-service:retention-policy/audit-event", "cover", "SUCCESS",
                    Instant.now(), null);
            TestKafka.send(Topics.AUDIT, "x", Events.toJson(EventEnvelope.withId(unsigned.auditId(), EventTypes.AUDIT,
                    "governance-service", null, unsigned)));
            // signed by signal-service, but naming governance-service as the reporting service
            AuditEvent impostor = new AuditEvent(uid("audit"), "governance-service", impostorActor, List.of("ciso"),
                    null, "UPDATE", "governance-service:legal-hold/x", "cover", "SUCCESS", Instant.now(), null);
            TestKafka.send(Topics.AUDIT, "x", TestSigning.signed(EventEnvelope.withId(impostor.auditId(),
                    EventTypes.AUDIT, "signal-service", null, impostor)));
            // signed by signal-service, naming as the actor wellbeing-service's account, which never calls signal
            AuditEvent actor = new AuditEvent(uid("audit"), "signal-service", "service-account-wellbeing-service",
                    List.of("service"),
                    marker, "ERASE", "signal-service:subject-erasure", "cover", "SUCCESS", Instant.now(), null);
            TestKafka.send(Topics.AUDIT, "x", TestSigning.signed(EventEnvelope.withId(actor.auditId(),
                    EventTypes.AUDIT, "signal-service", marker, actor)));
            assertNotNull(dlq.await(r -> r.value().contains(marker), Duration.ofSeconds(30)));
        }
        genuineAuditEvent();
        assertEquals(0, auditCount("actor", unsignedActor));
        assertEquals(0, auditCount("actor", impostorActor));
        // (querying by subject is itself audited by governance, so look for signal-service's entry)
        assertEquals(0, given().auth().oauth2(ciso()).queryParam("subject", marker)
                .queryParam("service", "signal-service").get("/api/v1/audit/events").jsonPath().getLong("total"));
    }

    @Test
    void forgedPurgeEvidenceIsRefused() {
        String id = uid("cmd");
        try (TestKafka.Reader dlq = TestKafka.reader("wem.dlq.governance-service.purge-results.v1")) {
            TestKafka.send(Topics.PURGE_RESULTS, "wellbeing-service",
                    Events.toJson(EventEnvelope.of(EventTypes.PURGE_RESULT, "wellbeing-service", null, fake(id + "-a"))));
            TestKafka.send(Topics.PURGE_RESULTS, "wellbeing-service", TestSigning.forged(
                    EventEnvelope.of(EventTypes.PURGE_RESULT, "wellbeing-service", null, fake(id + "-b"))));
            // a genuine key, but signal-service reporting for wellbeing-service
            TestKafka.send(Topics.PURGE_RESULTS, "wellbeing-service", TestSigning.signed(
                    EventEnvelope.of(EventTypes.PURGE_RESULT, "signal-service", null, fake(id + "-c"))));
            for (String suffix : List.of("-a", "-b", "-c")) {
                ConsumerRecord<String, String> r = dlq.await(x -> x.value().contains(id + suffix),
                        Duration.ofSeconds(30));
                assertNotNull(r, "forged evidence " + suffix + " dead-lettered");
                assertFalse(header(r, "dead-letter-reason").contains(id), "the reason echoes no payload text");
            }
        }
        Object purged = given().auth().oauth2(ciso()).get("/api/v1/retention/compliance").jsonPath()
                .get("find { it.dataClass == 'wellbeing-metric' }.lastPurged");
        assertNotEquals(987_654, purged);
    }

    static PurgeResult fake(String commandId) {
        // hides a breach: everything purged, nothing old remains, completed in the future so it stays the latest
        return new PurgeResult(commandId, "wellbeing-service", "wellbeing-metric", Instant.now(), 987_654, 0,
                Instant.now(), Instant.now().plus(Duration.ofDays(3650)), null);
    }

    @Test
    void theWorkerRechecksHoldsBeforeRunningAnErasureOpenedEarlier() {
        String agent = uid("agent");
        String admin = TestTokens.withRoles(uid("ga"), "governance-admin");
        String holdId = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"caseReference\":\"CASE-14\",\"reason\":\"tribunal\",\"agentIds\":[\"" + agent + "\"]}")
                .post("/api/v1/legal-holds").then().statusCode(201).extract().path("id");
        // an erasure opened before the hold existed, still waiting for the worker
        String id = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO subject_request (id, type, "
                        + "agent_id, status, requested_by, requested_at) VALUES (?1, 'ERASURE', ?2, 'PENDING', 'ga', now())")
                .setParameter(1, id).setParameter(2, agent).executeUpdate());
        await().atMost(Duration.ofSeconds(30)).until(() -> "REFUSED_LEGAL_HOLD".equals(given().auth().oauth2(admin)
                .get("/api/v1/subject-requests/" + id).jsonPath().getString("status")));
        given().auth().oauth2(admin).get("/api/v1/subject-requests/" + id).then()
                .body("refusedByHolds[0]", equalTo(holdId));
        // (the hold names a unique agent and stays: releasing it is a four-eyes change)
    }

    @Test
    void oneAdministratorCannotShortenAuditRetentionBelowTheFloor() {
        given().auth().oauth2(TestTokens.withRoles(uid("ga"), "governance-admin")).contentType(ContentType.JSON)
                .body("{\"window\":\"PT1S\",\"legalBasis\":\"none\",\"owner\":\"me\"}")
                .put("/api/v1/retention/policies/audit-event").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("window"));
        given().auth().oauth2(ciso()).get("/api/v1/retention/policies").then()
                .body("find { it.dataClass == 'audit-event' }.window", equalTo("P7Y"));
    }
}
