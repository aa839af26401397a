package io.nimbusmq.broker.offset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.nimbusmq.broker.internal.JsonFiles;

/**
 * Committed consumer offsets: {@code topic@group} to queue id to the next queue offset to consume. Persisted to
 * {@code config/consumerOffset.json} by the broker periodically and at shutdown.
 *
 * <p>Also, in memory only, the pull offsets: the next offset each group will pull from each queue, so that the admin
 * tools can show how many messages a group holds in flight (pulled, not yet acknowledged), as RocketMQ's
 * {@code ConsumerOffsetManager.queryPullOffset} does; and the resets an admin asked for that the group has not yet
 * pulled from ({@link #reset}).
 */
public final class ConsumerOffsetTable {

    private static final String SEPARATOR = "@";

    private final Path file;
    private final ConcurrentMap<String, ConcurrentMap<Integer, Long>> offsets = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ConcurrentMap<Integer, Long>> pullOffsets = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ConcurrentMap<Integer, Long>> pendingResets = new ConcurrentHashMap<>();
    /** What the file holds (as loaded or last written); guarded by {@code this}. */
    private Map<String, Map<Integer, Long>> persisted = Map.of();

    /** The file's shape, as RocketMQ writes it. */
    record OffsetFile(Map<String, Map<Integer, Long>> offsetTable) {
    }

    /** @param file where offsets are persisted, or null to keep them in memory only */
    public ConsumerOffsetTable(Path file) {
        this.file = file;
    }

    private static String key(String group, String topic) {
        return topic + SEPARATOR + group;
    }

    public synchronized void load() throws IOException {
        if (file == null) {
            return;
        }
        OffsetFile stored = JsonFiles.read(file, OffsetFile.class);
        if (stored != null && stored.offsetTable() != null) {
            stored.offsetTable().forEach((k, v) -> offsets.put(k, new ConcurrentHashMap<>(v)));
        }
        persisted = snapshot();
    }

    public void commit(String group, String topic, int queueId, long offset) {
        offsets.computeIfAbsent(key(group, topic), k -> new ConcurrentHashMap<>()).put(queueId, offset);
    }

    /**
     * Moves {@code group} to {@code offset} on the queue (an admin's reset): commits it, and remembers it for the
     * group's next pull of the queue, which {@link #takePendingReset} redirects there.
     */
    public void reset(String group, String topic, int queueId, long offset) {
        commit(group, topic, queueId, offset);
        pendingResets.computeIfAbsent(key(group, topic), k -> new ConcurrentHashMap<>()).put(queueId, offset);
    }

    /** The reset offset the group has not pulled from yet, forgotten once returned; -1 if none. */
    public long takePendingReset(String group, String topic, int queueId) {
        if (pendingResets.isEmpty()) {
            return -1;
        }
        Map<Integer, Long> byQueue = pendingResets.get(key(group, topic));
        Long offset = byQueue == null ? null : byQueue.remove(queueId);
        return offset == null ? -1 : offset;
    }

    /** A pull of {@code group} was answered: it will pull from {@code nextOffset} next. */
    public void recordPull(String group, String topic, int queueId, long nextOffset) {
        pullOffsets.computeIfAbsent(key(group, topic), k -> new ConcurrentHashMap<>()).put(queueId, nextOffset);
    }

    /** The next offset {@code group} will pull from the queue, or -1 if it has not pulled since the broker started. */
    public long pullOffset(String group, String topic, int queueId) {
        Map<Integer, Long> byQueue = pullOffsets.get(key(group, topic));
        Long offset = byQueue == null ? null : byQueue.get(queueId);
        return offset == null ? -1 : offset;
    }

    /** Every group that committed offsets, with the topics it committed on. */
    public Map<String, Set<String>> groupsAndTopics() {
        Map<String, Set<String>> result = new TreeMap<>();
        for (String key : offsets.keySet()) {
            int at = key.lastIndexOf(SEPARATOR);
            if (at > 0) {
                result.computeIfAbsent(key.substring(at + 1), g -> new TreeSet<>()).add(key.substring(0, at));
            }
        }
        return result;
    }

    /** The groups that committed offsets on {@code topic}. */
    public Set<String> groupsOf(String topic) {
        Set<String> groups = new TreeSet<>();
        String prefix = topic + SEPARATOR;
        for (String key : offsets.keySet()) {
            if (key.startsWith(prefix)) {
                groups.add(key.substring(prefix.length()));
            }
        }
        return groups;
    }

    /** The committed offset, or -1 if the group never committed one for the queue. */
    public long query(String group, String topic, int queueId) {
        Map<Integer, Long> byQueue = offsets.get(key(group, topic));
        if (byQueue == null) {
            return -1;
        }
        Long offset = byQueue.get(queueId);
        return offset == null ? -1 : offset;
    }

    /** Committed offsets of one group on one topic, by queue id. */
    public Map<Integer, Long> offsets(String group, String topic) {
        Map<Integer, Long> byQueue = offsets.get(key(group, topic));
        return byQueue == null ? Map.of() : Map.copyOf(byQueue);
    }

    /** Topics on which {@code group} committed offsets. */
    public Set<String> topicsOf(String group) {
        Set<String> topics = new TreeSet<>();
        for (String key : offsets.keySet()) {
            int at = key.lastIndexOf(SEPARATOR);
            if (at > 0 && key.substring(at + 1).equals(group)) {
                topics.add(key.substring(0, at));
            }
        }
        return topics;
    }

    /** Groups that committed offsets on any topic. */
    public Set<String> groups() {
        Set<String> groups = new TreeSet<>();
        for (String key : offsets.keySet()) {
            int at = key.lastIndexOf(SEPARATOR);
            if (at > 0) {
                groups.add(key.substring(at + 1));
            }
        }
        return groups;
    }

    /** Forgets every offset of {@code group} ({@code mqadmin deleteSubGroup} with offsets). */
    public void removeGroup(String group) {
        offsets.keySet().removeIf(k -> k.endsWith(SEPARATOR + group));
        pullOffsets.keySet().removeIf(k -> k.endsWith(SEPARATOR + group));
        pendingResets.keySet().removeIf(k -> k.endsWith(SEPARATOR + group));
    }

    public void removeTopic(String topic) {
        offsets.keySet().removeIf(k -> k.startsWith(topic + SEPARATOR));
        pullOffsets.keySet().removeIf(k -> k.startsWith(topic + SEPARATOR));
        pendingResets.keySet().removeIf(k -> k.startsWith(topic + SEPARATOR));
    }

    /**
     * Writes the committed offsets to the file, unless they are what it already holds (the broker calls this every
     * few seconds and at shutdown: an idle broker, or one that never had a consumer, writes nothing).
     */
    public synchronized void persist() throws IOException {
        if (file == null) {
            return;
        }
        Map<String, Map<Integer, Long>> snapshot = snapshot();
        if (snapshot.equals(persisted)) {
            return;
        }
        JsonFiles.write(file, new OffsetFile(snapshot));
        persisted = snapshot;
    }

    private Map<String, Map<Integer, Long>> snapshot() {
        Map<String, Map<Integer, Long>> snapshot = new TreeMap<>();
        offsets.forEach((k, v) -> snapshot.put(k, new TreeMap<>(v)));
        return snapshot;
    }
}
