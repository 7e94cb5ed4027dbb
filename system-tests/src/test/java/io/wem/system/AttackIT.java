package io.wem.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attacks on the trust boundaries of the running stack (issue 14, messaging and deletion): someone who can write to
 * Kafka forges governance's purge commands, other services' audit events and purge evidence; one administrator
 * shortens the audit log's retention to a second. Messages are built here as plain JSON, the way an attacker with
 * the published contract would, sharing no code with the services.
 */
class AttackIT {
    static final String PURGE_COMMANDS = "wem.governance.purge-commands.v1";
    static final String AUDIT = "wem.governance.audit-events.v1";
    static final String PURGE_RESULTS = "wem.governance.purge-results.v1";
    static final String AGENT = RunIds.agent("team-north", "attack-victim");

    @BeforeAll
    static void stackIsUp() {
        Stack.awaitAllReady(Duration.ofSeconds(120));
    }

    static Map<String, Object> envelope(String id, String type, String source, Object data) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("specversion", "1.0");
        e.put("id", id);
        e.put("source", source);
        e.put("type", type);
        e.put("time", Instant.now().toString());
        e.put("datacontenttype", "application/json");
        e.put("data", data);
        return e;
    }

    /** An envelope as the attacker sends it: unsigned, or with a made-up signature attribute. */
    static String forged(Map<String, Object> envelope, boolean withSignature) {
        if (withSignature) {
            envelope.put("wemsignature", Base64.getEncoder().encodeToString(new byte[64]));
        }
        return JsonTree.write(envelope);
    }

    static void send(String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = KafkaTool.producer()) {
            KafkaTool.send(producer, topic, key, value);
        }
    }

    static void awaitDeadLettered(String dlq, String marker) {
        await(marker + " on " + dlq).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            AtomicBoolean found = new AtomicBoolean();
            KafkaTool.readAll(dlq, (k, v) -> found.compareAndSet(false, v != null && v.contains(marker)));
            return found.get();
        });
    }

    static long auditTotal(Map<String, String> query) {
        return JsonTree.parse(WemService.GOVERNANCE.as(Tokens.user("ciso1")).queryParams(query)
                .get("/api/v1/audit/events").then().statusCode(200).extract().asString()).path("total").asLong();
    }

    @Test
    @DisplayName("a forged purge command (future cutoff, no holds) deletes nothing, is dead-lettered and audited")
    void forgedPurgeCommand() {
        String interaction = RunIds.next("int");
        Signals.postAll(List.of(Signals.interaction(interaction, AGENT, "team-north",
                Instant.now().minus(Duration.ofDays(3)), 200, 0, 40, 0, "billing-question")));
        await("the victim's interaction is stored").atMost(Duration.ofSeconds(30)).until(() ->
                Db.count("wem_signal", "select count(*) from signal_interaction where interaction_id = ?", interaction) == 1);
        long auditBefore = Db.count("wem_governance", "select count(*) from audit_entry");
        long rejectedBefore = auditTotal(Map.of("action", "FORGED_MESSAGE_REJECTED"));
        String signalCmd = RunIds.next("cmd");
        String auditCmd = RunIds.next("cmd");
        Instant future = Instant.now().plus(Duration.ofDays(1));
        send(PURGE_COMMANDS, "signal-service", forged(envelope(signalCmd, "io.wem.governance.PurgeCommand.v1",
                "governance-service", Map.of("commandId", signalCmd, "service", "signal-service", "dataClass",
                        "interaction-signal", "cutoff", future.toString(), "holds", List.of(),
                        "issuedAt", Instant.now().toString())), false));
        send(PURGE_COMMANDS, "governance-service", forged(envelope(auditCmd, "io.wem.governance.PurgeCommand.v1",
                "governance-service", Map.of("commandId", auditCmd, "service", "governance-service", "dataClass",
                        "audit-event", "cutoff", future.toString(), "holds", List.of(),
                        "issuedAt", Instant.now().toString())), true));
        awaitDeadLettered("wem.dlq.signal-service.purge-commands.v1", signalCmd);
        awaitDeadLettered("wem.dlq.governance-service.purge-commands.v1", auditCmd);
        assertEquals(1, Db.count("wem_signal", "select count(*) from signal_interaction where interaction_id = ?",
                interaction), "the victim's interaction survived");
        assertTrue(Db.count("wem_governance", "select count(*) from audit_entry") >= auditBefore,
                "no audit entry deleted");
        await("both rejections audited").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .until(() -> auditTotal(Map.of("action", "FORGED_MESSAGE_REJECTED")) >= rejectedBefore + 2);
        // Every service consumes purge commands and rejects both, yet each forged message is one entry, not four.
        await("no duplicate rejections").during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> auditTotal(Map.of("action", "FORGED_MESSAGE_REJECTED")) == rejectedBefore + 2);
    }

    @Test
    @DisplayName("a forged audit event (another service's name, unsigned or badly signed) is refused")
    void forgedAuditEvent() {
        String actor = RunIds.next("impostor");
        String audit1 = RunIds.next("audit");
        String audit2 = RunIds.next("audit");
        for (String[] a : List.of(new String[] {audit1, "false"}, new String[] {audit2, "true"})) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("auditId", a[0]);
            data.put("service", "governance-service");
            data.put("actor", actor);
            data.put("actorRoles", List.of("ciso"));
            data.put("action", "UPDATE");
            data.put("resource", "governance-service:legal-hold/covered-up");
            data.put("purpose", "released legal hold");
            data.put("outcome", "SUCCESS");
            data.put("occurredAt", Instant.now().toString());
            send(AUDIT, actor, forged(envelope(a[0], "io.wem.governance.AuditEvent.v1", "governance-service", data),
                    Boolean.parseBoolean(a[1])));
        }
        awaitDeadLettered("wem.dlq.governance-service.audit-events.v1", audit1);
        awaitDeadLettered("wem.dlq.governance-service.audit-events.v1", audit2);
        assertEquals(0, auditTotal(Map.of("actor", actor)), "the forged entries are not in the audit log");
    }

    @Test
    @DisplayName("forged purge evidence does not reach the compliance report")
    void forgedPurgeEvidence() {
        String cmd = RunIds.next("cmd");
        long marker = 900_000 + (System.nanoTime() % 99_999);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("commandId", cmd);
        result.put("service", "wellbeing-service");
        result.put("dataClass", "wellbeing-metric");
        result.put("cutoff", Instant.now().toString());
        result.put("purged", marker);
        result.put("retainedByHold", 0);
        result.put("oldestRemaining", Instant.now().toString());
        // completed in the future, so it would stay the latest evidence and hide any breach
        result.put("completedAt", Instant.now().plus(Duration.ofDays(3650)).toString());
        send(PURGE_RESULTS, "wellbeing-service", forged(envelope(RunIds.next("env"),
                "io.wem.governance.PurgeResult.v1", "wellbeing-service", result), true));
        awaitDeadLettered("wem.dlq.governance-service.purge-results.v1", cmd);
        JsonNode report = JsonTree.parse(WemService.GOVERNANCE.as(Tokens.user("ciso1"))
                .get("/api/v1/retention/compliance").then().statusCode(200).extract().asString());
        for (JsonNode row : JsonTree.objects(report, n -> "wellbeing-metric".equals(JsonTree.text(n, "dataClass")))) {
            assertNotEquals(marker, row.path("lastPurged").asLong(), "forged evidence in the report: " + row);
        }
    }

    @Test
    @DisplayName("one administrator cannot set the audit log's retention to PT1S")
    void auditRetentionOfOneSecond() {
        String body = WemService.GOVERNANCE.as(Tokens.user("govadmin1")).contentType(ContentType.JSON)
                .body(Map.of("window", "PT1S", "legalBasis", "cleanup", "owner", "me"))
                .put("/api/v1/retention/policies/audit-event").then().statusCode(400).extract().asString();
        assertEquals("window", JsonTree.parse(body).path("errors").path(0).path("field").asText(), body);
    }
}
