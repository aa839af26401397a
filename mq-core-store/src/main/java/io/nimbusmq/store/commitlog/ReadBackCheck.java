package io.nimbusmq.store.commitlog;

import java.io.IOException;
import java.nio.ByteBuffer;

import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.RecordCheck;
import io.nimbusmq.store.file.MappedFile;
import io.nimbusmq.store.file.MappedFileQueue;

/**
 * Reads forced commit log records back from the files, through the file channel rather than the mapping, and checks
 * each one ({@link MessageCodec#checkSealed}) before SYNC_FLUSH puts are acknowledged.
 *
 * <p><b>Why.</b> A copy into a mapped page that the file system cannot back (a sparse page on a full disk, a page past
 * the end of a file someone shrank) raises an {@link InternalError} that HotSpot delivers late, at some later point of
 * the writing thread, after the write position has moved on; a force then succeeds without those bytes. Reading the
 * bytes back after the force is what ties an acknowledgement to bytes that are really in the file.
 *
 * <p>Bytes that fail are added to the {@link DamagedRanges} (up to the next valid record in what was read, or to the
 * end of the checked range), so the next check, the dispatcher and readers pass over them. Owned by the one thread
 * that calls {@link #verifiedUpTo}: the group commit thread.
 */
public final class ReadBackCheck {

    private static final int INITIAL_BUFFER_BYTES = 1024 * 1024;
    /** Enough of a record to see its magic code and the offset it names. */
    private static final int HEADER_BYTES = MessageCodec.PHYSICAL_OFFSET_POSITION + 8;

    private final MappedFileQueue files;
    private final DamagedRanges damaged;
    private final int maxRecordBytes;
    private ByteBuffer buffer;
    /** Where the current check found damage; -1 while none. */
    private long damageAt = -1;
    /** What was wrong with the record {@link #checkRecords} stopped at. */
    private String problem;

    /** @param maxRecordBytes the largest record the commit log accepts; a larger size field is damage */
    public ReadBackCheck(MappedFileQueue files, DamagedRanges damaged, int maxRecordBytes) {
        this(files, damaged, maxRecordBytes, INITIAL_BUFFER_BYTES);
    }

    ReadBackCheck(MappedFileQueue files, DamagedRanges damaged, int maxRecordBytes, int bufferBytes) {
        this.files = files;
        this.damaged = damaged;
        this.maxRecordBytes = maxRecordBytes;
        this.buffer = ByteBuffer.allocateDirect(bufferBytes);
    }

    /**
     * Checks the records in [{@code fromOffset}, {@code toOffset}), which must both be record boundaries.
     *
     * @return {@code toOffset} if every record read back intact, else the offset of the first one that did not (or
     *         where checking had to stop)
     */
    public long verifiedUpTo(long fromOffset, long toOffset) {
        long offset = Math.max(fromOffset, files.minOffset());
        while (offset < toOffset) {
            DamagedRanges.Range known = damaged.rangeAt(offset);
            if (known != null) {
                offset = known.endOffset();
                continue;
            }
            MappedFile segment = files.segmentFor(offset);
            if (segment == null || !segment.retain()) {
                return offset;
            }
            long next;
            try {
                next = checkSegment(segment, offset, toOffset);
            } finally {
                segment.release();
            }
            if (damageAt >= 0) {
                long at = damageAt;
                damageAt = -1;
                return at;
            }
            if (next <= offset) {
                return offset;
            }
            offset = next;
        }
        return toOffset;
    }

    /** Checks from {@code offset} to the end of the range in this segment; returns where it got to. */
    private long checkSegment(MappedFile segment, long offset, long toOffset) {
        long segmentStart = segment.fileFromOffset();
        int limit = (int) Math.min(segment.writePosition(), toOffset - segmentStart);
        int position = (int) (offset - segmentStart);
        try {
            while (position < limit) {
                int wanted = Math.min(limit - position, buffer.capacity());
                buffer.clear().limit(wanted);
                int read = segment.read(buffer, position);
                int checked = read == 0 ? -1 : checkRecords(segment, position, read, wanted, limit);
                if (checked < 0) {
                    int damagedAt = position - checked - 1;
                    damage(segment, damagedAt, limit, read == 0 ? "the file ends before it" : problem);
                    return segmentStart + damagedAt;
                }
                if (checked == 0) {
                    buffer = ByteBuffer.allocateDirect(Math.max(buffer.capacity() * 2, buffer.getInt(0)));
                    continue;
                }
                position += checked;
            }
        } catch (IOException e) {
            damage(segment, position, limit, "it cannot be read back: " + e);
            return segmentStart + position;
        }
        return segment.isFull() && position >= limit ? segmentStart + segment.fileSize() : segmentStart + position;
    }

