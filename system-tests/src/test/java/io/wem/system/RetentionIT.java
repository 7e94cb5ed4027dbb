package io.wem.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retention with a legal hold, across services: two agents get signals dated 45 days ago (beyond a window shortened
 * to 30 days for the test, restored afterwards); one of them is under a legal hold. An on-demand purge must remove
 * the free agent's expired data in signal-service (and what wellbeing derived from it) and keep the held agent's;
 * governance's compliance report shows the purge; the audit chain still verifies.
 */
class RetentionIT {

    static final List<String> SHORTENED = List.of("interaction-signal", "transcript", "wellbeing-metric");
    static final String WINDOW = "P30D";

    private static final Map<String, JsonNode> ORIGINAL = new LinkedHashMap<>();
    private static String holdId;
    private static final String FREE = RunIds.agent("team-north", "ret-free");
    private static final String HELD = RunIds.agent("team-north", "ret-held");
    private static Instant started;

    @BeforeAll
    static void expiredDataAndAHold() {
        Stack.awaitAllReady(Duration.ofSeconds(120));
        started = Instant.now();
        for (String dataClass : SHORTENED) {
            JsonNode policy = policy(dataClass);
            ORIGINAL.put(dataClass, policy);
            putPolicy(dataClass, withWindow(policy, WINDOW));
            assertEquals(WINDOW, policy(dataClass).path("window").asText(), "policy of " + dataClass + " not shortened");
        }
        Instant old = Instant.now().minus(Duration.ofDays(45));
        List<Map<String, Object>> signals = new ArrayList<>();
        for (String agent : List.of(FREE, HELD)) {
            for (int i = 0; i < 5; i++) {
                String interactionId = RunIds.next("int");
                Instant at = old.plusSeconds(i * 600L);
                signals.add(Signals.interaction(interactionId, agent, "team-north", at, 200, 0, 40, 0, "billing-question"));
                signals.add(Signals.transcript(interactionId, agent, "team-north", at, "Customer asked about the bill."));
            }
        }
        Signals.postAll(signals);
        JsonNode hold = JsonTree.parse(WemService.GOVERNANCE.as(Tokens.user("govadmin1")).contentType(ContentType.JSON)
                .body(Map.of("caseReference", RunIds.next("case"), "reason", "system test: employment dispute",
                        "agentIds", List.of(HELD)))
                .post("/api/v1/legal-holds").then().statusCode(201).extract().asString());
        holdId = hold.path("id").asText();
        assertTrue(hold.path("active").asBoolean(), "hold not active: " + hold);
        assertFalse(holdId.isEmpty(), "no hold id in " + hold);
    }

    @AfterAll
    static void restore() {
        // the policies first: a shortened window left behind would purge other people's data on the next daily run
        ORIGINAL.forEach(RetentionIT::putPolicy);
        if (holdId != null && !holdId.isEmpty()) {
            var answer = WemService.GOVERNANCE.as(Tokens.user("govadmin1"))
                    .post("/api/v1/legal-holds/{id}/release", holdId).then().extract();
            approveIfProposed(answer.statusCode(), answer.path("id"));
        }
    }

