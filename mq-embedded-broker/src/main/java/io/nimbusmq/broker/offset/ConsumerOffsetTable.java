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
 */
public final class ConsumerOffsetTable {

    private static final String SEPARATOR = "@";

    private final Path file;
    private final ConcurrentMap<String, ConcurrentMap<Integer, Long>> offsets = new ConcurrentHashMap<>();

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

    public void load() throws IOException {
        if (file == null) {
            return;
        }
        OffsetFile stored = JsonFiles.read(file, OffsetFile.class);
        if (stored != null && stored.offsetTable() != null) {
            stored.offsetTable().forEach((k, v) -> offsets.put(k, new ConcurrentHashMap<>(v)));
        }
    }

    public void commit(String group, String topic, int queueId, long offset) {
        offsets.computeIfAbsent(key(group, topic), k -> new ConcurrentHashMap<>()).put(queueId, offset);
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

    /** Forgets every offset {@code group} committed. */
    public void removeGroup(String group) {
        offsets.keySet().removeIf(k -> k.substring(k.lastIndexOf(SEPARATOR) + 1).equals(group));
    }

    public void removeTopic(String topic) {
        offsets.keySet().removeIf(k -> k.startsWith(topic + SEPARATOR));
    }

    public synchronized void persist() throws IOException {
        if (file == null) {
            return;
        }
        Map<String, Map<Integer, Long>> snapshot = new TreeMap<>();
        offsets.forEach((k, v) -> snapshot.put(k, new TreeMap<>(v)));
        JsonFiles.write(file, new OffsetFile(snapshot));
    }
}
