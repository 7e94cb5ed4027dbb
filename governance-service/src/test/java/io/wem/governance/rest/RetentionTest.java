package io.wem.governance.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.wem.common.contracts.AuditEvent;
import io.wem.common.contracts.LegalHoldScope;
import io.wem.common.contracts.PurgeCommand;
import io.wem.common.contracts.PurgeResult;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Events;
import io.wem.common.events.Topics;
import io.wem.governance.persistence.AuditEventStore;
import io.wem.testing.TestKafka;
import io.wem.testing.TestTokens;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class RetentionTest {

    @Inject
    AuditEventStore auditStore;

    static String admin(String name) {
        return TestTokens.withRoles(name, "governance-admin");
    }

    static String ciso() {
        return TestTokens.withRoles(AuditLogTest.uid("ciso"), "ciso");
    }

    @Test
    void policiesAreSeededAndRoleChecked() {
        given().get("/api/v1/retention/policies").then().statusCode(401);
        given().auth().oauth2(TestTokens.agent("agent-r", "t")).get("/api/v1/retention/policies").then().statusCode(403);
        given().auth().oauth2(TestTokens.withRoles("pa", "platform-admin")).get("/api/v1/retention/policies").then()
                .statusCode(403);
        given().auth().oauth2(admin("ga")).get("/api/v1/retention/policies").then().statusCode(200);
        given().auth().oauth2(ciso()).get("/api/v1/retention/policies").then().statusCode(200)
                .body("dataClass", hasItems("interaction-signal", "transcript", "qa-evaluation", "coaching-record",
                        "wellbeing-metric", "guardrail-decision", "audit-event"))
                .body("find { it.dataClass == 'coaching-record' }.service", equalTo("coaching-service"))
                .body("find { it.dataClass == 'audit-event' }.window", equalTo("P7Y"));
    }

    @Test
    void policyChangesAreValidatedAndAuditedWithBeforeAndAfter() {
        // Lengthening applies at once (shortening is a four-eyes change: FourEyesFlowTest).
        String body = "{\"window\":\"P400D\",\"legalBasis\":\"Legitimate interest: QA\",\"owner\":\"Quality Lead\"}";
        given().contentType(ContentType.JSON).body(body).put("/api/v1/retention/policies/qa-evaluation").then()
                .statusCode(401);
        given().auth().oauth2(ciso()).contentType(ContentType.JSON).body(body)
                .put("/api/v1/retention/policies/qa-evaluation").then().statusCode(403);
        String admin = AuditLogTest.uid("ga");
        given().auth().oauth2(admin(admin)).contentType(ContentType.JSON)
                .body("{\"window\":\"ninety days\",\"legalBasis\":\"x\",\"owner\":\"y\"}")
                .put("/api/v1/retention/policies/qa-evaluation").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("window"));
        given().auth().oauth2(admin(admin)).contentType(ContentType.JSON).body("{\"window\":\"P45D\",\"owner\":\"y\"}")
                .put("/api/v1/retention/policies/qa-evaluation").then().statusCode(400)
                .body("errors.field", hasItem("legalBasis"));
        given().auth().oauth2(admin(admin)).contentType(ContentType.JSON).body(body)
                .put("/api/v1/retention/policies/no-such-class").then().statusCode(404);
        String before = given().auth().oauth2(ciso()).get("/api/v1/retention/policies").jsonPath()
                .getString("find { it.dataClass == 'qa-evaluation' }.window");
        given().auth().oauth2(admin(admin)).contentType(ContentType.JSON).body(body)
                .put("/api/v1/retention/policies/qa-evaluation").then().statusCode(200)
                .body("window", equalTo("P400D")).body("updatedBy", equalTo(admin));
        given().auth().oauth2(ciso()).queryParam("actor", admin).queryParam("action", "UPDATE")
                .get("/api/v1/audit/events").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].resource", equalTo("governance-service:retention-policy/qa-evaluation"))
                .body("items[0].purpose", containsString("before: window=" + before))
                .body("items[0].purpose", containsString("after: window=P400D"));
    }

    @Test
    void legalHoldsLifecycle() {
        String hold = "{\"caseReference\":\"CASE-7\",\"reason\":\"tribunal\",\"agentIds\":[\"agent-held-1\"]}";
        given().contentType(ContentType.JSON).body(hold).post("/api/v1/legal-holds").then().statusCode(401);
        given().auth().oauth2(ciso()).contentType(ContentType.JSON).body(hold).post("/api/v1/legal-holds").then()
                .statusCode(403);
        given().auth().oauth2(admin("ga")).contentType(ContentType.JSON)
                .body("{\"caseReference\":\"CASE-7\",\"reason\":\"tribunal\"}").post("/api/v1/legal-holds").then()
                .statusCode(400).body("errors[0].field", equalTo("agentIds"));
        given().auth().oauth2(admin("ga")).contentType(ContentType.JSON)
                .body("{\"caseReference\":\"CASE-7\",\"reason\":\"tribunal\",\"agentIds\":[\"a\"],"
                        + "\"from\":\"2026-02-01T00:00:00Z\",\"to\":\"2026-01-01T00:00:00Z\"}")
                .post("/api/v1/legal-holds").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(admin("ga")).contentType(ContentType.JSON)
                .body("{\"caseReference\":\"CASE-7\",\"reason\":\"tribunal\",\"agentIds\":[\"a\"],\"color\":1}")
                .post("/api/v1/legal-holds").then().statusCode(400).body("errors[0].field", equalTo("color"));
        given().auth().oauth2(admin("ga")).contentType(ContentType.JSON)
                .body("{\"caseReference\":\"CASE-7\",\"reason\":\"tribunal\",\"agentIds\":[null]}")
                .post("/api/v1/legal-holds").then().statusCode(400).body("errors[0].field", equalTo("agentIds"));
        String agent = AuditLogTest.uid("agent");
        String id = given().auth().oauth2(admin("ga")).contentType(ContentType.JSON)
                .body("{\"caseReference\":\"CASE-7\",\"reason\":\"tribunal\",\"agentIds\":[\"" + agent + "\"]}")
                .post("/api/v1/legal-holds").then().statusCode(201).body("active", equalTo(true))
                .extract().path("id");
        given().auth().oauth2(TestTokens.agent("x", "t")).get("/api/v1/legal-holds").then().statusCode(403);
        given().auth().oauth2(ciso()).get("/api/v1/legal-holds").then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(ciso()).post("/api/v1/legal-holds/" + id + "/release").then().statusCode(403);
        String approver = FourEyesFlowTest.releaseWithApproval(admin("ga"), id);
        given().auth().oauth2(ciso()).queryParam("all", true).get("/api/v1/legal-holds").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.releasedBy", equalTo(approver));
        given().auth().oauth2(admin("ga")).post("/api/v1/legal-holds/" + id + "/release").then().statusCode(409);
        given().auth().oauth2(admin("ga")).post("/api/v1/legal-holds/nope/release").then().statusCode(404);
        given().auth().oauth2(admin("ga")).queryParam("all", true).get("/api/v1/legal-holds").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.active", equalTo(false));
        given().auth().oauth2(ciso()).queryParam("subject", agent).queryParam("action", "CREATE")
                .get("/api/v1/audit/events").then().body("total", equalTo(1))
                .body("items[0].purpose", containsString("CASE-7"));
    }

    @Test
    void purgeRunPublishesCommandsWithHoldsAndCollectsEvidence() {
        given().auth().oauth2(ciso()).post("/api/v1/retention/purges").then().statusCode(403);
        given().post("/api/v1/retention/purges").then().statusCode(401);
        String agent = AuditLogTest.uid("agent");
        String holdId = given().auth().oauth2(admin("ga")).contentType(ContentType.JSON)
                .body("{\"caseReference\":\"CASE-9\",\"reason\":\"audit\",\"agentIds\":[\"" + agent + "\"]}")
                .post("/api/v1/legal-holds").then().statusCode(201).extract().path("id");
        Instant started = Instant.now();
        try (TestKafka.Reader commands = TestKafka.reader(Topics.PURGE_COMMANDS)) {
            List<Map<String, Object>> issued = given().auth().oauth2(admin("ga")).post("/api/v1/retention/purges")
                    .then().statusCode(202).extract().jsonPath().getList("issued");
            assertEquals(7, issued.size());
            String transcriptCmd = issued.stream().filter(c -> c.get("dataClass").equals("transcript"))
                    .map(c -> (String) c.get("commandId")).findFirst().orElseThrow();
            ConsumerRecord<String, String> rec = commands.await(r -> r.value().contains(transcriptCmd),
                    Duration.ofSeconds(30));
            assertNotNull(rec, "purge command published");
            assertEquals("signal-service", rec.key());
            PurgeCommand cmd = Events.parse(rec.value()).dataAs(PurgeCommand.class);
            assertTrue(cmd.holds().stream().anyMatch(h -> h.holdId().equals(holdId)));
            // transcript window is P90D
            long days = Duration.between(cmd.cutoff(), cmd.issuedAt()).toDays();
            assertTrue(days >= 89 && days <= 92, "cutoff = now - P90D, was " + days + " days");
        }
        // Governance purges its own audit-event class through the common consumer and reports back on Kafka.
        await().atMost(Duration.ofSeconds(40)).until(() -> {
            String at = given().auth().oauth2(ciso()).get("/api/v1/retention/compliance").jsonPath()
                    .getString("find { it.dataClass == 'audit-event' }.lastPurgeAt");
            return at != null && !Instant.parse(at).isBefore(started.minusSeconds(1));
        });
        given().auth().oauth2(ciso()).get("/api/v1/retention/compliance").then().statusCode(200)
                .body("find { it.dataClass == 'audit-event' }.service", equalTo("governance-service"))
                .body("find { it.dataClass == 'audit-event' }.breach", equalTo(false));
        FourEyesFlowTest.releaseWithApproval(admin("ga"), holdId);
    }

    @Test
    void complianceFlagsABreachReportedByAService() {
        given().get("/api/v1/retention/compliance").then().statusCode(401);
        given().auth().oauth2(TestTokens.agent("a", "t")).get("/api/v1/retention/compliance").then().statusCode(403);
        // completedAt slightly ahead so this evidence is the latest even if a real service answers meanwhile
        PurgeResult old = new PurgeResult(AuditLogTest.uid("cmd"), "wellbeing-service", "wellbeing-metric",
                Instant.now().minus(Duration.ofDays(183)), 10, 0, Instant.now().minus(Duration.ofDays(400)),
                Instant.now().plusSeconds(600), null);
        try (TestKafka.Reader dlq = TestKafka.reader("wem.dlq.governance-service.purge-results.v1")) {
            String poison = AuditLogTest.uid("poison");
            TestKafka.send(Topics.PURGE_RESULTS, "wellbeing-service", "{\"oops\":\"" + poison + "\"}");
            TestKafka.sendSigned(Topics.PURGE_RESULTS, "wellbeing-service",
                    EventEnvelope.of(EventTypes.PURGE_RESULT, "wellbeing-service", null, old));
            await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(admin("ga"))
                    .get("/api/v1/retention/compliance").jsonPath()
                    .getBoolean("find { it.dataClass == 'wellbeing-metric' }.breach"));
            given().auth().oauth2(ciso()).get("/api/v1/retention/compliance").then()
                    .body("find { it.dataClass == 'wellbeing-metric' }.status", equalTo("BREACH"))
                    .body("find { it.dataClass == 'wellbeing-metric' }.oldestRemainingAgeDays", equalTo(400));
            assertNotNull(dlq.await(r -> r.value().contains(poison), Duration.ofSeconds(30)));
        }
    }

    @Test
    void auditEventRetentionRemovesOnlyAPrefixUpToTheFirstHeldEntry() {
        String held = AuditLogTest.uid("agent");
        AuditLogTest.publishAndAwait(AuditLogTest.event(AuditLogTest.uid("audit"), AuditLogTest.uid("sup"), held));
        AuditLogTest.publishAndAwait(AuditLogTest.event(AuditLogTest.uid("audit"), AuditLogTest.uid("sup"),
                AuditLogTest.uid("agent")));
        var outcome = purgeAuditEvents(Instant.now().plusSeconds(1),
                List.of(new LegalHoldScope("h", "CASE", List.of(held), List.of(), null, null)));
        assertTrue(outcome.retainedByHold() >= 2, "the held entry and everything after it stay");
        given().auth().oauth2(ciso()).queryParam("subject", held).queryParam("service", "signal-service")
                .get("/api/v1/audit/events").then().body("total", equalTo(1));
        given().auth().oauth2(ciso()).get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Transactional
    io.wem.common.retention.PersonalDataStore.PurgeOutcome purgeAuditEvents(Instant cutoff, List<LegalHoldScope> holds) {
        return auditStore.purge(cutoff, holds);
    }

}
