package io.nimbusmq.store.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.nimbusmq.store.file.MappedFile;
import io.nimbusmq.store.file.SegmentAllocator;

/**
 * One index file: a hash table from message key to commit log offsets, with chaining through the entries.
 *
 * <pre>
 * header (40 bytes)
 * | beginTimestamp 8 | endTimestamp 8 | beginPhysicalOffset 8 | endPhysicalOffset 8 | hashSlotCount 4 | entryCount 4 |
 * hash slots (hashSlotCount x 4 bytes)
 * | number of the newest entry whose key hashes to this slot, 0 = none |
 * entries (maxEntries x 20 bytes; entry 0 is never used, so 0 can mean "none")
 * | keyHash 4 | physicalOffset 8 | timeDiffSeconds 4 (store time - beginTimestamp) | previousEntry 4 |
 * </pre>
 *
 * A query walks the chain from the slot, newest first, and keeps entries whose hash matches and whose time falls in
 * the range. Hash collisions are possible, so callers verify each hit against the message itself.
 *
 * <p><b>Threads.</b> One writer (the dispatch thread); readers anywhere. An entry and its slot are written before
 * the volatile entry count is raised, so a reader never follows an entry that is not fully written.
 *
 * <p><b>Crash contract.</b> The file is trusted only up to the checkpoint; recovery deletes a file that holds entries
 * past it and rebuilds those entries from the commit log.
 */
public final class IndexFile {

    static final int HEADER_SIZE = 40;
    private static final int SLOT_SIZE = 4;
    private static final int ENTRY_SIZE = 20;

    private final MappedFile file;
    private final ByteBuffer view;
    private final int hashSlots;
    private final int maxEntries;
    private volatile int entryCount;
    private volatile long beginTimestamp;
    private volatile long endTimestamp;
    private volatile long beginPhysicalOffset;
    private volatile long endPhysicalOffset;

    private IndexFile(MappedFile file, int hashSlots, int maxEntries) {
        this.file = file;
        this.view = file.randomAccessView();
        this.hashSlots = hashSlots;
        this.maxEntries = maxEntries;
        this.entryCount = Math.max(1, view.getInt(36));
        this.beginTimestamp = view.getLong(0);
        this.endTimestamp = view.getLong(8);
        this.beginPhysicalOffset = view.getLong(16);
        this.endPhysicalOffset = view.getLong(24);
    }

    public static long fileSize(int hashSlots, int maxEntries) {
        return HEADER_SIZE + (long) hashSlots * SLOT_SIZE + (long) maxEntries * ENTRY_SIZE;
    }

    /** Opens an index file, creating it empty, with its blocks reserved, if it does not exist. */
    public static IndexFile open(Path path, IndexConfig config, SegmentAllocator allocator) throws IOException {
        int size = (int) fileSize(config.hashSlotsPerFile(), config.maxEntriesPerFile());
        MappedFile file = Files.exists(path) ? MappedFile.open(path, size) : MappedFile.create(path, size, allocator);
        return new IndexFile(file, config.hashSlotsPerFile(), config.maxEntriesPerFile());
    }

    public MappedFile mappedFile() {
        return file;
    }

    public boolean isEmpty() {
        return entryCount <= 1;
    }

    public boolean isFull() {
        return entryCount >= maxEntries;
    }

    public int entryCount() {
        return entryCount - 1;
    }

    public long beginTimestamp() {
        return beginTimestamp;
    }

    public long endTimestamp() {
        return endTimestamp;
    }

    public long beginPhysicalOffset() {
        return beginPhysicalOffset;
    }

    public long endPhysicalOffset() {
        return endPhysicalOffset;
    }

    /** Adds a key; returns false if the file is full. */
    public boolean put(String key, long physicalOffset, long storeTimestamp) {
        return putHash(keyHash(key), physicalOffset, storeTimestamp);
    }

    /** Adds a key by its {@link #keyHash}; returns false if the file is full. */
    boolean putHash(int hash, long physicalOffset, long storeTimestamp) {
        int number = entryCount;
        if (number >= maxEntries) {
            return false;
        }
        if (number == 1) {
            beginTimestamp = storeTimestamp;
            beginPhysicalOffset = physicalOffset;
        }
        int slotPosition = HEADER_SIZE + (hash % hashSlots) * SLOT_SIZE;
        int previous = view.getInt(slotPosition);
        if (previous < 0 || previous >= number) {
            previous = 0;
        }
        long diffSeconds = Math.max(0, (storeTimestamp - beginTimestamp) / 1000);
        int entryPosition = entryPosition(number);
        view.putInt(entryPosition, hash);
        view.putLong(entryPosition + 4, physicalOffset);
        view.putInt(entryPosition + 12, (int) Math.min(Integer.MAX_VALUE, diffSeconds));
        view.putInt(entryPosition + 16, previous);
        view.putInt(slotPosition, number);
        endTimestamp = storeTimestamp;
        endPhysicalOffset = physicalOffset;
        writeHeader(number + 1);
        entryCount = number + 1;
        return true;
    }

    private void writeHeader(int count) {
        view.putLong(0, beginTimestamp);
        view.putLong(8, endTimestamp);
        view.putLong(16, beginPhysicalOffset);
        view.putLong(24, endPhysicalOffset);
        view.putInt(32, hashSlots);
        view.putInt(36, count);
    }

    private int entryPosition(int number) {
        return HEADER_SIZE + hashSlots * SLOT_SIZE + number * ENTRY_SIZE;
    }

    static int keyHash(String key) {
        return key.hashCode() & 0x7FFFFFFF;
    }

    /**
     * {@link #keyHash} of {@code prefix + separator + key} (see {@link IndexService#indexKey}), computed without
     * building that string: {@link String#hashCode()} is a polynomial over the characters, so it can be continued.
     */
    static int keyHash(String prefix, char separator, String key) {
        int h = 31 * prefix.hashCode() + separator;
        for (int i = 0; i < key.length(); i++) {
            h = 31 * h + key.charAt(i);
        }
        return h & 0x7FFFFFFF;
    }

    /**
     * Adds to {@code out}, newest first, the offsets of entries for {@code key} stored within
     * [{@code beginMillis} - 1 s, {@code endMillis}] (entries keep whole seconds), until {@code out} holds
     * {@code maxResults}.
     */
    public void query(String key, long beginMillis, long endMillis, int maxResults, List<Long> out) {
        int count = entryCount;
        if (count <= 1 || endMillis < beginTimestamp - 1000 || beginMillis > endTimestamp) {
            return;
        }
        int hash = keyHash(key);
        int number = view.getInt(HEADER_SIZE + (hash % hashSlots) * SLOT_SIZE);
        int guard = count;
        while (number > 0 && number < count && out.size() < maxResults && guard-- > 0) {
            int position = entryPosition(number);
            long timeMillis = beginTimestamp + view.getInt(position + 12) * 1000L;
            if (view.getInt(position) == hash && timeMillis >= beginMillis - 1000 && timeMillis <= endMillis) {
                out.add(view.getLong(position + 4));
            }
            int previous = view.getInt(position + 16);
            if (previous >= number) {
                break;
            }
            number = previous;
        }
    }

    public void flush() {
        file.forceAll();
    }

    public void shutdown(boolean delete) {
        file.shutdown(delete);
    }
}
