package io.wem.common.contracts;

import java.util.List;

/** Answer of POST /api/v1/redactions: one result per input text, in order. Findings never carry the secret. */
public record RedactionResponse(List<Result> results) {

    public record Result(String text, List<Finding> findings) {
    }

    /** type = PAN, CVV or EXPIRY; offsets are in the original text, end exclusive. */
    public record Finding(String type, int start, int end, Double confidence) {
    }
}
