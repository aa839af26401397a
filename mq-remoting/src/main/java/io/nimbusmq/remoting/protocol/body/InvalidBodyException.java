package io.nimbusmq.remoting.protocol.body;

/**
 * A request body that cannot be read as the JSON its request code needs: missing, not JSON, the wrong shape, or
 * holding nulls where values must be. The peer's fault: the request dispatcher answers it with SYSTEM_ERROR and this
 * message, and logs one line (rate-limited per peer) without a stack trace.
 */
public final class InvalidBodyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidBodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
