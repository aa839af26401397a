package io.nimbusmq.remoting;

/** No response arrived within the caller's timeout; the pending entry has been removed. */
public class RemotingTimeoutException extends RemotingException {

    private static final long serialVersionUID = 1L;

    private final long timeoutMillis;

    public RemotingTimeoutException(String message, long timeoutMillis) {
        super(message);
        this.timeoutMillis = timeoutMillis;
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }
}
