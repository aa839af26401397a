package io.nimbusmq.client.consumer;

import java.util.List;
import java.util.Objects;

import io.nimbusmq.remoting.protocol.body.client.MessageQueue;

/**
 * A {@link PullConsumer}'s settings: the consumer's ({@code group}, subscriptions with their selectors, where a
 * queue without an offset starts, {@code pullBatchSize}, {@code consumeThreads} as the number of batches that may
 * wait), whether polls commit automatically, and the queues it reads when it does not rebalance with its group.
 *
 * @param consumer       group, subscriptions and pulling; in assign mode the subscriptions give the selectors of
 *                       the assigned queues' topics
 * @param autoCommit     commit what a poll returned at the next poll (true, the official default), or only on
 *                       {@link PullConsumer#commit()}
 * @param assignedQueues the queues to read without rebalancing (assign mode, application topic names), or empty to
 *                       share the subscribed topics' queues with the group (subscribe mode)
 */
public record PullConsumerConfig(ConsumerConfig consumer, boolean autoCommit, List<MessageQueue> assignedQueues) {

    public PullConsumerConfig {
        Objects.requireNonNull(consumer, "consumer");
        assignedQueues = List.copyOf(assignedQueues);
        for (MessageQueue queue : assignedQueues) {
            if (consumer.subscriptions().stream().noneMatch(s -> s.topic().equals(queue.topic()))) {
                throw new IllegalArgumentException("pull consumer " + consumer.group() + " is assigned " + queue
                        + " but subscribes to no selector of its topic");
            }
        }
    }

    /** Subscribe mode with auto commit. */
    public static PullConsumerConfig subscribe(ConsumerConfig consumer) {
        return new PullConsumerConfig(consumer, true, List.of());
    }

    /** Assign mode with auto commit. */
    public static PullConsumerConfig assign(ConsumerConfig consumer, List<MessageQueue> queues) {
        if (queues.isEmpty()) {
            throw new IllegalArgumentException("pull consumer " + consumer.group() + " is assigned no queue");
        }
        return new PullConsumerConfig(consumer, true, queues);
    }

    /** This configuration with {@code autoCommit}. */
    public PullConsumerConfig withAutoCommit(boolean value) {
        return new PullConsumerConfig(consumer, value, assignedQueues);
    }
}
