package io.nimbusmq.client.internal.offset;

import java.util.Collection;

import io.nimbusmq.remoting.protocol.body.client.MessageQueue;

/**
 * A push consumer's consume offsets: kept in memory as messages finish, and persisted every 5 s, when a queue leaves
 * the consumer and at shutdown. The offset of a queue is the next message to consume: everything before it is done.
 */
public interface OffsetStore {

    /** The persisted offset, or -1 when there is none (a new group, or a queue never consumed). */
    long readFromStore(MessageQueue queue);

    /**
     * The persisted offset; with {@code youngQueueFromStart} false, -1 also for a queue that still holds its first
     * message (brokers otherwise answer 0 there, so that a new group reads a young queue from its start).
     */
    default long readFromStore(MessageQueue queue, boolean youngQueueFromStart) {
        return readFromStore(queue);
    }

    /** The in-memory offset, or -1 when unknown. */
    long readFromMemory(MessageQueue queue);

    /** Sets the in-memory offset; with {@code increaseOnly}, a smaller value is ignored. */
    void update(MessageQueue queue, long offset, boolean increaseOnly);

    /** Persists the offsets of {@code queues} (the others are forgotten: they left this consumer). */
    void persistAll(Collection<MessageQueue> queues);

    /** {@link #persistAll}, waiting for the answers (a consumer shutting down: the next member starts there). */
    default void persistAllAndWait(Collection<MessageQueue> queues) {
        persistAll(queues);
    }

    /** Persists one queue's offset now. */
    void persist(MessageQueue queue);

    /** Forgets a queue that left this consumer. */
    void remove(MessageQueue queue);

    /** Releases what the store holds (a local file's claim) once the consumer has shut down. */
    default void close() {
    }
}
