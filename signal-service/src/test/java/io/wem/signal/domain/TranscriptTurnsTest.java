package io.wem.signal.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TranscriptTurnsTest {

    @Test
    void labelledLinesBecomeTurnsAndUnlabelledLinesContinueThem() {
        List<TranscriptTurns.Turn> turns = TranscriptTurns.parse(
                "Agent: can I take the card number?\nCustomer: four one one one\nand one one one one\n"
                        + "[agent] okay\nC: two two two two\r\nA - thanks\nNote: no label here");
        assertEquals(List.of("agent", "customer", "agent", "customer", "agent"),
                turns.stream().map(TranscriptTurns.Turn::speaker).toList());
        assertEquals("four one one one\nand one one one one", turns.get(1).text());
        assertEquals("two two two two", turns.get(3).text());
        assertEquals("thanks\nNote: no label here", turns.get(4).text());
    }

    @Test
    void aTextWithoutLabelsIsOneTurn() {
        List<TranscriptTurns.Turn> turns = TranscriptTurns.parse("Customer read card no 4111 1111 1111 1111 aloud");
        assertEquals(1, turns.size());
        assertEquals("Customer read card no 4111 1111 1111 1111 aloud", turns.get(0).text());
        assertEquals(List.of(new TranscriptTurns.Turn("", "", "", "")), TranscriptTurns.parse(""));
    }

    @Test
    void joinPutsRedactedTurnsBackInPlace() {
        String text = "Agent: number?\nCustomer: 4111 1111\nAgent: ok\nCustomer: 1111 1111\n";
        List<TranscriptTurns.Turn> turns = TranscriptTurns.parse(text);
        assertEquals("Agent: number?\nCustomer: [PAN]\nAgent: ok\nCustomer: [PAN]\n",
                TranscriptTurns.join(turns, List.of("number?", "[PAN]", "ok", "[PAN]")));
    }

    /** Whatever the text, parsing and joining the unchanged turns gives it back character for character. */
    @Test
    void parseThenJoinIsLosslessForRandomTexts() {
        String[] parts = {"Customer: ", "Agent: ", "[agent] ", "C: ", "A - ", "\n", "\r\n", "\r", "four ", "4111 ",
            "x: ", "  ", "ok", "[00:01] Customer: ", "Speaker 1: ", ":", "-", ""};
        SplittableRandom rnd = new SplittableRandom(7);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder b = new StringBuilder();
            int len = rnd.nextInt(12);
            for (int i = 0; i < len; i++) {
                b.append(parts[rnd.nextInt(parts.length)]);
            }
            String text = b.toString();
            List<TranscriptTurns.Turn> turns = TranscriptTurns.parse(text);
            assertEquals(text, TranscriptTurns.join(turns, turns.stream().map(TranscriptTurns.Turn::text).toList()),
                    "round trip of " + text.replace("\n", "\\n").replace("\r", "\\r"));
        }
    }

    @Test
    void transcriptsOfOneInteractionFormOneConversation() {
        TranscriptConversations grouped = new TranscriptConversations(List.of(
                new TranscriptConversations.Input("int-1", "Customer: 4111 1111\nAgent: go on"),
                new TranscriptConversations.Input("int-2", "hello"),
                new TranscriptConversations.Input("int-1", "Customer: 1111 1111"),
                new TranscriptConversations.Input(null, "no interaction")));
        assertEquals(3, grouped.conversations().size());
        assertEquals(3, grouped.conversations().get(0).size());
        List<String> texts = grouped.texts(List.of(List.of("[PAN]", "go on", "[PAN]"), List.of("hello"),
                List.of("no interaction")));
        assertEquals(List.of("Customer: [PAN]\nAgent: go on", "hello", "Customer: [PAN]", "no interaction"), texts);
    }
}
