package io.wem.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14's three attacks that only service tests covered, now against the running stack: a signal that moves an
 * agent into another team (REST and the Kafka ingest topic), an erasure under a legal hold on one interaction, and
 * a database superuser removing the newest audit entries. Each was run once with its control switched off locally
 * (directory placement, the erase endpoint's hold check, verify's checkpoint comparison) and failed.
 */
class TrustBoundaryIT {

    /** The Kafka ingest topic integrators write signals to (same contract as {@code POST /api/v1/signals}). */
    static final String INGEST = "wem.signal.signals.v1";
    /** Realm agent2: the directory places agent-north-02 in team-north; supervisor2 supervises team-south only. */
    static final String AGENT2 = "agent-north-02";

    @BeforeAll
    static void stackIsUp() {
        Stack.awaitAllReady(Duration.ofSeconds(120));
    }

    // ---------------------------------------------------------------------------------------------------------
    // a. team move by signal

    @Test
    @DisplayName("signals (REST and the Kafka ingest topic) naming team-south for a team-north agent move nothing")
    void aSignalCannotMoveAnAgentIntoAnotherTeam() {
        Signals.ensureKnown(AGENT2, "team-north");
        double flaggedBefore = signalMetric("wem_signal_directory_total", "team-corrected");
        String viaRest = RunIds.next("int-move");
        String viaKafka = RunIds.next("int-move");
        Instant at = Instant.now().minus(Duration.ofMinutes(30));
        Signals.postAll(List.of(Signals.interaction(viaRest, AGENT2, "team-south", at, 300, 0, 50, 0,
                "billing-question")));
        try (KafkaProducer<String, String> producer = KafkaTool.producer()) {
            KafkaTool.send(producer, INGEST, AGENT2, Signals.ingestEnvelope(Signals.interaction(viaKafka, AGENT2, "team-south",
                    at.plusSeconds(400), 280, 0, 45, 0, "billing-question")));
        }
        await("both interactions stored by signal-service").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).until(() -> Db.count("wem_signal",
                        "select count(*) from signal_interaction where interaction_id in (?, ?)", viaRest, viaKafka) == 2);
        assertEquals(List.of("team-north"), teams("wem_signal", "signal_interaction", "interaction_id", viaRest, viaKafka),
                "signal-service files the interactions under the directory's team");
        // wellbeing keeps the agent's activities (and state) under the directory's team as well
        await("wellbeing recorded both activities").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Db.count("wem_wellbeing", "select count(*) from agent_activity where activity_id in (?, ?)",
                        viaRest, viaKafka) == 2);
        assertEquals(List.of("team-north"), teams("wem_wellbeing", "agent_activity", "activity_id", viaRest, viaKafka));
        assertEquals("team-north", Db.rows("wem_wellbeing", "select team_id from agent_state where agent_id = ?", AGENT2)
                .get(0).get("team_id"));
        // flagged: counted as corrected placements on signal-service's metrics
        assertTrue(signalMetric("wem_signal_directory_total", "team-corrected") >= flaggedBefore + 2,
                "the two team claims are counted as corrected");
        // and the team the signals named still reads nothing of the agent
        for (String path : List.of("/api/v1/agents/{a}/behaviors", "/api/v1/agents/{a}/behaviors/acw-habits/measurements")) {
            WemService.SIGNAL.as(Tokens.user("supervisor2")).get(path, AGENT2).then().statusCode(403);
            WemService.SIGNAL.as(Tokens.user("supervisor1")).get(path, AGENT2).then().statusCode(200);
        }
        JsonNode south = JsonTree.parse(WemService.SIGNAL.as(Tokens.user("supervisor2")).get("/api/v1/gaps?teamId=team-south")
                .then().statusCode(200).extract().asString());
        assertTrue(JsonTree.objects(south, n -> AGENT2.equals(JsonTree.text(n, "agentId"))).isEmpty(),
                "team-south's gaps name " + AGENT2);
        JsonNode wellbeing = JsonTree.parse(WemService.WELLBEING.as(Tokens.user("supervisor2"))
                .get("/api/v1/teams/team-south/wellbeing").then().statusCode(200).extract().asString());
        assertTrue(JsonTree.objects(wellbeing, n -> AGENT2.equals(JsonTree.text(n, "agentId"))).isEmpty(),
                "team-south's wellbeing names " + AGENT2 + ": " + wellbeing);
    }

    private static List<String> teams(String db, String table, String idColumn, String... ids) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> r : Db.rows(db, "select distinct team_id from " + table + " where " + idColumn
                + " = any(?)", (Object) ids)) {
            out.add((String) r.get("team_id"));
        }
        return out;
    }

    /** Sum of a Prometheus counter's series with {@code outcome="..."} on signal-service's management port. */
    private static double signalMetric(String name, String outcome) {
        String text = WemService.SIGNAL.management().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\}\\s+([0-9.eE+-]+)$").matcher(text);
        double sum = 0;
        while (m.find()) {
            if (m.group(1).contains("outcome=\"" + outcome + "\"")) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    // ---------------------------------------------------------------------------------------------------------
    // b. erasure under an interaction hold

    @Test
    @DisplayName("an erasure under a hold on one interaction keeps that interaction's data everywhere; after release it goes")
    void erasureUnderAnInteractionHold() {
        String agent = RunIds.agent("team-north", "erase-held");
        String held = RunIds.next("int-held");
        String free = RunIds.next("int-free");
        Instant at = Instant.now().minus(Duration.ofDays(2));
        Signals.postAll(List.of(
                Signals.interaction(held, agent, "team-north", at, 260, 0, 40, 0, "billing-question"),
                Signals.transcript(held, agent, "team-north", at, "Customer disputes the charge on the invoice."),
                Signals.interaction(free, agent, "team-north", at.plusSeconds(900), 240, 0, 35, 0, "billing-question"),
                Signals.transcript(free, agent, "team-north", at.plusSeconds(900), "Customer asked about the bill.")));
        String gap = RunIds.next("gap-erase");
        try (KafkaProducer<String, String> producer = KafkaTool.producer()) {
            // the gap's evidence is the held call: coaching holds data of that interaction too
            com.fasterxml.jackson.databind.node.ObjectNode envelope = (com.fasterxml.jackson.databind.node.ObjectNode)
                    JsonTree.parse(Gaps.skillGapEnvelope(Gaps.newEnvelopeId(), gap, agent, "team-north"));
            ((com.fasterxml.jackson.databind.node.ObjectNode) envelope.path("data")).putArray("evidenceInteractionIds")
                    .add(held).add(free);
            KafkaTool.send(producer, Gaps.TOPIC, agent, JsonTree.write(envelope));
        }
        await("the agent's data in signal, wellbeing and coaching").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1)).until(() ->
                        Db.count("wem_signal", "select count(*) from signal_transcript where agent_id = ?", agent) == 2
                                && Db.count("wem_wellbeing", "select count(*) from agent_activity where agent_id = ?", agent) == 2
                                && Db.count("wem_coaching", "select count(*) from intervention where agent_id = ?", agent) == 1);

        String holdId = JsonTree.parse(WemService.GOVERNANCE.as(Tokens.user("govadmin1")).contentType(ContentType.JSON)
                .body(Map.of("caseReference", RunIds.next("case"), "reason", "system test: customer complaint on one call",
                        "interactionIds", List.of(held)))
                .post("/api/v1/legal-holds").then().statusCode(201).extract().asString()).path("id").asText();
        boolean released = false;
        try {
            JsonNode first = erasure(agent);
            assertEquals("PARTIAL", first.path("status").asText(), "erasure under the hold: " + first);
            // signal-service erased the free interaction and kept the held one
            assertEquals(1, Db.count("wem_signal", "select count(*) from signal_interaction where interaction_id = ?", held));
            assertEquals(1, Db.count("wem_signal", "select count(*) from signal_transcript where interaction_id = ?", held));
            assertEquals(0, Db.count("wem_signal", "select count(*) from signal_interaction where interaction_id = ?", free));
            assertEquals(0, Db.count("wem_signal", "select count(*) from signal_transcript where interaction_id = ?", free));
            // coaching and wellbeing cannot tell which of their records come from the held call: they keep everything
            assertEquals(2, Db.count("wem_wellbeing", "select count(*) from agent_activity where agent_id = ?", agent));
            assertEquals(1, Db.count("wem_wellbeing", "select count(*) from agent_activity where activity_id = ?", held));
            assertEquals(1, Db.count("wem_coaching", "select count(*) from intervention where agent_id = ?", agent));
            for (String service : List.of("coaching-service", "wellbeing-service")) {
                assertEquals("FAILED", first.path("outcomes").path(service).path("status").asText(), service + ": " + first);
            }
            assertEquals("DONE", first.path("outcomes").path("signal-service").path("status").asText(), first.toString());

            release(holdId);
            released = true;
            JsonNode second = erasure(agent);
            assertEquals("COMPLETED", second.path("status").asText(), "erasure after the release: " + second);
            assertEquals(0, Db.count("wem_signal", "select count(*) from signal_interaction where agent_id = ?", agent));
            assertEquals(0, Db.count("wem_signal", "select count(*) from signal_transcript where agent_id = ?", agent));
            assertEquals(0, Db.count("wem_wellbeing", "select count(*) from agent_activity where agent_id = ?", agent));
            assertEquals(0, Db.count("wem_wellbeing", "select count(*) from agent_state where agent_id = ?", agent));
            assertEquals(0, Db.count("wem_coaching", "select count(*) from intervention where agent_id = ?", agent));
        } finally {
            if (!released) {
                release(holdId); // an interaction hold left active makes coaching and wellbeing refuse every erasure
            }
        }
    }

    /** Opens an erasure request and waits for its final status. */
    private static JsonNode erasure(String agent) {
        String id = JsonTree.parse(WemService.GOVERNANCE.as(Tokens.user("govadmin1")).contentType(ContentType.JSON)
                .body(Map.of("type", "ERASURE", "agentId", agent)).post("/api/v1/subject-requests")
                .then().statusCode(202).extract().asString()).path("id").asText();
        return await("erasure " + id + " finished").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> JsonTree.parse(WemService.GOVERNANCE.as(Tokens.user("govadmin1"))
                                .get("/api/v1/subject-requests/{id}", id).then().statusCode(200).extract().asString()),
                        r -> !List.of("PENDING", "IN_PROGRESS").contains(r.path("status").asText()));
    }

    /** A hold release is a four-eyes change: govadmin1 proposes, ciso1 approves. */
    private static void release(String holdId) {
        ExtractableResponse<Response> answer = WemService.GOVERNANCE.as(Tokens.user("govadmin1"))
                .post("/api/v1/legal-holds/{id}/release", holdId).then().extract();
        assertEquals(202, answer.statusCode(), "a release by one admin is only a proposal: " + answer.asString());
        assertTrue(JsonTree.parse(WemService.GOVERNANCE.as(Tokens.user("govadmin1"))
                .get("/api/v1/legal-holds").then().statusCode(200).extract().asString())
                .findValuesAsText("id").contains(holdId), "the hold is still active before the approval");
        WemService.GOVERNANCE.as(Tokens.user("ciso1")).post("/api/v1/approvals/{id}/approve", answer.path("id").toString())
                .then().statusCode(200);
    }

    // ---------------------------------------------------------------------------------------------------------
    // c. truncation of the newest audit entries

    @Test
    @DisplayName("removing the newest audit entries and moving the head back is reported by verify (signed checkpoint)")
    void truncatingTheNewestAuditEntriesIsReported() throws SQLException {
        // the service's own login cannot delete at all (GovernanceAttackIT); the stronger attacker is a superuser
        try (Connection runtime = java.sql.DriverManager.getConnection(
                System.getProperty("wem.db.url", "jdbc:postgresql://127.0.0.1:5432/") + Db.physical("wem_governance"),
                "wem_governance", "wem_governance"); Statement st = runtime.createStatement()) {
            SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> st.execute(
                    "DELETE FROM audit_entry WHERE sequence = (SELECT max(sequence) FROM audit_entry)"));
            assertEquals("42501", e.getSQLState(), e.getMessage());
        }
        for (int i = 0; i < 3; i++) {
            verify(); // each verification is itself audited: the chain grows
        }
        long head = Db.count("wem_governance", "select max(sequence) from audit_entry");
        // The attacker deletes the database's own checkpoint copies, so the evidence must already be on the topic: a
        // CI run cut right after a checkpoint that was still only in the database (its outbox not yet relayed) and,
        // with that copy deleted, the topic's older checkpoint could not show the cut.
        JsonNode signed = await("a checkpoint on the topic covering sequence " + head).atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(3)).until(TrustBoundaryIT::verify,
                        v -> v.path("valid").asBoolean() && v.path("checkpointSequence").asLong() >= head
                                && "topic".equals(v.path("checkpointSource").asText()));
        long checkpoint = signed.path("checkpointSequence").asLong();
        long keep = checkpoint - 2;
        List<Map<String, Object>> removed;
        List<Map<String, Object>> removedCheckpoints;
        Object[] oldHead;
        try (Connection su = Db.connect("wem_governance")) {
            su.setAutoCommit(false);
            // hold the head while cutting, so that no append interleaves; then the chain left is internally valid
            oldHead = row(su, "SELECT last_sequence, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
            exec(su, "SET LOCAL session_replication_role = replica");
            removed = rows(su, "SELECT * FROM audit_entry WHERE sequence > " + keep + " ORDER BY sequence");
            removedCheckpoints = rows(su, "SELECT * FROM audit_checkpoint WHERE sequence > " + keep);
            exec(su, "DELETE FROM audit_entry WHERE sequence > " + keep);
            exec(su, "DELETE FROM audit_checkpoint WHERE sequence > " + keep);
            exec(su, "UPDATE audit_chain_head SET last_sequence = " + keep + ", last_hash = (SELECT hash FROM "
                    + "audit_entry WHERE sequence = " + keep + ") WHERE id = 1");
            su.commit();
        }
        assertTrue(removed.size() >= 2, "entries removed: " + removed.size());
        try {
            JsonNode v = verify();
            assertFalse(v.path("valid").asBoolean(), "verify after the truncation: " + v);
            assertEquals(keep + 1, v.path("firstBrokenSequence").asLong(), v.toString());
            assertEquals(checkpoint, v.path("checkpointSequence").asLong(), v.toString());
            assertEquals("topic", v.path("checkpointSource").asText(), "the copy outside the database: " + v);
        } finally {
            // put the chain back as it was (entries appended meanwhile, verify's own among them, are dropped)
            try (Connection su = Db.connect("wem_governance")) {
                su.setAutoCommit(false);
                row(su, "SELECT last_sequence FROM audit_chain_head WHERE id = 1 FOR UPDATE");
                exec(su, "SET LOCAL session_replication_role = replica");
                exec(su, "DELETE FROM audit_entry WHERE sequence > " + keep);
                insert(su, "audit_entry", removed);
                insert(su, "audit_checkpoint", removedCheckpoints);
                try (PreparedStatement ps = su.prepareStatement(
                        "UPDATE audit_chain_head SET last_sequence = ?, last_hash = ? WHERE id = 1")) {
                    ps.setObject(1, oldHead[0]);
                    ps.setObject(2, oldHead[1]);
                    ps.executeUpdate();
                }
                su.commit();
            }
        }
        JsonNode after = verify();
        assertTrue(after.path("valid").asBoolean(), "restored chain: " + after);
    }

    private static JsonNode verify() {
        return JsonTree.parse(WemService.GOVERNANCE.as(Tokens.user("ciso1")).get("/api/v1/audit/verify")
                .then().statusCode(200).extract().asString());
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static Object[] row(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            Object[] out = new Object[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = rs.getObject(i + 1);
            }
            return out;
        }
    }

    private static List<Map<String, Object>> rows(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return Db.rows(rs);
        }
    }

    private static void insert(Connection c, String table, List<Map<String, Object>> rows) throws SQLException {
        for (Map<String, Object> r : rows) {
            String columns = String.join(", ", r.keySet());
            String marks = String.join(", ", java.util.Collections.nCopies(r.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES ("
                    + marks + ")")) {
                int i = 1;
                for (Object v : r.values()) {
                    ps.setObject(i++, v);
                }
                ps.executeUpdate();
            }
        }
    }
}
