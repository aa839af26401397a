package io.nimbusmq.remoting.protocol;

/**
 * A frame or header that cannot be decoded or encoded: unknown serialize type, a header length beyond the frame,
 * broken JSON, a truncated binary header, or a command the chosen serialization cannot express.
 *
 * <p>A peer that sends such a frame cannot be answered reliably (its opaque is unknown), so the transport closes
 * the connection.
 */
public class RemotingProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RemotingProtocolException(String message) {
        super(message);
    }

    public RemotingProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
