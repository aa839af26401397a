package io.nimbusmq.broker.registration;

/** A name server refused or did not answer a registration or unregistration. */
public class NameServerRegistrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NameServerRegistrationException(String message) {
        super(message);
    }

    public NameServerRegistrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
