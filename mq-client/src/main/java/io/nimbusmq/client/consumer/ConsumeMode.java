package io.nimbusmq.client.consumer;

/** How a push consumer hands messages to its handler. */
public enum ConsumeMode {
    /** A pool of threads; no order between messages. A failure sends the message back for a delayed retry. */
    CONCURRENTLY,
    /**
     * One thread per queue at a time, holding the broker's queue lock: per-queue order. A failure suspends the queue
     * and retries locally, up to the max reconsume times, then dead-letters.
     */
    ORDERLY
}
