package io.nimbusmq.client;

import io.nimbusmq.remoting.protocol.ResponseCode;

/**
 * A request failed: the broker or name server answered an error code, the call timed out, or no route exists.
 * Unchecked, as Spring's messaging exceptions are.
 */
public class MqClientException extends RuntimeException {

    /** The response code when a server answered, {@link #NO_RESPONSE} otherwise (timeout, connection, no route). */
    public static final int NO_RESPONSE = -1;

    private final int responseCode;

    /** The message ends with the code's name ({@code [TOPIC_NOT_EXIST (17)]}) unless it names it already. */
    public MqClientException(int responseCode, String message) {
        super(named(responseCode, message));
        this.responseCode = responseCode;
    }

    public MqClientException(String message, Throwable cause) {
        super(message, cause);
        this.responseCode = NO_RESPONSE;
    }

    public int responseCode() {
        return responseCode;
    }

    private static String named(int responseCode, String message) {
        if (responseCode == NO_RESPONSE) {
            return message;
        }
        String name = ResponseCode.describe(responseCode);
        return message != null && message.contains(name) ? message : message + " [" + name + "]";
    }
}
