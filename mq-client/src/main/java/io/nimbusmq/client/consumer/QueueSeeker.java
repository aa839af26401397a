package io.nimbusmq.client.consumer;

import java.time.Instant;
import java.util.Collection;

import io.nimbusmq.remoting.protocol.body.client.MessageQueue;

/**
 * Moves where a consumer reads its queues, as Kafka's {@code seek}: the next message handed to the handler from a
 * queue is the one at the new offset; messages pulled before the seek and not handled yet are dropped, and the new
 * offset is committed to the broker at once. Only queues the consumer holds can be moved; queue topics are the
 * application's names (no namespace).
 */
public interface QueueSeeker {

    /**
     * Reads {@code queue} from {@code queueOffset} on.
     *
     * @throws IllegalArgumentException when {@code queueOffset} is negative or past the queue's end (its max offset,
     *                                  the offset the next message stored will get)
     * @throws IllegalStateException    when this consumer does not hold {@code queue}
     */
    void seek(MessageQueue queue, long queueOffset);

    /** Reads each queue from its oldest stored message (its min offset). */
    void seekToBeginning(Collection<MessageQueue> queues);

    /** Reads each queue from its end: only messages stored from now on. */
    void seekToEnd(Collection<MessageQueue> queues);

    /** Reads each queue from the first message stored at or after {@code time} (its end when there is none). */
    void seekToTimestamp(Collection<MessageQueue> queues, Instant time);
}
