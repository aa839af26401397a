package io.nimbusmq.store.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

import io.nimbusmq.message.MessageMeta;
import io.nimbusmq.store.file.MappedFile;
import io.nimbusmq.store.file.MappedFileQueue;
import io.nimbusmq.store.file.MappedSlice;
import io.nimbusmq.store.file.SegmentAllocator;
import io.nimbusmq.store.recovery.RecoveredCommitLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index of one (topic, queue id): entry {@code n} locates the message with queue offset {@code n} in the commit
 * log. Segments hold a fixed number of 20-byte entries and are named by the byte position of their first entry.
 *
 * <pre>
 * | field          | bytes | notes                                                 |
 * |----------------|-------|-------------------------------------------------------|
 * | physicalOffset | 8     | message start in the commit log; -1 marks a hole      |
 * | size           | 4     | message size in bytes                                 |
 * | tagsCode       | 8     | hash of the TAGS property, used to filter before reading |
 * </pre>
 *
 * Byte position = queue offset × 20. A zero entry (offset 0, size 0) is unwritten space and ends the queue on
 * recovery. A hole has physical offset -1; readers pass over it. A hole of size 0 fills a gap (the queue had to skip
 * offsets: its files, or the records, were lost); a hole that keeps its size marks a message whose record recovery
 * found damaged. Holes keep the queue's offsets: a queue offset is never handed out twice.
 *
 * <p><b>Threads.</b> Only the dispatch thread (or recovery, before it starts) writes; any thread reads. The queue is
 * rebuilt from the commit log after a crash, so its files are trusted only up to the checkpoint.
 */
public final class ConsumeQueue {

    public static final int ENTRY_SIZE = 20;
    private static final Logger log = LoggerFactory.getLogger(ConsumeQueue.class);

    private final String topic;
    private final int queueId;
    private final MappedFileQueue files;
    private final ByteBuffer entryBuffer = ByteBuffer.allocate(ENTRY_SIZE);
    private volatile long minQueueOffset;
    /** Set by {@link #recoverEnd()} when a segment was cut short: entries after the end were lost. */
    private boolean lostEntries;

    public ConsumeQueue(String topic, int queueId, Path dir, ConsumeQueueConfig config, SegmentAllocator allocator) {
        this.topic = topic;
        this.queueId = queueId;
        this.files = new MappedFileQueue(dir, config.segmentSizeBytes(), allocator);
    }

    public String topic() {
        return topic;
    }

    public int queueId() {
        return queueId;
    }

    public void load() throws IOException {
        files.load();
    }

    /**
     * Finds where the written entries end after a restart and truncates unwritten space. A queue with a segment that
     * was cut short ({@link MappedFileQueue#restoredSegments()}) is cut at the first entry it lost, to be re-fed from
     * the commit log ({@link #recover}).
     */
    public void recoverEnd() {
        List<MappedFile> segments = files.segments();
        long end = files.minOffset();
        List<Long> restored = files.restoredSegments();
        for (int i = segments.size() - 1; i >= 0; i--) {
            MappedFile segment = segments.get(i);
            if (!restored.isEmpty() && segment.fileFromOffset() > restored.get(0)) {
                continue;
            }
            int validBytes = validPrefixBytes(segment);
            if (validBytes > 0 || i == 0 || !restored.isEmpty()) {
                end = segment.fileFromOffset() + validBytes;
                break;
            }
        }
        files.truncateTo(end);
        minQueueOffset = files.minOffset() / ENTRY_SIZE;
        lostEntries = !restored.isEmpty();
    }

    private static int validPrefixBytes(MappedFile segment) {
        ByteBuffer view = segment.wholeFileView();
        int position = 0;
        while (position + ENTRY_SIZE <= segment.fileSize()) {
            long physicalOffset = view.getLong(position);
            int size = view.getInt(position + 8);
            boolean entry = physicalOffset >= 0 && size > 0;
            boolean hole = physicalOffset == -1;
            if (!entry && !hole) {
                break;
            }
            position += ENTRY_SIZE;
        }
        return position;
    }

