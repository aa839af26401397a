package io.nimbusmq.spring.listener;

import io.nimbusmq.client.ReceivedMessage;

/**
 * Runs around each call of a (non-batch) listener, on its consume thread: MDC, tenancy, idempotency, header checks.
 * Beans of this type apply to every listener container factory; {@link MessageListenerContainerFactory#addInterceptor}
 * adds one to a single factory. They run in order before the call and in reverse order after it.
 *
 * <p>An exception from {@link #before} fails the message as the listener would (a {@link DeadLetterNowException}
 * sends it to the dead-letter topic); an exception from the other methods is logged and ignored.
 */
public interface MqMessageInterceptor {

    /** Before conversion and the listener; false skips the listener and counts the message as consumed. */
    default boolean before(ReceivedMessage message, MessageListenerEndpoint listener) {
        return true;
    }

    /** After the listener succeeded (for a deferred {@link Acknowledgement}: once acknowledged). */
    default void success(ReceivedMessage message, MessageListenerEndpoint listener) {
    }

    /** After the listener (or a {@link #before}) failed, before the failure is handled (retry or dead letter). */
    default void failure(ReceivedMessage message, MessageListenerEndpoint listener, Throwable failure) {
    }

    /** Always, last: clean up what {@link #before} set up. */
    default void afterCompletion(ReceivedMessage message, MessageListenerEndpoint listener) {
    }
}
