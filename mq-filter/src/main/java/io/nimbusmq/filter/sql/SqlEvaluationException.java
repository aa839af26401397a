package io.nimbusmq.filter.sql;

/**
 * A selector that cannot be evaluated against one message: a property value that does not convert to the number it
 * is compared with ({@code a = 10} with {@code a='x'}), two strings ordered by {@code >}, or a boolean compared with
 * a string. As in RocketMQ, the whole selector then fails for that message and the message does not match.
 */
public final class SqlEvaluationException extends RuntimeException {

    SqlEvaluationException(String message) {
        super(message, null, false, false);
    }
}
