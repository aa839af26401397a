package io.nimbusmq.remoting.protocol.body.client;

import java.util.Comparator;

/**
 * One queue of a topic on one broker: {@code {"brokerName":"broker-a","queueId":3,"topic":"TopicTest"}}. Ordered as
 * clients order queues for rebalancing: by topic, broker name, then queue id.
 */
public record MessageQueue(String topic, String brokerName, int queueId) implements Comparable<MessageQueue> {

    private static final Comparator<MessageQueue> ORDER = Comparator
            .comparing(MessageQueue::topic, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(MessageQueue::brokerName, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(MessageQueue::queueId);

    @Override
    public int compareTo(MessageQueue other) {
        return ORDER.compare(this, other);
    }
}
