package io.wem.common.signing;

/**
 * A message that can never be processed because it is not trusted: unsigned, signed by a service not entitled to
 * send it, claiming another service's identity, or a command no service may obey (e.g. a cutoff below the retention
 * floor). The message text is a fixed reason: it never echoes payload text, since it lands in dead-letter headers
 * and audit records.
 */
public class RejectedMessageException extends RuntimeException {

    public RejectedMessageException(String reason) {
        super(reason);
    }
}
