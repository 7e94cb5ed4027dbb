package io.wem.signal.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The stored end of a transcript goes ahead of the interaction's new turns as context, and is never mapped back. */
class TranscriptConversationsTest {

    @Test
    void theStoredEndOpensTheConversationAndIsNotAnAnswer() {
        StringBuilder stored = new StringBuilder();
        for (int k = 1; k <= 10; k++) {
            stored.append(k % 2 == 0 ? "Agent: a" : "Customer: c").append(k).append('\n');
        }
        stored.append("Customer: my card is [PAN]");
        TranscriptConversations grouped = new TranscriptConversations(List.of(
                new TranscriptConversations.Input("i1", "Customer: 1283 0366\nAgent: thanks"),
                new TranscriptConversations.Input("i2", "no context here"),
                new TranscriptConversations.Input("i1", "Customer: bye")),
                Map.of("i1", stored.toString(), "other", "Customer: not this one"));
        List<List<TranscriptTurns.Turn>> conversations = grouped.conversations();
        assertEquals(2, conversations.size());
        // the last 8 stored turns, then the batch's 2 + 1 turns of i1
        assertEquals(TranscriptConversations.CONTEXT_TURNS + 3, conversations.get(0).size());
        assertEquals("my card is [PAN]", conversations.get(0).get(TranscriptConversations.CONTEXT_TURNS - 1).text());
        assertEquals("a4", conversations.get(0).get(0).text());
        assertEquals(1, conversations.get(1).size());
        // governance's answer: every turn upper-cased; the context's answers are dropped
        List<List<String>> answers = new ArrayList<>();
        for (List<TranscriptTurns.Turn> c : conversations) {
            answers.add(c.stream().map(t -> t.text().toUpperCase()).toList());
        }
        assertEquals(List.of("Customer: 1283 0366\nAgent: THANKS", "NO CONTEXT HERE", "Customer: BYE"),
                grouped.texts(answers));
    }
}
