package io.wem.common.contracts;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Answer of POST /api/v1/redactions: {@code results} has one result per input text, in order;
 * {@code conversations} has one entry per input conversation, each with one result per turn, in order. A list that
 * was not asked for is empty. Findings never carry the secret.
 */
public record RedactionResponse(List<Result> results, List<ConversationResult> conversations) {

    /** The original contract: texts only. */
    public RedactionResponse(List<Result> results) {
        this(results, List.of());
    }

    @Schema(name = "RedactionResult")
    public record Result(String text, List<Finding> findings) {
    }

    /** One result per turn of the conversation, in order; offsets are in that turn's text. */
    @Schema(name = "RedactionConversationResult")
    public record ConversationResult(List<Result> turns) {
    }

    /** type = PAN, CVV or EXPIRY; offsets are in the original text, end exclusive. */
    // named apart from the access review's Finding, which generators otherwise call Finding1
    @Schema(name = "RedactionFinding")
    public record Finding(String type, int start, int end, Double confidence) {
    }
}
