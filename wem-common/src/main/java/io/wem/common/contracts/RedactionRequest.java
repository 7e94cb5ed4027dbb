package io.wem.common.contracts;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;

/**
 * Body of POST /api/v1/redactions (governance-service): independent {@code texts}, and/or whole
 * {@code conversations} whose turns are redacted together, so a card number one speaker spreads over several turns
 * (with the other party's turns in between) is still found. Either list may be absent; at least one is required.
 */
// The caps are governance's defaults (wem.governance.redaction.max-texts, max-bytes), enforced there with 413.
public record RedactionRequest(
        @Schema(maxItems = 1000) List<@Size(max = 1_048_576) String> texts,
        @Schema(maxItems = 1000) List<Conversation> conversations,
        Boolean keepLastFour) {

    /** The original contract: texts only. */
    public RedactionRequest(List<String> texts, Boolean keepLastFour) {
        this(texts, null, keepLastFour);
    }

    /** An ordered transcript. */
    public record Conversation(@Schema(maxItems = 1000) List<Turn> turns) {
    }

    /** One turn: who spoke (any stable label, e.g. "customer", "agent") and what they said. */
    public record Turn(@Schema(maxLength = 1_048_576) String speaker, @Schema(maxLength = 1_048_576) String text) {
    }
}
