package io.wem.common.contracts;

import java.util.List;

/**
 * Body of POST /api/v1/redactions (governance-service): independent {@code texts}, and/or whole
 * {@code conversations} whose turns are redacted together, so a card number one speaker spreads over several turns
 * (with the other party's turns in between) is still found. Either list may be absent; at least one is required.
 */
public record RedactionRequest(List<String> texts, List<Conversation> conversations, Boolean keepLastFour) {

    /** The original contract: texts only. */
    public RedactionRequest(List<String> texts, Boolean keepLastFour) {
        this(texts, null, keepLastFour);
    }

    /** An ordered transcript. */
    public record Conversation(List<Turn> turns) {
    }

    /** One turn: who spoke (any stable label, e.g. "customer", "agent") and what they said. */
    public record Turn(String speaker, String text) {
    }
}
