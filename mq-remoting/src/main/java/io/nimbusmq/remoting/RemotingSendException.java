package io.nimbusmq.remoting;

/** A request could not be written to its channel (closed, or its header could not be encoded). */
public class RemotingSendException extends RemotingException {

    private static final long serialVersionUID = 1L;

    public RemotingSendException(String message, Throwable cause) {
        super(message, cause);
    }
}
