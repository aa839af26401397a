package io.nimbusmq.remoting;

/**
 * A remote call failed without an answer: the peer could not be reached, the request could not be written, or no
 * response came in time. Futures returned by the remoting server and client complete exceptionally with one of
 * the subclasses.
 */
public class RemotingException extends Exception {

    private static final long serialVersionUID = 1L;

    public RemotingException(String message) {
        super(message);
    }

    public RemotingException(String message, Throwable cause) {
        super(message, cause);
    }
}
