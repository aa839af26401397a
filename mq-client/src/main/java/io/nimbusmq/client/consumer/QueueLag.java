package io.nimbusmq.client.consumer;

import io.nimbusmq.remoting.protocol.body.client.MessageQueue;

/**
 * How far a consumer is behind on one of its queues.
 *
 * @param queue          the queue
 * @param brokerOffset   the queue's max offset on its broker (the next message to be stored)
 * @param consumerOffset this consumer's offset (the next message to consume)
 */
public record QueueLag(MessageQueue queue, long brokerOffset, long consumerOffset) {

    /** Messages stored and not consumed yet; never negative. */
    public long lag() {
        return Math.max(0, brokerOffset - consumerOffset);
    }
}
