package io.wem.common.redaction;

import java.util.List;

/**
 * Redacts card data from independent texts: one answer per text, in order. Throws on any failure; it never answers
 * a text unredacted. The suite's implementation asks governance-service ({@link GovernanceTextRedaction}); service
 * tests replace it.
 */
public interface TextRedaction {

    List<String> redact(List<String> texts);
}
