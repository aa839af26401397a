package io.nimbusmq.spring.listener;

import java.util.List;

import io.nimbusmq.client.ReceivedMessage;

/**
 * {@link MqMessageInterceptor} for batch listeners: runs around each call with the batch it gets. Beans apply to
 * every container factory; {@link MessageListenerContainerFactory#addBatchInterceptor} adds one to a single factory.
 */
public interface MqBatchInterceptor {

    /** Before conversion and the listener; false skips the listener and counts the batch as consumed. */
    default boolean before(List<ReceivedMessage> messages, MessageListenerEndpoint listener) {
        return true;
    }

    default void success(List<ReceivedMessage> messages, MessageListenerEndpoint listener) {
    }

    default void failure(List<ReceivedMessage> messages, MessageListenerEndpoint listener, Throwable failure) {
    }

    default void afterCompletion(List<ReceivedMessage> messages, MessageListenerEndpoint listener) {
    }
}
