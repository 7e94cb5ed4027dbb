package io.wem.signal.client;

/** Free text could not be redacted now; it must not be stored. */
public class RedactionUnavailableException extends RuntimeException {
    public RedactionUnavailableException(String message) {
        super(message);
    }

    public RedactionUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
