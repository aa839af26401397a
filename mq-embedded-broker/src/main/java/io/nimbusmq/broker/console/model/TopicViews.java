package io.nimbusmq.broker.console.model;

import java.util.List;
import java.util.Map;

/** What the topics page shows and sends. */
public final class TopicViews {

    private TopicViews() {
    }

    /**
     * One line of the topic list.
     *
     * @param system a topic the broker or RocketMQ owns (retry, dead-letter, schedule, transaction, TBW102...)
     * @param perm 6 read-write, 4 read-only, 2 write-only (RocketMQ's bits)
     * @param messages messages held: the sum over queues of max minus min offset
     */
    public record Summary(String topic, boolean system, int readQueues, int writeQueues, int perm, boolean order,
            long messages) {
    }

    /**
     * A topic with its queues and the groups that consume it.
     *
     * @param consumerGroups groups that subscribe to it now or committed offsets on it
     */
    public record Detail(String topic, boolean system, int readQueues, int writeQueues, int perm, boolean order,
            Map<String, String> attributes, List<Queue> queues, List<String> consumerGroups) {
    }

    /**
     * @param minOffset the first queue offset still stored
     * @param maxOffset the next queue offset to be written
     * @param lastStoreTimeMillis store time of the newest message, 0 when the queue is empty
     */
    public record Queue(int queueId, long minOffset, long maxOffset, long lastStoreTimeMillis) {
    }

    /**
     * A topic to create or update (the request body).
     *
     * @param perm 6 (read-write, the default), 4 (read-only) or 2 (write-only)
     */
    public record Spec(String topic, Integer readQueues, Integer writeQueues, Integer perm, Boolean order) {
    }

    /**
     * A test message to send (the request body).
     *
     * @param properties user properties; RocketMQ's own (DELAY, KEYS, TAGS ...) are allowed and act as they would
     *     from a producer
     */
    public record TestMessage(String body, String tag, String keys, Map<String, String> properties) {
    }

    /** A message the console sent. */
    public record Sent(String msgId, String offsetMsgId, int queueId, long queueOffset) {
    }
}
