package io.wem.governance.domain.redaction;

/**
 * One redacted secret: its type and where it was in the original text ({@code end} exclusive).
 * Deliberately carries no digits of the secret.
 */
public record Finding(FindingType type, int start, int end, double confidence) {
}
