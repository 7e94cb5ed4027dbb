package io.wem.signal.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups the transcript texts of one batch into conversations: the texts of one interaction, in batch order, are
 * split into speaker turns ({@link TranscriptTurns}) and sent as one conversation, so a card number spread over
 * turns, or over two transcript signals of the same call, is redacted. {@link #texts} maps the redacted turns back
 * to one text per input.
 */
public final class TranscriptConversations {

    /** One transcript text and the interaction it belongs to. */
    public record Input(String interactionId, String text) {
    }

    /** Where the turns of input {@code index} sit: conversation {@code conversation}, turns [from, from + count). */
    private record Place(int conversation, int from, List<TranscriptTurns.Turn> turns) {
    }

    private final List<List<TranscriptTurns.Turn>> conversations = new ArrayList<>();
    private final List<Place> places = new ArrayList<>();

    /**
     * Turns of the stored end of a transcript sent before an interaction's new texts: enough for a card number spread
     * over a few turns (the engine joins a speaker's digits over 6 turns at most), bounded so that a long call does
     * not grow every later request.
     */
    static final int CONTEXT_TURNS = 8;

    public TranscriptConversations(List<Input> inputs) {
        this(inputs, Map.of());
    }

    /**
     * @param stored per interaction id, the already-redacted text stored before this batch: its last
     *               {@link #CONTEXT_TURNS} turns open that interaction's conversation as context (their redacted
     *               answers are not mapped back to any input), so the rest of a card cut by a batch boundary is found
     */
    public TranscriptConversations(List<Input> inputs, Map<String, String> stored) {
        Map<String, Integer> byInteraction = new LinkedHashMap<>();
        for (Input in : inputs) {
            // a missing interaction id never joins another text's conversation
            Integer c = in.interactionId() == null ? null : byInteraction.get(in.interactionId());
            if (c == null) {
                c = conversations.size();
                conversations.add(new ArrayList<>());
                if (in.interactionId() != null) {
                    byInteraction.put(in.interactionId(), c);
                    String before = stored.get(in.interactionId());
                    if (before != null && !before.isEmpty()) {
                        List<TranscriptTurns.Turn> tail = TranscriptTurns.parse(before);
                        conversations.get(c).addAll(tail.subList(Math.max(0, tail.size() - CONTEXT_TURNS),
                                tail.size()));
                    }
                }
            }
            List<TranscriptTurns.Turn> turns = TranscriptTurns.parse(in.text());
            places.add(new Place(c, conversations.get(c).size(), turns));
            conversations.get(c).addAll(turns);
        }
    }

    /** The conversations to redact, each a list of turns (speaker, text). */
    public List<List<TranscriptTurns.Turn>> conversations() {
        return conversations;
    }

    /** One redacted text per input, in input order, from the redacted turn texts of every conversation. */
    public List<String> texts(List<List<String>> redactedTurns) {
        if (redactedTurns.size() != conversations.size()) {
            throw new IllegalArgumentException(redactedTurns.size() + " answers for " + conversations.size()
                    + " conversations");
        }
        List<String> out = new ArrayList<>(places.size());
        for (Place p : places) {
            List<String> turns = redactedTurns.get(p.conversation());
            out.add(TranscriptTurns.join(p.turns(), turns.subList(p.from(), p.from() + p.turns().size())));
        }
        return out;
    }
}
