package io.nimbusmq.remoting.protocol.body;

import java.util.Map;
import java.util.Objects;

/**
 * A topic as the broker knows it, with RocketMQ's field names (they travel as JSON in REGISTER_BROKER bodies and as
 * header fields in UPDATE_AND_CREATE_TOPIC).
 *
 * @param perm permission bits: {@link #PERM_READ}, {@link #PERM_WRITE}, {@link #PERM_INHERIT}
 * @param topicFilterType always {@code SINGLE_TAG} in practice
 * @param attributes free-form attributes such as {@code message.type=NORMAL}
 */
public record TopicConfig(String topicName, int readQueueNums, int writeQueueNums, int perm, String topicFilterType,
        int topicSysFlag, boolean order, Map<String, String> attributes) {

    public static final int PERM_PRIORITY = 8;
    public static final int PERM_READ = 4;
    public static final int PERM_WRITE = 2;
    public static final int PERM_INHERIT = 1;
    public static final int DEFAULT_QUEUE_NUMS = 4;
    public static final String SINGLE_TAG = "SINGLE_TAG";

    public TopicConfig {
        Objects.requireNonNull(topicName, "topicName");
        if (readQueueNums < 0 || writeQueueNums < 0) {
            throw new IllegalArgumentException("queue counts must not be negative");
        }
        topicFilterType = topicFilterType == null ? SINGLE_TAG : topicFilterType;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** A plain topic: {@code queues} read and write queues, read and write permission. */
    public static TopicConfig of(String topicName, int queues) {
        return new TopicConfig(topicName, queues, queues, PERM_READ | PERM_WRITE, SINGLE_TAG, 0, false, Map.of());
    }

    public boolean isReadable() {
        return (perm & PERM_READ) != 0;
    }

    public boolean isWritable() {
        return (perm & PERM_WRITE) != 0;
    }

    public boolean isInheritable() {
        return (perm & PERM_INHERIT) != 0;
    }

    public TopicConfig withPerm(int value) {
        return new TopicConfig(topicName, readQueueNums, writeQueueNums, value, topicFilterType, topicSysFlag, order,
                attributes);
    }

    public TopicConfig withQueueNums(int read, int write) {
        return new TopicConfig(topicName, read, write, perm, topicFilterType, topicSysFlag, order, attributes);
    }
}
