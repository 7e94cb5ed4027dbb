package io.wem.common.contracts;

import java.util.List;

/** Body of POST /api/v1/redactions (governance-service). */
public record RedactionRequest(List<String> texts, Boolean keepLastFour) {
}
