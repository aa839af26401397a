package io.nimbusmq.spring.listener;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;

/** A listener threw (its cause), or its arguments could not be resolved from the message. */
public class ListenerExecutionFailedException extends MessagingException {

    private final String listenerId;

    public ListenerExecutionFailedException(String listenerId, Message<?> message, Throwable cause) {
        super(message, "Listener " + listenerId + " failed: " + cause, cause);
        this.listenerId = listenerId;
    }

    public String listenerId() {
        return listenerId;
    }
}
