package io.nimbusmq.broker.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.nimbusmq.broker.offset.ConsumerOffsetTable;
import io.nimbusmq.broker.topic.TopicConfigTable;
import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.protocol.body.admin.ConsumeStats;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import io.nimbusmq.store.MessageStore;
import io.nimbusmq.store.read.GetMessageResult;
import io.nimbusmq.store.read.MessageFilter;

/**
 * A consumer group's progress on a topic, per queue, as RocketMQ computes it for GET_CONSUME_STATS (208) and
 * GET_BROKER_CONSUME_STATS (317): the queue's max offset, the group's committed offset and next pull offset (lag and
 * in-flight messages), the store time of the last message it consumed, and its consume TPS over the last minute.
 */
public final class ConsumeProgress {

    private final MessageStore store;
    private final TopicConfigTable topics;
    private final ConsumerOffsetTable offsets;
    private final BrokerStats stats;
    private final String brokerName;

    public ConsumeProgress(MessageStore store, TopicConfigTable topics, ConsumerOffsetTable offsets, BrokerStats stats,
            String brokerName) {
        this.store = store;
        this.topics = topics;
        this.offsets = offsets;
        this.stats = stats;
        this.brokerName = brokerName;
    }

    /**
     * The topics GET_CONSUME_STATS reports for a group when no topic is named, as RocketMQ's broker chooses them: the
     * topics it committed offsets on, less those it does not subscribe when it is online with subscriptions. A
     * group that never committed (a broadcasting group keeps its offsets on its clients) has none, which the admin
     * tools read as CONSUME_BROADCASTING for an online broadcasting group.
     *
     * @param subscribed the topics the group's online members subscribe, empty when it has none
     */
    public Set<String> reportedTopics(String group, Set<String> subscribed) {
        Set<String> result = new TreeSet<>(offsets.topicsOf(group));
        if (!subscribed.isEmpty()) {
            result.retainAll(subscribed);
        }
        return result;
    }

    /** The group's progress on every queue of {@code topic}; null when the topic does not exist. */
    public ConsumeStats of(String group, String topic) {
        return of(group, topic, true);
    }

    /**
     * As {@link #of} but without the store time of the last consumed message (0): no store read, for lists of many
     * groups (the web console's lag).
     */
    public ConsumeStats offsetsOf(String group, String topic) {
        return of(group, topic, false);
    }

    private ConsumeStats of(String group, String topic, boolean withTime) {
        TopicConfig config = topics.find(topic);
        if (config == null) {
            return null;
        }
        Map<MessageQueue, ConsumeStats.OffsetWrapper> table = new LinkedHashMap<>();
        for (int queueId = 0; queueId < config.writeQueueNums(); queueId++) {
            table.put(new MessageQueue(topic, brokerName, queueId), queue(group, topic, queueId, withTime));
        }
        return new ConsumeStats(stats.groupGetTps(group, topic), table);
    }

    private ConsumeStats.OffsetWrapper queue(String group, String topic, int queueId, boolean withTime) {
        long brokerOffset = Math.max(0, store.maxOffsetInQueue(topic, queueId));
        long consumerOffset = Math.max(0, offsets.query(group, topic, queueId));
        long pullOffset = offsets.pullOffset(group, topic, queueId);
        long lastTimestamp = withTime && consumerOffset > 0
                ? storeTimeAt(store, topic, queueId, consumerOffset - 1) : 0;
        return new ConsumeStats.OffsetWrapper(brokerOffset, consumerOffset,
                pullOffset < 0 ? consumerOffset : pullOffset, lastTimestamp);
    }

    /** The store time of the message at {@code queueOffset}, or 0 when it is gone. */
    public static long storeTimeAt(MessageStore store, String topic, int queueId, long queueOffset) {
        try (GetMessageResult result = store.getMessages(topic, queueId, queueOffset, 1, Integer.MAX_VALUE,
                MessageFilter.ALL)) {
            if (result.messages().isEmpty()) {
                return 0;
            }
            return MessageCodec.decodeMeta(result.messages().get(0).buffer(), 0).storeTimestamp();
        }
    }
}