    @Test
    @DisplayName("a purge removes expired data everywhere except the held subject's; report and audit chain show it")
    void purgeHonoursTheHold() {
        assertEquals(5, rows("signal_interaction", FREE));
        assertEquals(5, rows("signal_interaction", HELD));

        WemService.GOVERNANCE.as(Tokens.user("govadmin1")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/retention/purges").then().statusCode(202);

        await("signal-service purged the free agent's expired rows").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> rows("signal_interaction", FREE) == 0 && rows("signal_transcript", FREE) == 0);
        assertEquals(5, rows("signal_interaction", HELD), "held agent's interactions");
        assertEquals(5, rows("signal_transcript", HELD), "held agent's transcripts");
        // wellbeing derives intensity from the same interactions: expired for FREE, kept for HELD
        for (Db.TextColumn col : Db.textColumns("wem_wellbeing")) {
            if (col.column().equals("agent_id")) {
                await("wellbeing " + col.table() + " purged for the free agent").atMost(Duration.ofSeconds(60))
                        .until(() -> Db.count("wem_wellbeing", "select count(*) from \"" + col.table()
                                + "\" where agent_id = ?", FREE) == 0);
            }
        }

        await("compliance report shows this purge").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .until(() -> !purgesSince("signal-service", "interaction-signal").isEmpty());
        await("compliance report shows this purge of transcripts").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2)).until(() -> !purgesSince("signal-service", "transcript").isEmpty());
        // the held agent's five expired rows (at least: other holds may exist) were kept by the hold, and counted
        for (String dataClass : List.of("interaction-signal", "transcript")) {
            JsonNode row = purgesSince("signal-service", dataClass).get(0);
            assertTrue(row.path("lastRetainedByHold").asLong() >= 5, "hold counts of " + dataClass + ": " + row);
            assertTrue(row.path("lastPurged").asLong() >= 5, "purge counts of " + dataClass + ": " + row);
        }
        for (String service : List.of("signal-service", "coaching-service", "wellbeing-service")) {
            assertFalse(JsonTree.objects(report(), n -> service.equals(JsonTree.text(n, "service"))).isEmpty(),
                    "compliance report has no row for " + service);
        }

        JsonNode verify = JsonTree.parse(WemService.GOVERNANCE.as(Tokens.user("ciso1")).get("/api/v1/audit/verify")
                .then().statusCode(200).extract().asString());
        assertTrue(verify.path("valid").asBoolean(), "audit chain broken: " + verify);
    }

    private static long rows(String table, String agent) {
        return Db.count("wem_signal", "select count(*) from " + table + " where agent_id = ?", agent);
    }

    private static JsonNode report() {
        return JsonTree.parse(WemService.GOVERNANCE.as(Tokens.user("ciso1")).get("/api/v1/retention/compliance")
                .then().statusCode(200).extract().asString());
    }

    /** Report entries of a service and data class whose last purge completed after this test started. */
    private static List<JsonNode> purgesSince(String service, String dataClass) {
        return JsonTree.objects(report(), n -> service.equals(JsonTree.text(n, "service"))
                && dataClass.equals(JsonTree.text(n, "dataClass"))
                && JsonTree.text(n, "lastPurgeAt") != null
                && !Instant.parse(JsonTree.text(n, "lastPurgeAt")).isBefore(started));
    }

    /** {@code GET /api/v1/retention/policies} lists one policy per data class. */
    private static JsonNode policy(String dataClass) {
        JsonNode all = JsonTree.parse(WemService.GOVERNANCE.as(Tokens.user("govadmin1")).get("/api/v1/retention/policies")
                .then().statusCode(200).extract().asString());
        for (JsonNode p : all) {
            if (dataClass.equals(p.path("dataClass").asText())) {
                return p;
            }
        }
        throw new AssertionError("no retention policy for " + dataClass + " in " + all);
    }

    private static JsonNode withWindow(JsonNode policy, String window) {
        ObjectNode copy = policy.deepCopy();
        copy.put("window", window);
        return copy;
    }

    /** {@code PUT /api/v1/retention/policies/{dataClass}} takes window, legal basis and owner. */
    private static void putPolicy(String dataClass, JsonNode policy) {
        Map<String, Object> body = Map.of("window", policy.path("window").asText(),
                "legalBasis", policy.path("legalBasis").asText(), "owner", policy.path("owner").asText());
        var answer = WemService.GOVERNANCE.as(Tokens.user("govadmin1")).contentType(ContentType.JSON).body(body)
                .put("/api/v1/retention/policies/{c}", dataClass).then().extract();
        approveIfProposed(answer.statusCode(), answer.path("id"));
    }

    /** Shortening a window or releasing a hold is a four-eyes change: a different person, the CISO, approves it. */
    private static void approveIfProposed(int status, String proposalId) {
        if (status == 202) {
            WemService.GOVERNANCE.as(Tokens.user("ciso1")).post("/api/v1/approvals/{id}/approve", proposalId)
                    .then().statusCode(200);
        } else {
            assertEquals(200, status, "policy change answered " + status);
        }
    }
}