    /** Number of the first entry still readable. */
    public long minOffset() {
        return minQueueOffset;
    }

    /** Number of the next entry to be written. */
    public long maxOffset() {
        return files.maxOffset() / ENTRY_SIZE;
    }

    /**
     * Writes the entry for {@code queueOffset}. An entry already present is left alone (re-dispatch after recovery);
     * a gap is filled with holes.
     */
    public void putEntry(long queueOffset, long physicalOffset, int sizeBytes, long tagsCode) throws IOException {
        long target = queueOffset * ENTRY_SIZE;
        if (files.isEmpty()) {
            long segmentSize = files.segmentSizeBytes();
            files.roll(target - target % segmentSize);
            minQueueOffset = queueOffset;
        }
        long end = files.maxOffset();
        if (target < end) {
            return;
        }
        if (target > end) {
            log.warn("Consume queue {}-{} skips from {} to {}; filling holes", topic, queueId, end / ENTRY_SIZE,
                    queueOffset);
        }
        while (end < target) {
            writeEntry(-1, 0, 0);
            end += ENTRY_SIZE;
        }
        writeEntry(physicalOffset, sizeBytes, tagsCode);
    }

    private void writeEntry(long physicalOffset, int sizeBytes, long tagsCode) throws IOException {
        MappedFile segment = files.segmentForAppend(0);
        entryBuffer.clear();
        entryBuffer.putLong(physicalOffset).putInt(sizeBytes).putLong(tagsCode).flip();
        segment.append(entryBuffer);
    }

    /** The entry at {@code queueOffset}, or null if it is not stored. */
    public ConsumeQueueEntry entry(long queueOffset) {
        MappedSlice slice = entries(queueOffset, 1);
        if (slice == null) {
            return null;
        }
        try {
            ByteBuffer buf = slice.buffer();
            return new ConsumeQueueEntry(queueOffset, buf.getLong(0), buf.getInt(8), buf.getLong(12));
        } finally {
            slice.release();
        }
    }

    /**
     * Up to {@code maxEntries} entries from {@code queueOffset}, within one segment, as a retained slice; null if
     * the offset is not stored. Release the slice when done.
     */
    public MappedSlice entries(long queueOffset, int maxEntries) {
        if (queueOffset < minQueueOffset || queueOffset >= maxOffset()) {
            return null;
        }
        long position = queueOffset * ENTRY_SIZE;
        MappedFile segment = files.segmentFor(position);
        if (segment == null) {
            return null;
        }
        int start = (int) (position - segment.fileFromOffset());
        int available = (segment.writePosition() - start) / ENTRY_SIZE;
        int count = Math.min(maxEntries, available);
        return count <= 0 ? null : segment.slice(start, count * ENTRY_SIZE);
    }

    /** What {@link #recover} did to one queue. */
    public record Recovered(int holesPunched, int entriesCut, long refeedFrom) {
    }

    /**
     * Brings the queue in line with the recovered commit log.
     * <ul>
     * <li>Entries whose message ends after the checkpoint's dispatch-safe offset are not vouched for by a force: each
     * is kept if the commit log has its record there, intact, and the record is its own (topic, queue id, queue
     * offset, size); the queue is cut at the first that is not, and is re-fed from the commit log. Gap holes at the
     * new end go with it.</li>
     * <li>Entries that point into a damaged range, or past the recovered end (their record was lost with a torn
     * tail), become holes that keep their size: the message is gone, but its queue offset is never handed out again,
     * so a consumer that already read it cannot skip a new message.</li>
     * </ul>
     *
     * @return counts, and the offset the queue needs re-fed from if it lost entries at load, else
     *         {@code Long.MAX_VALUE}
     */
    public Recovered recover(RecoveredCommitLog commitLog) {
        long end = maxOffset();
        long first = end;
        while (first > minQueueOffset) {
            ConsumeQueueEntry entry = entry(first - 1);
            if (entry != null && !entry.isHole() && entry.physicalOffset() + entry.sizeBytes()
                    <= commitLog.dispatchSafeOffset()) {
                break;
            }
            first--;
        }
        int holes = 0;
        long keep = first;
        for (long queueOffset = first; queueOffset < end; queueOffset++) {
            ConsumeQueueEntry entry = entry(queueOffset);
            if (entry == null) {
                break;
            }
            if (entry.isHole()) {
                keep = entry.sizeBytes() > 0 ? queueOffset + 1 : keep;
                continue;
            }
            if (commitLog.isDamaged(entry.physicalOffset())
                    || entry.physicalOffset() + entry.sizeBytes() > commitLog.end()) {
                punchHole(queueOffset);
                holes++;
            } else if (!isOwnRecord(entry, commitLog)) {
                break;
            }
            keep = queueOffset + 1;
        }
        int cut = (int) (end - keep);
        truncateEntries(keep);
        if (commitLog.hasDamageBefore(commitLog.dispatchSafeOffset())) {
            holes += punchHolesBefore(first, commitLog);
        }
        return new Recovered(holes, cut, lostEntries ? refeedOffset() : Long.MAX_VALUE);
    }

