package io.nimbusmq.store.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageSysFlag;
import io.nimbusmq.store.dispatch.CommitLogDispatcher;
import io.nimbusmq.store.dispatch.DispatchRequest;
import io.nimbusmq.store.file.SegmentAllocator;
import io.nimbusmq.store.file.StoreFileNames;
import io.nimbusmq.store.recovery.RecoveredCommitLog;
import io.nimbusmq.store.recovery.RecoveryParticipant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes messages by key: each token of the KEYS property and the UNIQ_KEY, scoped by topic ({@code topic#key}).
 * Files are bounded in size; a full file is closed and the next one started. Retention deletes files whose newest
 * entry points below the commit log's minimum offset.
 */
public final class IndexService implements CommitLogDispatcher, RecoveryParticipant {

    private static final Logger log = LoggerFactory.getLogger(IndexService.class);
    private static final char KEY_SEPARATOR = '#';

    private final Path dir;
    private final IndexConfig config;
    private final SegmentAllocator allocator;
    private final CopyOnWriteArrayList<IndexFile> files = new CopyOnWriteArrayList<>();
    private long nextSequence;
    /** Set by {@link #load()} when it deleted damaged files: their entries must be rebuilt. */
    private boolean rebuildLostFiles;

    public IndexService(Path dir, IndexConfig config) {
        this(dir, config, SegmentAllocator.standard());
    }

    public IndexService(Path dir, IndexConfig config, SegmentAllocator allocator) {
        this.dir = dir;
        this.config = config;
        this.allocator = allocator;
    }

    public static String indexKey(String topic, String key) {
        return topic + KEY_SEPARATOR + key;
    }

    /**
     * Maps every index file found. A file of the wrong size (cut by a crash or a bad copy) is deleted with every
     * later one, logged, and rebuilt from the commit log by {@link #recover}.
     */
    public void load() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> listing = Files.list(dir)) {
            paths = listing.filter(p -> StoreFileNames.isSegmentName(p.getFileName().toString())).sorted().toList();
        }
        long expectedSize = IndexFile.fileSize(config.hashSlotsPerFile(), config.maxEntriesPerFile());
        for (int i = 0; i < paths.size(); i++) {
            Path path = paths.get(i);
            if (Files.size(path) != expectedSize) {
                log.warn("Index file {} has {} bytes instead of {} (cut by a crash or a bad copy): deleting it and the "
                        + "{} later one(s); they are rebuilt from the commit log", path, Files.size(path),
                        expectedSize, paths.size() - i - 1);
                for (Path damaged : paths.subList(i, paths.size())) {
                    Files.delete(damaged);
                }
                rebuildLostFiles = true;
                break;
            }
            files.add(IndexFile.open(path, config, allocator));
            nextSequence = StoreFileNames.parseSegmentOffset(path.getFileName().toString()) + 1;
        }
    }

    @Override
    public void dispatch(DispatchRequest request) {
        if (MessageSysFlag.transactionType(request.sysFlag()) == MessageSysFlag.TRANSACTION_ROLLBACK_TYPE) {
            return;
        }
        IndexFile last = files.isEmpty() ? null : files.get(files.size() - 1);
        if (last != null && !last.isEmpty() && request.physicalOffset() <= last.endPhysicalOffset()) {
            return;
        }
        if (request.uniqKey() != null && !request.uniqKey().isEmpty()) {
            put(request.topic(), request.uniqKey(), request);
        }
        if (request.keys() != null) {
            for (String key : request.keys().split(MessageConst.KEY_SEPARATOR)) {
                if (!key.isEmpty()) {
                    put(request.topic(), key, request);
                }
            }
        }
    }

    /** Indexes {@link #indexKey}{@code (topic, key)} by its hash, without building the string. */
    private void put(String topic, String key, DispatchRequest request) {
        int hash = IndexFile.keyHash(topic, KEY_SEPARATOR, key);
        try {
            IndexFile file = writableFile();
            if (!file.putHash(hash, request.physicalOffset(), request.storeTimestamp())) {
                file.flush();
                writableFile().putHash(hash, request.physicalOffset(), request.storeTimestamp());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create an index file in " + dir, e);
        }
    }

    private IndexFile writableFile() throws IOException {
        if (!files.isEmpty()) {
            IndexFile last = files.get(files.size() - 1);
            if (!last.isFull()) {
                return last;
            }
        }
        IndexFile created = IndexFile.open(dir.resolve(StoreFileNames.segmentName(nextSequence++)), config,
                allocator);
        files.add(created);
        return created;
    }

    /**
     * Commit log offsets of messages of {@code topic} indexed under {@code key} and stored within the time range,
     * newest first. The result may hold hash collisions: verify each against the message.
     */
    public List<Long> query(String topic, String key, int maxResults, long beginMillis, long endMillis) {
        List<Long> out = new ArrayList<>();
        String indexKey = indexKey(topic, key);
        List<IndexFile> snapshot = List.copyOf(files);
        for (int i = snapshot.size() - 1; i >= 0 && out.size() < maxResults; i--) {
            IndexFile file = snapshot.get(i);
            if (file.mappedFile().retain()) {
                try {
                    file.query(indexKey, beginMillis, endMillis, maxResults, out);
                } finally {
                    file.mappedFile().release();
                }
            }
        }
        return out;
    }

    /** Store time of the newest indexed message, and its offset. */
    public long lastUpdateTimestamp() {
        return files.isEmpty() ? 0 : files.get(files.size() - 1).endTimestamp();
    }

    public long lastUpdatePhysicalOffset() {
        return files.isEmpty() ? 0 : files.get(files.size() - 1).endPhysicalOffset();
    }

    public int fileCount() {
        return files.size();
    }

    public void flush() {
        files.forEach(IndexFile::flush);
    }

    /** Deletes files (never the newest) whose every entry points below {@code commitLogMinOffset}. */
    public int deleteBelow(long commitLogMinOffset) {
        List<IndexFile> removed = new ArrayList<>();
        List<IndexFile> snapshot = List.copyOf(files);
        for (int i = 0; i < snapshot.size() - 1; i++) {
            IndexFile file = snapshot.get(i);
            if (file.endPhysicalOffset() >= commitLogMinOffset) {
                break;
            }
            removed.add(file);
        }
        files.removeAll(removed);
        removed.forEach(f -> f.shutdown(true));
        return removed.size();
    }

    /**
     * Drops the files that hold entries past the dispatch-safe offset and asks for the commit log from the oldest
     * entry they held (or from the end of the last file kept, if {@link #load()} deleted damaged files). Entries that
     * point into damaged ranges may stay: lookups check every hit against the record.
     */
    @Override
    public long recover(RecoveredCommitLog commitLog) {
        long dispatchSafeOffset = commitLog.dispatchSafeOffset();
        long refeedFrom = dispatchSafeOffset;
        if (rebuildLostFiles) {
            refeedFrom = files.isEmpty() ? 0 : files.get(files.size() - 1).endPhysicalOffset();
            rebuildLostFiles = false;
        }
        while (!files.isEmpty()) {
            IndexFile last = files.get(files.size() - 1);
            if (last.isEmpty() || last.endPhysicalOffset() < dispatchSafeOffset) {
                break;
            }
            files.remove(last);
            refeedFrom = Math.min(refeedFrom, last.beginPhysicalOffset());
            last.shutdown(true);
            log.info("Index file {} holds entries past the checkpoint; rebuilding it", last.mappedFile().path());
        }
        if (!files.isEmpty() && files.get(files.size() - 1).isEmpty()) {
            IndexFile empty = files.remove(files.size() - 1);
            empty.shutdown(true);
        }
        return refeedFrom;
    }

    public void shutdown() {
        files.forEach(f -> f.shutdown(false));
        files.clear();
    }
}
