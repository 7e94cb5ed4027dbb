package io.wem.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Transparency: supervisor1 reads agent1's data in signal-service and coaching-service during this test; agent1's
 * {@code GET /api/v1/transparency/me} then names those reads (the audit travels through Kafka, so it is awaited),
 * and shows nothing about other agents.
 */
class TransparencyIT {

    private static final String AGENT1 = "agent-north-01";

    @BeforeAll
    static void ready() {
        Stack.awaitAllReady(Duration.ofSeconds(120));
    }

    @Test
    @DisplayName("agent1's transparency view lists supervisor1's reads of agent1's data made in this test")
    void supervisorReadsAreListed() {
        Instant start = Instant.now().minusSeconds(1);
        WemService.SIGNAL.as(Tokens.user("supervisor1"))
                .queryParam("from", start.minus(Duration.ofDays(30)).toString()).queryParam("to", start.toString())
                .get("/api/v1/agents/{agent}/behaviors/acw-habits/measurements", AGENT1)
                .then().statusCode(200);

        await("supervisor1's read in agent1's transparency view").atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofSeconds(1)).until(() -> !readsBySupervisor1Since(start).isEmpty());

        JsonNode view = transparency();
        List<JsonNode> others = JsonTree.objects(view, n -> n.has("subject") && !n.path("subject").isNull()
                && !AGENT1.equals(n.path("subject").asText()));
        assertTrue(others.isEmpty(), "agent1's transparency view shows accesses to other agents: " + others);
        // the categories the suite holds and who can see them are part of the view, not only the access log
        assertTrue(!JsonTree.objects(view, n -> n.has("roles") || n.has("visibleTo")).isEmpty(),
                "no data categories with the roles that can see them: " + view);
    }

    private static JsonNode transparency() {
        return JsonTree.parse(WemService.GOVERNANCE.as(Tokens.user("agent1")).get("/api/v1/transparency/me")
                .then().statusCode(200).extract().asString());
    }

    /** Access entries naming supervisor1 as the actor at or after {@code start}. */
    private static List<JsonNode> readsBySupervisor1Since(Instant start) {
        return JsonTree.objects(transparency(), n -> "supervisor1".equals(JsonTree.text(n, "actor"))
                && at(n) != null && !at(n).isBefore(start));
    }

    private static Instant at(JsonNode n) {
        for (String f : List.of("occurredAt", "at", "accessedAt", "time")) {
            String v = JsonTree.text(n, f);
            if (v != null) {
                try {
                    return Instant.parse(v);
                } catch (RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
