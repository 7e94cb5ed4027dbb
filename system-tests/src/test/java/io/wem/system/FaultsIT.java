package io.wem.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults on the running stack. Each test stops one real process (pids from .wem/pids), keeps work flowing, brings it
 * back with the same command line, and checks that nothing was lost or doubled. Every test ends with the whole
 * stack up again (checked in {@link #stackIsUpAgain()}), so the suites after it run on a healthy stack.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final Duration READY = Duration.ofSeconds(120);
    private static final int GAPS = 40;

    @BeforeEach
    void stackIsUp() {
        Stack.awaitAllReady(READY);
    }

    @AfterEach
    void stackIsUpAgain() {
        Stack.awaitAllReady(READY);
    }

    @Test
    @Order(1)
    @DisplayName("coaching-service SIGKILLed while gaps flow, then restarted: every gap becomes exactly one intervention")
    void coachingKilledWhileGapsFlow() throws Exception {
        List<Gap> gaps = gaps("ck");
        try (KafkaProducer<String, String> producer = KafkaTool.producer()) {
            CompletableFuture<Void> flow = CompletableFuture.runAsync(() -> publish(producer, gaps, Duration.ofMillis(100)));
            Signals.sleep(Duration.ofMillis(800)); // some gaps are in coaching, some in flight
            Stack.Stopped coaching = Stack.stop("coaching-service", true);
            Signals.sleep(Duration.ofSeconds(1));
            Stack.start(coaching);
            flow.get(2, TimeUnit.MINUTES);
            // redeliveries as a restarted publisher would make them (same envelope ids) must change nothing
            publish(producer, gaps.subList(0, 5), Duration.ZERO);
        }
        Stack.awaitAllReady(READY);
        assertOneInterventionPerGap(gaps);
    }

    @Test
    @Order(2)
    @DisplayName("Kafka restarted mid-stream: every gap still becomes exactly one intervention, services recover")
    void kafkaRestartedMidStream() throws Exception {
        List<Gap> gaps = gaps("kr");
        try (KafkaProducer<String, String> producer = KafkaTool.producer()) {
            CompletableFuture<Void> flow = CompletableFuture.runAsync(() -> publish(producer, gaps, Duration.ofMillis(100)));
            Signals.sleep(Duration.ofMillis(800));
            Stack.Stopped kafka = Stack.stop("kafka", false); // SIGTERM: the broker's own clean shutdown
            Signals.sleep(Duration.ofSeconds(1));
            Stack.start(kafka);
            flow.get(3, TimeUnit.MINUTES); // the idempotent producer retries through the outage
        }
        await("Kafka listening again").atMost(Duration.ofSeconds(90)).until(Stack::kafkaListening);
        Stack.awaitAllReady(READY);
        assertOneInterventionPerGap(gaps);
    }

    @Test
    @Order(3)
    @DisplayName("governance-service down: text signals refused with 503 and stored nowhere; accepted once it is back")
    void governanceDownRefusesText() {
        String agent = RunIds.agent("team-north", "gd");
        String marker = RunIds.next("gov-down-marker");
        String pan = "4111111111111111";
        Instant at = Instant.now().minusSeconds(120);
        String interactionId = RunIds.next("int");
        Map<String, Object> interaction = Signals.interaction(interactionId, agent, "team-north", at, 300, 0, 50, 0, "payment");
        Map<String, Object> transcript = Signals.transcript(interactionId, agent, "team-north", at,
                "Agent: reference " + marker + ". Customer: my card is " + pan + ", expires twelve twenty seven.");
        List<Map<String, Object>> batch = List.of(interaction, transcript);

        Stack.Stopped governance = Stack.stop("governance-service", false);
        try {
            Response refused = Signals.post(batch);
            assertEquals(503, refused.statusCode(), refused.asString());
            assertTrue(refused.header("Retry-After") != null, "503 without Retry-After");
            // governance also answers for the directory: with it down no signal can be filed under its authoritative
            // team, so the whole batch waits for a retry (docs/directory.md), the transcript included
            assertEquals(0, Db.count("wem_signal", "select count(*) from signal_interaction where event_id = ?",
                    interaction.get("eventId")), "a signal was stored without the directory");
            assertEquals(0, Db.count("wem_signal", "select count(*) from signal_transcript where event_id = ?",
                    transcript.get("eventId")), "the refused transcript was stored");
            assertEquals(0, rowsContaining(marker), "the refused transcript was stored somewhere");
            assertEquals(0, rowsContaining(pan), "a card number was stored while governance was down");
        } finally {
            Stack.start(governance);
        }
        Stack.awaitAllReady(READY);
        // signal-service's circuit breaker may hold on for a moment: the API tells the client to retry, so do that
        await("transcript accepted after governance is back").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .until(() -> Signals.post(batch).statusCode() == 202);
        // stored once, redacted, with the structured signal beside it
        assertEquals(1, Db.count("wem_signal", "select count(*) from signal_interaction where event_id = ?",
                interaction.get("eventId")), "the re-sent structured signal was not stored");
        assertEquals(1, Db.count("wem_signal", "select count(*) from signal_transcript where event_id = ?",
                transcript.get("eventId")), "the re-sent transcript was not stored");
        assertEquals(0, rowsContaining(pan), "the re-sent transcript was stored unredacted");
    }

    /** Rows of any text column of signal-service's database containing {@code needle}. */
    private static long rowsContaining(String needle) {
        long n = 0;
        for (Db.TextColumn col : Db.textColumns("wem_signal")) {
            n += Db.count("wem_signal", "select count(*) from \"" + col.table() + "\" where \"" + col.column()
                    + "\"::text like ?", "%" + needle + "%");
        }
        return n;
    }

    private record Gap(String envelopeId, String gapId, String agentId) {
    }

    /** One gap per fresh agent, so "exactly one intervention per agent" is the whole expectation. */
    private static List<Gap> gaps(String label) {
        List<Gap> gaps = new ArrayList<>();
        for (int i = 0; i < GAPS; i++) {
            gaps.add(new Gap(Gaps.newEnvelopeId(), RunIds.next("gap-" + label),
                    RunIds.agent("team-north", label + i)));
        }
        return gaps;
    }

    private static void publish(KafkaProducer<String, String> producer, List<Gap> gaps, Duration pause) {
        for (Gap g : gaps) {
            KafkaTool.send(producer, Gaps.TOPIC, g.agentId(),
                    Gaps.skillGapEnvelope(g.envelopeId(), g.gapId(), g.agentId(), "team-north"));
            if (!pause.isZero()) {
                Signals.sleep(pause);
            }
        }
    }

    private static void assertOneInterventionPerGap(List<Gap> gaps) {
        List<String> gapIds = gaps.stream().map(Gap::gapId).toList();
        List<String> agents = gaps.stream().map(Gap::agentId).toList();
        await("an intervention for each of " + gaps.size() + " gaps").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> Db.count("wem_coaching", "select count(*) from intervention_gap where gap_id = any(?)",
                        (Object) gapIds.toArray(String[]::new)) == gaps.size());
        List<Map<String, Object>> perAgent = Db.rows("wem_coaching",
                "select agent_id, count(*) as n from intervention where agent_id = any(?) group by agent_id having count(*) > 1",
                (Object) agents.toArray(String[]::new));
        assertTrue(perAgent.isEmpty(), "duplicated interventions: " + perAgent);
        assertEquals(gaps.size(), Db.count("wem_coaching", "select count(*) from intervention where agent_id = any(?)",
                (Object) agents.toArray(String[]::new)), "interventions of this test's agents");
        // and the API serves them to the team's supervisor, routed to the team's owner
        String id = (String) Db.rows("wem_coaching", "select id::text as id from intervention where gap_id = ?", gapIds.get(0))
                .get(0).get("id");
        JsonNode view = JsonTree.parse(WemService.COACHING.as(Tokens.user("supervisor1"))
                .get("/api/v1/interventions/{id}", id).then().statusCode(200).extract().asString());
        assertEquals(agents.get(0), view.path("agentId").asText());
        assertEquals("team-north", view.path("teamId").asText());
        assertFalse(view.path("ownerKey").asText().isEmpty(), "no owner: " + view);
    }
}
