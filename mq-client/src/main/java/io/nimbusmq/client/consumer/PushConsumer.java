package io.nimbusmq.client.consumer;

import java.time.Duration;

/**
 * A push consumer: joins its group (heartbeats), rebalances queues among the members with the official client's
 * average allocation (every 20 s and when the broker signals a membership change), long-polls its queues with
 * per-queue flow control, hands messages to the {@link MessageHandler} and commits offsets every 5 s and at
 * shutdown (in a local file for BROADCASTING).
 */
public interface PushConsumer extends QueueSeeker, AutoCloseable {

    /** Starts rebalancing and pulling; idempotent. */
    void start();

    ConsumerConfig config();

    boolean isRunning();

    /**
     * Stops pulling new messages while staying in the group: its queues stay assigned and heartbeats go on, so no
     * rebalance happens; messages already pulled are still handled. Like Kafka's {@code pause}.
     */
    void pause();

    /** Pulls again after {@link #pause()}. */
    void resume();

    boolean isPaused();

    /**
     * Told of every change of this consumer's queues from now on (set it before {@link #start()} to see the first
     * assignment); {@code null} removes it.
     */
    void setAssignmentListener(QueueAssignmentListener listener);

    /** The queues of the subscribed topics this consumer holds now, sorted (retry queues left out). */
    java.util.List<io.nimbusmq.remoting.protocol.body.client.MessageQueue> assignment();

    /**
     * The lag of each queue this consumer holds: its broker's max offset (GET_MAX_OFFSET, one request per queue)
     * against this consumer's offset. Queues whose broker does not answer, or whose offset is not known yet, are left
     * out. Blocking; for metrics, call it from a background thread.
     */
    java.util.List<QueueLag> lag();

    /**
     * Stops pulling, waits up to {@code drainTimeout} for messages already handed to the handler (or pulled and
     * waiting) to finish, commits the offsets, unlocks orderly queues and leaves the group. Returns whether
     * everything drained in time; what did not is redelivered later (offsets are only committed for what finished).
     */
    boolean shutdown(Duration drainTimeout);

    /** {@link #shutdown(Duration)} with {@link ConsumerConfig#shutdownDrainTimeout()}. */
    @Override
    void close();
}
