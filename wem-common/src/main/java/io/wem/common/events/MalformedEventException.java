package io.wem.common.events;

/** A consumed message that can never be processed; the consumer nacks it so it goes to its dead-letter topic. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }
}
