package io.wem.system;

import io.restassured.http.ContentType;
import io.wem.demo.generator.CardNumbers;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Card numbers people type into coaching (issue 14): an agent's reflection, dispute and goal proposal and a
 * supervisor's goal wording, each with a typed card number, through the real stack. coaching-service has every
 * free-text field redacted by governance before storing it, so no coaching table holds a readable PAN while the
 * texts themselves are stored (redacted).
 */
class CoachingPciIT {
    static final String AGENT = "agent-north-01";
    static final String TEAM = "team-north";
    private static final List<String> PANS = new ArrayList<>();
    private static String intervention;

    @BeforeAll
    static void anIntervention() {
        Stack.awaitAllReady(Duration.ofSeconds(120));
        String gap = RunIds.next("gap-pci");
        try (KafkaProducer<String, String> producer = KafkaTool.producer()) {
            KafkaTool.send(producer, Gaps.TOPIC, AGENT, Gaps.skillGapEnvelope(Gaps.newEnvelopeId(), gap, AGENT, TEAM));
        }
        intervention = await("intervention for " + gap).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Db.rows("wem_coaching", "select intervention_id from intervention_gap where gap_id = ?", gap)
                        .stream().map(r -> (String) r.get("intervention_id")).findFirst().orElse(null),
                        id -> id != null);
    }

    @Test
    @DisplayName("typed card numbers in reflections, disputes and goals are stored redacted; no coaching table holds one")
    void noReadableCardNumberInCoaching() {
        SplittableRandom rnd = new SplittableRandom(RunIds.RUN.hashCode() + 14L);
        List<CardNumbers.Form> typed = List.of(CardNumbers.Form.DIGITS, CardNumbers.Form.SPACED, CardNumbers.Form.DASHED);
        String agentPath = "/api/v1/me/interventions/" + intervention;
        List<String[]> writes = List.of(
                new String[] {"agent1", agentPath + "/reflection", "text", "The customer read me the card %s twice."},
                new String[] {"agent1", agentPath + "/dispute", "reason", "Call 3 was about the card %s, not billing."},
                new String[] {"agent1", agentPath + "/goal", "goal", "Never repeat a number like %s back aloud"},
                new String[] {"supervisor1", "/api/v1/interventions/" + intervention + "/goal", "goal",
                        "Stop customers before they read out %s in full"});
        int k = 0;
        for (String[] w : writes) {
            String pan = CardNumbers.newPan(rnd);
            PANS.add(pan);
            String text = String.format(w[3], CardNumbers.render(pan, typed.get(k++ % typed.size())));
            var answer = WemService.COACHING.as(Tokens.user(w[0])).contentType(ContentType.JSON)
                    .body(Map.of(w[2], text)).post(w[1]).then().extract();
            assertEquals(200, answer.statusCode(), w[1] + ": " + answer.asString());
        }
        Map<String, Object> stored = Db.rows("wem_coaching",
                "select reflection, dispute_reason, goal from intervention where id = ?", intervention).get(0);
        for (String column : List.of("reflection", "dispute_reason", "goal")) {
            String value = (String) stored.get(column);
            assertTrue(value != null && value.contains("[PAN"), column + " stored redacted: " + value);
        }
        CardScanner scanner = new CardScanner(PANS);
        List<String> findings = new ArrayList<>();
        for (Db.TextColumn col : Db.textColumns("wem_coaching")) {
            Db.scan("wem_coaching", col, v -> {
                for (String f : scanner.find(v)) {
                    findings.add(col + ": " + f);
                }
            });
        }
        assertEquals(List.of(), findings, "readable card numbers in coaching's tables");
    }
}
