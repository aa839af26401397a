package io.nimbusmq.spring.listener;

import io.nimbusmq.client.consumer.Subscription;

/**
 * A listener's SQL92 selector does not compile. Found when the listener is registered, before anything is sent to a
 * broker, whether or not its topic exists; the message names the listener, the expression and the column.
 */
public class InvalidSelectorException extends IllegalStateException {

    private final String expression;
    private final int column;

    public InvalidSelectorException(MessageListenerEndpoint endpoint, Subscription subscription, String reason,
            int column) {
        super("Listener " + endpoint.id() + " (group " + endpoint.group() + ", topic " + subscription.topic()
                + ") has an invalid SQL92 selector: " + reason + "\n    " + subscription.expression()
                + (column > 0 ? "\n    " + " ".repeat(column - 1) + "^" : ""));
        this.expression = subscription.expression();
        this.column = column;
    }

    public String expression() {
        return expression;
    }

    /** The 1-based column of the error, 0 when it is about a whole operand. */
    public int column() {
        return column;
    }
}
