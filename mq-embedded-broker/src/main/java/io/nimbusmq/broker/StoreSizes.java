package io.nimbusmq.broker;

import io.nimbusmq.store.StoreConfig;
import io.nimbusmq.store.commitlog.CommitLogConfig;
import io.nimbusmq.store.index.IndexConfig;
import io.nimbusmq.store.index.IndexFile;
import io.nimbusmq.store.queue.ConsumeQueue;
import io.nimbusmq.store.queue.ConsumeQueueConfig;

/**
 * How large the store's files are, so that a broker fits the volume it runs on. The disk needs room for two commit log
 * segments at least (the one being written and the next, reserved ahead of the writer), a consume queue file per
 * queue and an index file.
 *
 * @param commitLogSegmentBytes each commit log segment (RocketMQ: 1 GiB)
 * @param consumeQueueEntriesPerFile 20-byte entries per consume queue file (RocketMQ: 300,000, 5.7 MiB)
 * @param indexHashSlots hash slots per index file (RocketMQ: 5,000,000)
 * @param indexMaxEntries keys per index file (RocketMQ: 20,000,000; with the slots a file of about 420 MB)
 */
public record StoreSizes(int commitLogSegmentBytes, int consumeQueueEntriesPerFile, int indexHashSlots,
        int indexMaxEntries) {

    /** Bytes an index file takes per hash slot: the slot and the four entries RocketMQ's ratio gives it. */
    private static final int INDEX_BYTES_PER_SLOT = 4 + 4 * 20;

    public StoreSizes {
        // the store's own configs check the values and say what is wrong
        new CommitLogConfig(commitLogSegmentBytes, CommitLogConfig.DEFAULT_MAX_MESSAGE_SIZE,
                CommitLogConfig.MAX_PROPERTIES_SIZE);
        new ConsumeQueueConfig(consumeQueueEntriesPerFile);
        new IndexConfig(indexHashSlots, indexMaxEntries);
    }

    /** RocketMQ's production sizes: 1 GiB segments, 420 MB index files. */
    public static StoreSizes production() {
        return new StoreSizes(1024 * 1024 * 1024, 300_000, 5_000_000, 20_000_000);
    }

    /** The embedded broker's: 64 MiB segments, 9 MiB index files. */
    public static StoreSizes embedded() {
        IndexConfig index = IndexConfig.embedded();
        return new StoreSizes(64 * 1024 * 1024, 300_000, index.hashSlotsPerFile(), index.maxEntriesPerFile());
    }

    /**
     * Sizes given in bytes per file, as the standalone launcher takes them: a consume queue file holds
     * {@code consumeQueueFileBytes / 20} entries; an index file of {@code indexFileBytes} gets RocketMQ's ratio of four
     * entries per hash slot.
     */
    public static StoreSizes ofFileSizes(int commitLogSegmentBytes, int consumeQueueFileBytes, int indexFileBytes) {
        int slots = Math.max(1, (indexFileBytes - 40) / INDEX_BYTES_PER_SLOT);
        return new StoreSizes(commitLogSegmentBytes, consumeQueueFileBytes / ConsumeQueue.ENTRY_SIZE, slots, 4 * slots);
    }

    public int consumeQueueFileBytes() {
        return consumeQueueEntriesPerFile * ConsumeQueue.ENTRY_SIZE;
    }

    public long indexFileBytes() {
        return IndexFile.fileSize(indexHashSlots, indexMaxEntries);
    }

    /** {@code base} with these file sizes. */
    public StoreConfig applyTo(StoreConfig base) {
        return base.withCommitLog(base.commitLog().withSegmentSizeBytes(commitLogSegmentBytes))
                .withConsumeQueue(new ConsumeQueueConfig(consumeQueueEntriesPerFile))
                .withIndex(new IndexConfig(indexHashSlots, indexMaxEntries));
    }
}
