package io.nimbusmq.store.commitlog;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The next queue offset of every (topic, queue id). Offsets are handed out under the commit log's put lock, so that
 * queue order equals commit log order; the table is rebuilt from the consume queues at start-up.
 *
 * <p>Per topic, queue ids below {@value #DENSE_QUEUE_IDS} index an array, so that handing out an offset allocates
 * nothing (no composite key, no boxed offset); larger ids, which no broker configures, are kept in a map.
 */
public final class QueueOffsetTable {

    static final int DENSE_QUEUE_IDS = 1 << 16;

    private final ConcurrentHashMap<String, TopicOffsets> topics = new ConcurrentHashMap<>();

    /** Reserves {@code count} consecutive offsets and returns the first. Call only under the put lock. */
    long assign(String topic, int queueId, int count) {
        TopicOffsets offsets = topics.get(topic);
        if (offsets == null) {
            offsets = topics.computeIfAbsent(topic, name -> new TopicOffsets());
        }
        long first = offsets.next(queueId);
        offsets.set(queueId, first + count);
        return first;
    }

    public long next(String topic, int queueId) {
        TopicOffsets offsets = topics.get(topic);
        return offsets == null ? 0 : offsets.next(queueId);
    }

    public void set(String topic, int queueId, long nextOffset) {
        topics.computeIfAbsent(topic, name -> new TopicOffsets()).set(queueId, nextOffset);
    }

    public void removeTopic(String topic) {
        topics.remove(topic);
    }

    /** One topic's next offsets; written under the put lock (or at start-up), read by any thread. */
    private static final class TopicOffsets {

        private volatile AtomicLongArray dense = new AtomicLongArray(8);
        private final ConcurrentHashMap<Integer, Long> sparse = new ConcurrentHashMap<>();

        long next(int queueId) {
            AtomicLongArray current = dense;
            if (queueId < current.length()) {
                return current.get(queueId);
            }
            return queueId < DENSE_QUEUE_IDS ? 0 : sparse.getOrDefault(queueId, 0L);
        }

        synchronized void set(int queueId, long nextOffset) {
            if (queueId >= DENSE_QUEUE_IDS) {
                sparse.put(queueId, nextOffset);
                return;
            }
            AtomicLongArray current = dense;
            if (queueId >= current.length()) {
                AtomicLongArray grown = new AtomicLongArray(Math.min(DENSE_QUEUE_IDS,
                        Math.max(queueId + 1, current.length() * 2)));
                for (int i = 0; i < current.length(); i++) {
                    grown.set(i, current.get(i));
                }
                grown.set(queueId, nextOffset);
                dense = grown;
                return;
            }
            current.set(queueId, nextOffset);
        }
    }
}
