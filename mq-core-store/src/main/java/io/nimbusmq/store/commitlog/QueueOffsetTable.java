package io.nimbusmq.store.commitlog;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The next queue offset of every (topic, queue id). Offsets are handed out under the commit log's put lock, so that
 * queue order equals commit log order; the table is rebuilt from the consume queues at start-up.
 */
public final class QueueOffsetTable {

    private final ConcurrentHashMap<String, Long> nextOffsets = new ConcurrentHashMap<>();

    private static String key(String topic, int queueId) {
        return topic + '-' + queueId;
    }

    /** Reserves {@code count} consecutive offsets and returns the first. Call only under the put lock. */
    long assign(String topic, int queueId, int count) {
        String key = key(topic, queueId);
        long first = nextOffsets.getOrDefault(key, 0L);
        nextOffsets.put(key, first + count);
        return first;
    }

    public long next(String topic, int queueId) {
        return nextOffsets.getOrDefault(key(topic, queueId), 0L);
    }

    public void set(String topic, int queueId, long nextOffset) {
        nextOffsets.put(key(topic, queueId), nextOffset);
    }

    public void removeTopic(String topic) {
        nextOffsets.keySet().removeIf(k -> k.startsWith(topic + '-')
                && k.substring(topic.length() + 1).chars().allMatch(Character::isDigit));
    }
}
