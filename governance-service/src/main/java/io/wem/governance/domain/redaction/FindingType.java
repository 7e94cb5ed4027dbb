package io.wem.governance.domain.redaction;

/** What a redaction finding is; each has its placeholder in the redacted text. */
public enum FindingType {
    PAN("[PAN]"), CVV("[CVV]"), EXPIRY("[EXPIRY]");

    private final String placeholder;

    FindingType(String placeholder) {
        this.placeholder = placeholder;
    }

    public String placeholder() {
        return placeholder;
    }
}