    private boolean isOwnRecord(ConsumeQueueEntry entry, RecoveredCommitLog commitLog) {
        MessageMeta record = commitLog.records().recordAt(entry.physicalOffset());
        return record != null && record.sizeBytes() == entry.sizeBytes() && record.topic().equals(topic)
                && record.queueId() == queueId && record.queueOffset() == entry.queueOffset();
    }

    /** Turns the entries before {@code before} that point into damaged ranges into holes. */
    private int punchHolesBefore(long before, RecoveredCommitLog commitLog) {
        int holes = 0;
        for (long queueOffset = minQueueOffset; queueOffset < before; queueOffset++) {
            ConsumeQueueEntry entry = entry(queueOffset);
            if (entry != null && !entry.isHole() && commitLog.isDamaged(entry.physicalOffset())) {
                punchHole(queueOffset);
                holes++;
            }
        }
        return holes;
    }

    /** Marks the entry as a hole in place and forces it: the flusher only forces what is appended. */
    private void punchHole(long queueOffset) {
        long position = queueOffset * ENTRY_SIZE;
        MappedFile segment = files.segmentFor(position);
        segment.randomAccessView().putLong((int) (position - segment.fileFromOffset()), -1L);
        segment.forceAll();
    }

    /** Where the commit log must be re-fed from to rebuild the entries after the last one kept. */
    private long refeedOffset() {
        for (long queueOffset = maxOffset() - 1; queueOffset >= minQueueOffset; queueOffset--) {
            ConsumeQueueEntry entry = entry(queueOffset);
            if (entry != null && !entry.isHole()) {
                return entry.physicalOffset() + entry.sizeBytes();
            }
        }
        return 0;
    }

    private void truncateEntries(long end) {
        if (end < maxOffset()) {
            files.truncateTo(end * ENTRY_SIZE);
            if (files.isEmpty()) {
                minQueueOffset = end;
            }
        }
    }

    /**
     * Moves the minimum offset past entries whose messages were deleted from the commit log, and deletes segments
     * that hold only such entries (never the last one).
     */
    public void correctMinOffset(long commitLogMinOffset) {
        files.deleteHead(segment -> {
            ByteBuffer view = segment.wholeFileView();
            int lastEntry = segment.fileSize() - ENTRY_SIZE;
            return segment.isFull() && view.getLong(lastEntry) + view.getInt(lastEntry + 8) <= commitLogMinOffset;
        }, Integer.MAX_VALUE);
        long offset = Math.max(minQueueOffset, files.minOffset() / ENTRY_SIZE);
        long max = maxOffset();
        while (offset < max) {
            ConsumeQueueEntry e = entry(offset);
            if (e != null && !e.isHole() && e.physicalOffset() >= commitLogMinOffset) {
                break;
            }
            offset++;
        }
        minQueueOffset = offset;
    }

    public long flush() {
        return files.flush();
    }

    public void shutdown() {
        files.shutdown();
    }

    /** Deletes every file of the queue. */
    public void destroy() {
        files.destroy();
    }
}
