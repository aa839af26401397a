package io.nimbusmq.store.queue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

import io.nimbusmq.store.file.SegmentAllocator;
import io.nimbusmq.store.file.StoreFileNames;
import io.nimbusmq.store.recovery.RecoveredCommitLog;
import io.nimbusmq.store.recovery.RecoveryParticipant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every consume queue of the store, by topic and queue id. */
public final class ConsumeQueueTable implements RecoveryParticipant {

    private static final Logger log = LoggerFactory.getLogger(ConsumeQueueTable.class);

    private final Path storeRoot;
    private final ConsumeQueueConfig config;
    private final SegmentAllocator allocator;
    private final ConcurrentMap<String, ConcurrentMap<Integer, ConsumeQueue>> queues = new ConcurrentHashMap<>();

    public ConsumeQueueTable(Path storeRoot, ConsumeQueueConfig config) {
        this(storeRoot, config, SegmentAllocator.standard());
    }

    public ConsumeQueueTable(Path storeRoot, ConsumeQueueConfig config, SegmentAllocator allocator) {
        this.storeRoot = storeRoot;
        this.config = config;
        this.allocator = allocator;
    }

    /** Maps every queue found on disk. */
    public void load() throws IOException {
        Path root = StoreFileNames.consumeQueueRoot(storeRoot);
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> topics = Files.list(root)) {
            for (Path topicDir : topics.filter(Files::isDirectory).toList()) {
                loadTopic(topicDir);
            }
        }
    }

    private void loadTopic(Path topicDir) throws IOException {
        String topic = topicDir.getFileName().toString();
        try (Stream<Path> ids = Files.list(topicDir)) {
            for (Path queueDir : ids.filter(Files::isDirectory).toList()) {
                String name = queueDir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                ConsumeQueue queue = new ConsumeQueue(topic, Integer.parseInt(name), queueDir, config, allocator);
                queue.load();
                queue.recoverEnd();
                queues.computeIfAbsent(topic, t -> new ConcurrentHashMap<>()).put(queue.queueId(), queue);
            }
        }
    }

    public ConsumeQueue find(String topic, int queueId) {
        Map<Integer, ConsumeQueue> byId = queues.get(topic);
        return byId == null ? null : byId.get(queueId);
    }

    public ConsumeQueue findOrCreate(String topic, int queueId) {
        Map<Integer, ConsumeQueue> byId = queues.get(topic);
        ConsumeQueue known = byId == null ? null : byId.get(queueId);
        if (known != null) {
            return known; // the dispatch path: no capturing lambda per message
        }
        return queues.computeIfAbsent(topic, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(queueId, id -> new ConsumeQueue(topic, id,
                        StoreFileNames.consumeQueueDir(storeRoot, topic, id), config, allocator));
    }

    public List<ConsumeQueue> all() {
        List<ConsumeQueue> all = new ArrayList<>();
        queues.values().forEach(byId -> all.addAll(byId.values()));
        return all;
    }

    public List<String> topics() {
        return List.copyOf(queues.keySet());
    }

    /** Deletes the queues of a topic and their files. */
    public void deleteTopic(String topic) {
        Map<Integer, ConsumeQueue> removed = queues.remove(topic);
        if (removed != null) {
            removed.values().forEach(ConsumeQueue::destroy);
            try {
                Files.deleteIfExists(storeRoot.resolve(StoreFileNames.CONSUME_QUEUE_DIR).resolve(topic));
            } catch (IOException e) {
                // a leftover empty directory is harmless
            }
        }
    }

    public void flushAll() {
        all().forEach(ConsumeQueue::flush);
    }

    public void correctMinOffsets(long commitLogMinOffset) {
        all().forEach(q -> q.correctMinOffset(commitLogMinOffset));
    }

    public void shutdown() {
        all().forEach(ConsumeQueue::shutdown);
        queues.clear();
    }

    /**
     * Recovers every queue ({@link ConsumeQueue#recover}) and logs, once, how many entries became holes because
     * their records are damaged and how many were cut because their records are gone.
     */
    @Override
    public long recover(RecoveredCommitLog commitLog) {
        long refeedFrom = commitLog.dispatchSafeOffset();
        long holes = 0;
        long cut = 0;
        for (ConsumeQueue queue : all()) {
            ConsumeQueue.Recovered recovered = queue.recover(commitLog);
            holes += recovered.holesPunched();
            cut += recovered.entriesCut();
            refeedFrom = Math.min(refeedFrom, recovered.refeedFrom());
        }
        if (holes > 0) {
            log.warn("Consume queues: {} message(s) of damaged commit log ranges are holes now (their queue "
                    + "offsets are kept and skipped)", holes);
        }
        if (cut > 0) {
            log.info("Consume queues: {} entries pointed past what the commit log holds and were cut", cut);
        }
        return refeedFrom;
    }
}
