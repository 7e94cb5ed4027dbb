package io.wem.common.messaging;

/**
 * Marks a failure that goes away by itself (a dependency not answering): the message is retried with back-off,
 * never dead-lettered.
 */
public class TransientFailure extends RuntimeException {

    public TransientFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
