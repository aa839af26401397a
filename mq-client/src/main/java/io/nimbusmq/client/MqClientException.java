package io.nimbusmq.client;

/**
 * A request failed: the broker or name server answered an error code, the call timed out, or no route exists.
 * Unchecked, as Spring's messaging exceptions are.
 */
public class MqClientException extends RuntimeException {

    /** The response code when a server answered, {@link #NO_RESPONSE} otherwise (timeout, connection, no route). */
    public static final int NO_RESPONSE = -1;

    private final int responseCode;

    public MqClientException(int responseCode, String message) {
        super(message);
        this.responseCode = responseCode;
    }

    public MqClientException(String message, Throwable cause) {
        super(message, cause);
        this.responseCode = NO_RESPONSE;
    }

    public int responseCode() {
        return responseCode;
    }
}