    /**
     * Checks the records of one read. Returns the bytes of whole, valid records at its start (the blank record
     * counts to the end of the segment), 0 if the first record is longer than the buffer, or {@code -(p + 1)} for
     * damage at {@code p}, with its description in {@link #problem}.
     */
    private int checkRecords(MappedFile segment, int position, int read, int wanted, int limit) {
        long chunkOffset = segment.fileFromOffset() + position;
        int p = 0;
        while (p < read) {
            int size = read - p >= 8 ? buffer.getInt(p) : 0;
            int magic = read - p >= 8 ? buffer.getInt(p + 4) : 0;
            if (magic == MessageCodec.BLANK_MAGIC && position + p + size == segment.fileSize()) {
                return segment.fileSize() - position;
            }
            boolean moreToRead = read == wanted && position + read < limit;
            if (moreToRead && (read - p < 8
                    || size > read - p && size <= maxRecordBytes && position + p + size <= limit)) {
                return p;
            }
            RecordCheck check = MessageCodec.checkSealed(buffer, p, read, chunkOffset + p);
            if (check.kind() != RecordCheck.Kind.MESSAGE) {
                problem = check.kind() == RecordCheck.Kind.CORRUPT ? check.reason()
                        : read < wanted ? "the file ends before it" : "zero bytes where it should be";
                return -(p + 1);
            }
            p += check.sizeBytes();
        }
        return p;
    }

    /** Records the damage at {@code position}, up to the next intact record in the file or to {@code limit}. */
    private void damage(MappedFile segment, int position, int limit, String reason) {
        long segmentStart = segment.fileFromOffset();
        int end;
        try {
            int next = nextIntactRecord(segment, position + 1, limit);
            end = next < 0 ? limit : next;
        } catch (IOException e) {
            end = limit;
        }
        damageAt = segmentStart + position;
        damaged.add(new DamagedRanges.Range(segmentStart + position, segmentStart + Math.max(end, position + 1), 1,
                "the record did not read back intact after the force: " + reason), "the SYNC_FLUSH read-back");
    }

    /**
     * Where the next intact record (or the blank record that ends the segment) starts in [{@code from},
     * {@code limit}), reading the file: a record header naming its own offset, then the whole record checked.
     */
    private int nextIntactRecord(MappedFile segment, int from, int limit) throws IOException {
        long segmentStart = segment.fileFromOffset();
        int start = from;
        while (start + HEADER_BYTES <= limit) {
            buffer.clear().limit(Math.min(buffer.capacity(), limit - start));
            int read = segment.read(buffer, start);
            for (int i = 0; i + HEADER_BYTES <= read; i++) {
                int size = buffer.getInt(i);
                int magic = buffer.getInt(i + 4);
                if (magic == MessageCodec.BLANK_MAGIC && start + i + size == segment.fileSize()) {
                    return start + i;
                }
                boolean head = (magic == MessageCodec.MAGIC_V1 || magic == MessageCodec.MAGIC_V2)
                        && buffer.getLong(i + MessageCodec.PHYSICAL_OFFSET_POSITION) == segmentStart + start + i;
                if (head && size > 0 && size <= maxRecordBytes && start + i + size <= limit
                        && isIntact(segment, start + i, size)) {
                    return start + i;
                }
            }
            if (read < buffer.limit()) {
                return -1;
            }
            start += read - HEADER_BYTES + 1;
        }
        return -1;
    }

    private boolean isIntact(MappedFile segment, int position, int size) throws IOException {
        ByteBuffer record = ByteBuffer.allocate(size);
        if (segment.read(record, position) < size) {
            return false;
        }
        return MessageCodec.checkSealed(record, 0, size, segment.fileFromOffset() + position).kind()
                == RecordCheck.Kind.MESSAGE;
    }
}
