package io.nimbusmq.store.index;

/**
 * Index settings. A file holds at most {@code maxEntriesPerFile} keys; a full file is closed and a new one started.
 *
 * @param hashSlotsPerFile hash slots per file (RocketMQ: 5,000,000)
 * @param maxEntriesPerFile entries per file (RocketMQ: 20,000,000)
 */
public record IndexConfig(int hashSlotsPerFile, int maxEntriesPerFile) {

    public IndexConfig {
        if (hashSlotsPerFile < 1) {
            throw new IllegalArgumentException("hashSlotsPerFile must be positive: " + hashSlotsPerFile);
        }
        if (maxEntriesPerFile < 2) {
            throw new IllegalArgumentException("maxEntriesPerFile must be at least 2: " + maxEntriesPerFile);
        }
        if (IndexFile.fileSize(hashSlotsPerFile, maxEntriesPerFile) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("index file would exceed 2 GiB");
        }
    }

    /** About 9 MiB per file: 100,000 slots, 400,000 keys. */
    public static IndexConfig embedded() {
        return new IndexConfig(100_000, 400_000);
    }

    public static IndexConfig production() {
        return new IndexConfig(5_000_000, 20_000_000);
    }
}
