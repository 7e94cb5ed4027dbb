package io.wem.common.contracts;

import java.util.List;

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

    public record Result(String text, List<Finding> findings) {
    }

    /** One result per turn of the conversation, in order; offsets are in that turn's text. */
    public record ConversationResult(List<Result> turns) {
    }

    /** type = PAN, CVV or EXPIRY; offsets are in the original text, end exclusive. */
    public record Finding(String type, int start, int end, Double confidence) {
    }
}
