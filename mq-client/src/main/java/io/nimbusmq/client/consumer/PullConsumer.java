package io.nimbusmq.client.consumer;

import java.time.Duration;
import java.util.List;

import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;

/**
 * A lite-pull consumer, as the official client's {@code DefaultLitePullConsumer}: its queues are pulled in the
 * background (by group rebalance when subscribed, or the queues it was assigned), and the application takes what
 * arrived with {@link #poll(Duration)}. Offsets move only over messages the application received: with auto commit,
 * what one poll returned is committed by the next poll (and by {@link #close()}); without it, by {@link #commit()}.
 * What was not committed when the consumer closes, or when a queue leaves it, is delivered again (at least once).
 *
 * <p>At most {@link ConsumerConfig#consumeThreads()} batches of {@link ConsumerConfig#pullBatchSize()} messages wait
 * for the application or for their commit; pulling stops while they do. {@link #poll} is meant for one thread.
 */
public interface PullConsumer extends QueueSeeker, AutoCloseable {

    /** Starts pulling; idempotent. */
    void start();

    PullConsumerConfig config();

    /**
     * The messages that arrived, waiting up to {@code timeout} for the first; empty when none came. With auto commit,
     * commits what the previous poll returned first.
     */
    List<ReceivedMessage> poll(Duration timeout);

    /** Commits every message the polls returned so far (their queue offsets are committed to the broker soon). */
    void commit();

    /** The queues held now (the application's topic names). */
    List<MessageQueue> assignment();

    /** Commits (with auto commit), leaves the group and closes; uncommitted messages are delivered again later. */
    @Override
    void close();
}
