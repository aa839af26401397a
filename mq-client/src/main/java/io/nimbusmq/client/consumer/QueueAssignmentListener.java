package io.nimbusmq.client.consumer;

import java.util.Collection;

import io.nimbusmq.remoting.protocol.body.client.MessageQueue;

/**
 * Told when a rebalance gives a consumer queues or takes them away, like spring-kafka's {@code ConsumerSeekAware}.
 * Called on the consumer's rebalance thread; an exception is logged and changes nothing.
 */
public interface QueueAssignmentListener {

    /**
     * {@code queues} were assigned; none of them is pulled yet. A seek through {@code seeker} here decides where
     * each starts, before any of its messages is handed over.
     */
    void onQueuesAssigned(Collection<MessageQueue> queues, QueueSeeker seeker);

    /** {@code queues} left this consumer (their offsets were committed). */
    default void onQueuesRevoked(Collection<MessageQueue> queues) {
    }
}
