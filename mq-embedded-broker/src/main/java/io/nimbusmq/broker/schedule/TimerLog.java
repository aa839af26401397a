package io.nimbusmq.broker.schedule;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.nimbusmq.store.file.StoreFileNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only log of waiting messages: fixed 32-byte entries in memory-mapped segments of
 * {@code segmentSizeBytes}, each named by the 20-digit position of its first byte.
 *
 * <pre>
 * | offset | size | field                                                        |
 * |--------|------|--------------------------------------------------------------|
 * | 0      | 8    | target time, ms (delivery, or roll)                          |
 * | 8      | 8    | commit log offset of the waiting copy                        |
 * | 16     | 4    | its size in bytes                                            |
 * | 20     | 4    | magic 0x54494D00 | flags (bit 0: roll)                       |
 * | 24     | 8    | position of the previous entry of the same wheel slot, or -1 |
 * </pre>
 *
 * <p>Only the previous-entry link is ever rewritten (when the wheel is rebuilt or a slot is relinked). The valid end
 * of the log is the position recorded by the last {@link TimerCheckpoint}: after a crash, entries past it are
 * overwritten, because the messages they describe are indexed again from the checkpointed queue offsets. A segment is
 * deleted once every entry in it targets a time before the delivery cursor. Not thread-safe: the
 * {@link TimerMessageService} thread owns it.
 */
public final class TimerLog implements AutoCloseable {

    public static final int ENTRY_BYTES = 32;
    static final int MAGIC = 0x54494D00;
    private static final int ROLL_FLAG = 1;
    private static final Logger log = LoggerFactory.getLogger(TimerLog.class);

    private final Path dir;
    private final int segmentSizeBytes;
    private final TreeMap<Long, MappedByteBuffer> segments = new TreeMap<>();
    /** The highest target of each segment, to know when it can go. */
    private final Map<Long, Long> maxTargetBySegment = new TreeMap<>();
    private long endPosition;

    public TimerLog(Path dir, int segmentSizeBytes) {
        if (segmentSizeBytes < ENTRY_BYTES || segmentSizeBytes % ENTRY_BYTES != 0) {
            throw new IllegalArgumentException("segment size must be a multiple of " + ENTRY_BYTES);
        }
        this.dir = dir;
        this.segmentSizeBytes = segmentSizeBytes;
    }

    /** Maps the existing segments; the log ends at {@code validEnd} (from the checkpoint), later bytes are ignored. */
    public void load(long validEnd) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> StoreFileNames.isSegmentName(f.getFileName().toString()))
                    .sorted().toList()) {
                long start = StoreFileNames.parseSegmentOffset(file.getFileName().toString());
                if (start >= validEnd && start > 0) {
                    Files.delete(file);
                } else {
                    segments.put(start, map(file));
                }
            }
        }
        long first = segments.isEmpty() ? validEnd - validEnd % segmentSizeBytes : segments.firstKey();
        endPosition = Math.max(validEnd, first);
        if (!segments.isEmpty() && endPosition > segments.lastKey() + segmentSizeBytes) {
            throw new IOException("timer log in " + dir + " ends before the checkpointed position " + validEnd);
        }
    }

    private MappedByteBuffer map(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            return channel.map(FileChannel.MapMode.READ_WRITE, 0, segmentSizeBytes);
        }
    }

    public long startPosition() {
        return segments.isEmpty() ? endPosition : segments.firstKey();
    }

    public long endPosition() {
        return endPosition;
    }

    /** Bytes of the mapped segments on disk. */
    public long sizeBytes() {
        return (long) segments.size() * segmentSizeBytes;
    }

    /** Appends an entry and returns its position. */
    public long append(long targetMillis, long commitLogOffset, int sizeBytes, boolean roll, long prevPosition)
            throws IOException {
        long segmentStart = endPosition - endPosition % segmentSizeBytes;
        MappedByteBuffer segment = segments.get(segmentStart);
        if (segment == null) {
            segment = map(dir.resolve(StoreFileNames.segmentName(segmentStart)));
            segments.put(segmentStart, segment);
        }
        int at = (int) (endPosition - segmentStart);
        segment.putLong(at, targetMillis)
                .putLong(at + 8, commitLogOffset)
                .putInt(at + 16, sizeBytes)
                .putInt(at + 20, MAGIC | (roll ? ROLL_FLAG : 0))
                .putLong(at + 24, prevPosition);
        maxTargetBySegment.merge(segmentStart, targetMillis, Math::max);
        long position = endPosition;
        endPosition += ENTRY_BYTES;
        return position;
    }

    /** The entry at a position, or null if there is none (outside the log, or not an entry). */
    public TimerRecord read(long position) {
        ByteBuffer segment = segmentOf(position);
        if (segment == null) {
            return null;
        }
        int at = (int) (position % segmentSizeBytes);
        int magic = segment.getInt(at + 20);
        if ((magic & ~0xFF) != MAGIC) {
            return null;
        }
        return new TimerRecord(segment.getLong(at), segment.getLong(at + 8), segment.getInt(at + 16),
                (magic & ROLL_FLAG) != 0, segment.getLong(at + 24));
    }

    /** Rewrites the previous-entry link of an entry. */
    public void relink(long position, long prevPosition) {
        ByteBuffer segment = segmentOf(position);
        if (segment != null) {
            segment.putLong((int) (position % segmentSizeBytes) + 24, prevPosition);
        }
    }

    private ByteBuffer segmentOf(long position) {
        if (position < 0 || position + ENTRY_BYTES > endPosition) {
            return null;
        }
        return segments.get(position - position % segmentSizeBytes);
    }

    /** Calls {@code visitor} for every valid entry from the start to the end, in log order. */
    public void forEach(EntryVisitor visitor) {
        for (long position = startPosition(); position + ENTRY_BYTES <= endPosition; position += ENTRY_BYTES) {
            TimerRecord record = read(position);
            if (record != null) {
                maxTargetBySegment.merge(position - position % segmentSizeBytes, record.targetMillis(), Math::max);
                visitor.visit(position, record);
            }
        }
    }

    /** Receives entries from {@link #forEach}. */
    @FunctionalInterface
    public interface EntryVisitor {
        void visit(long position, TimerRecord record);
    }

    /** Forces the written entries to disk. */
    public void force() {
        for (MappedByteBuffer segment : segments.values()) {
            segment.force();
        }
    }

    /** Deletes leading segments (never the one being written) whose entries all target a time before {@code millis}. */
    public int deleteSegmentsBefore(long millis) {
        List<Long> deletable = new ArrayList<>();
        long writing = endPosition - endPosition % segmentSizeBytes;
        for (long start : segments.keySet()) {
            if (start >= writing || maxTargetBySegment.getOrDefault(start, Long.MAX_VALUE) >= millis) {
                break;
            }
            deletable.add(start);
        }
        for (long start : deletable) {
            segments.remove(start);
            maxTargetBySegment.remove(start);
            try {
                Files.deleteIfExists(dir.resolve(StoreFileNames.segmentName(start)));
            } catch (IOException e) {
                log.warn("Could not delete timer log segment {}", start, e);
            }
        }
        return deletable.size();
    }

    @Override
    public void close() {
        force();
        segments.clear();
    }
}
