package io.wem.governance.domain.redaction;

import java.util.List;

/** The redacted text and what was removed from it (offsets in the original text). */
public record Redaction(String text, List<Finding> findings) {
}
