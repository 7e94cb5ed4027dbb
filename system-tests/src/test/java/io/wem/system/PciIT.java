package io.wem.system;

import io.wem.demo.generator.CardNumbers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PCI: transcripts carrying card numbers in every way callers give them (digits, split by spaces or dashes, spoken,
 * spoken with "oh"/"double"/"triple", half typed half spoken) go in through the public API; afterwards no
 * Luhn-valid card number is in any text column of any table of the four databases, nor on any topic of the stack
 * except where raw platform input may transit.
 */
class PciIT {

    /**
     * Where unredacted text may transit (docs/testing.md): the topic on which contact-center platforms push raw
     * signals to signal-service, and that consumer's dead-letter topic, where a text-bearing signal that could not be
     * redacted is parked (never stored). Everything downstream of redaction must be clean.
     */
    static final Set<String> RAW_TRANSIT_TOPICS = Set.of("wem.signal.signals.v1", "wem.dlq.signal-service.signals.v1");

    /**
     * The benchmark's own scratch topics ({@code ./wem bench}: nanosecond timestamps of a Kafka hop), written by no
     * service and holding no contact-center data; a 13-digit timestamp can pass Luhn in a Maestro range.
     */
    static final String BENCH_TOPICS = "wem.bench.";

    private static final List<String> PANS = new ArrayList<>();
    private static final List<String> INTERACTIONS = new ArrayList<>();

    @BeforeAll
    static void postTranscriptsWithCardNumbers() {
        Stack.awaitAllReady(Duration.ofSeconds(120));
        SplittableRandom rnd = new SplittableRandom(RunIds.RUN.hashCode());
        List<Map<String, Object>> signals = new ArrayList<>();
        Instant at = Instant.now().minus(Duration.ofHours(2));
        int k = 0;
        for (CardNumbers.Form form : CardNumbers.Form.values()) {
            for (int i = 0; i < 6; i++, k++) {
                String pan = CardNumbers.newPan(rnd);
                PANS.add(pan);
                String agent = RunIds.agent(k % 2 == 0 ? "team-north" : "team-south", "pci" + (k % 4));
                String team = k % 2 == 0 ? "team-north" : "team-south";
                String interactionId = RunIds.next("int");
                INTERACTIONS.add(interactionId);
                signals.add(Signals.interaction(interactionId, agent, team, at.plusSeconds(k * 60L), 240, 0, 40, 0,
                        "payment"));
                signals.add(Signals.transcript(interactionId, agent, team, at.plusSeconds(k * 60L + 5),
                        "Agent: thanks for calling. Customer: I want to pay the balance. "
                                + "Agent: go ahead with the card number. Customer: it's " + CardNumbers.render(pan, form)
                                + ", expires twelve twenty seven, and the three digits on the back are 7 3 1."));
            }
        }
        Signals.postAll(signals);
    }

    @Test
    @DisplayName("no card number in any text, varchar or jsonb column of the four databases")
    void noCardNumberInAnyDatabase() {
        CardScanner scanner = new CardScanner(PANS);
        List<String> findings = new ArrayList<>();
        // the transcripts must have been stored (redacted), or a clean scan would prove nothing
        long stored = Db.count("wem_signal", "select count(*) from signal_transcript where interaction_id = any(?) "
                + "and length(redacted_text) > 0", (Object) INTERACTIONS.toArray(String[]::new));
        assertEquals(PANS.size(), stored, "this run's transcripts stored (redacted)");
        long values = 0;
        for (String db : Db.DATABASES) {
            for (Db.TextColumn col : Db.textColumns(db)) {
                values += Db.scan(db, col, v -> {
                    for (String f : scanner.find(v)) {
                        if (findings.size() < 50) {
                            findings.add(db + "." + col.table() + "." + col.column() + ": " + f);
                        }
                    }
                });
            }
        }
        assertTrue(findings.isEmpty(), "card numbers found in " + values + " scanned values:\n" + String.join("\n", findings));
    }

    @Test
    @DisplayName("no card number on any wem.* topic read from the beginning, except raw platform input")
    void noCardNumberOnAnyTopic() {
        // outbox relays publish after commit: give them a moment to carry this run's records
        Signals.sleep(Duration.ofSeconds(5));
        CardScanner scanner = new CardScanner(PANS);
        List<String> findings = new ArrayList<>();
        long records = 0;
        Set<String> topics = KafkaTool.stackTopics();
        assertTrue(topics.contains("wem.governance.audit-events.v1"), "stack topics missing: " + topics);
        for (String topic : topics) {
            if (RAW_TRANSIT_TOPICS.contains(topic) || topic.startsWith(BENCH_TOPICS)) {
                continue;
            }
            records += KafkaTool.readAll(topic, (key, value) -> {
                for (String f : scanner.find(value)) {
                    if (findings.size() < 50) {
                        findings.add(topic + " (key " + key + "): " + f);
                    }
                }
                for (String f : scanner.find(key)) {
                    if (findings.size() < 50) {
                        findings.add(topic + " key: " + f);
                    }
                }
            });
        }
        assertTrue(records > 0, "no records read on " + topics);
        assertTrue(findings.isEmpty(), "card numbers on topics (" + records + " records read):\n" + String.join("\n", findings));
    }
}
