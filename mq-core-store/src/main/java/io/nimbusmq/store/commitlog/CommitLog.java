package io.nimbusmq.store.commitlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.MessageMeta;
import io.nimbusmq.message.MessageSysFlag;
import io.nimbusmq.message.RecordCheck;
import io.nimbusmq.message.RecordCrc;
import io.nimbusmq.message.Utf8;
import io.nimbusmq.store.file.InsufficientDiskSpaceException;
import io.nimbusmq.store.file.MappedFile;
import io.nimbusmq.store.file.MappedFileQueue;
import io.nimbusmq.store.file.MappedSlice;
import io.nimbusmq.store.file.SegmentAllocator;
import io.nimbusmq.store.file.SegmentWriteException;
import io.nimbusmq.store.internal.StoreHealth;

/**
 * The append-only commit log: every message of every topic, in arrival order, in fixed-size mapped segments.
 *
 * <p><b>Write path.</b> A message is encoded into a per-thread buffer <em>outside</em> the put lock (body CRC
 * included, record CRC entry reserved). Under the lock the appender only picks the segment, assigns the physical
 * offset, the queue offset and the store timestamp, patches them into the encoded bytes, seals each record with its
 * record CRC ({@link RecordCrc}) and copies them into the mapped segment. A batch is written as one contiguous run
 * inside one segment, with consecutive queue offsets. When the current segment cannot take the next record plus a
 * blank record, it is closed with a blank record and the record goes to a new segment.
 *
 * <p>Appends are synchronous memory copies; forcing them to disk is the job of the flush services.
 *
 * <p><b>Faults.</b> Every segment has its blocks reserved before it is used ({@link MappedFileQueue}), so a full disk
 * shows as a failed roll, before any message goes there. A roll that fails, or a copy into the mapping that fails
 * where the JVM reports it, puts the store in the write-fault state ({@link StoreHealth#markWriteFault}) under the
 * put lock: the failed append leaves the write position and the queue offsets where they were, and the appends queued
 * behind it are refused with the reason. Every earlier message stays readable. HotSpot usually reports a fault on a
 * mapped page (a file someone shrank) late, elsewhere in the thread: {@link ReadBackCheck} catches those before
 * SYNC_FLUSH acknowledges. {@link #resumeAfterWriteFault()} lifts the state once space is reserved again.
 */
public final class CommitLog {

    private static final int INITIAL_BUFFER_BYTES = 64 * 1024;
    /** How far into a segment the writer asks for the next one to be reserved, at most (half a segment if less). */
    static final int RESERVE_NEXT_AFTER_BYTES = 64 * 1024 * 1024;

    private final MappedFileQueue files;
    private final CommitLogConfig config;
    private final QueueOffsetTable queueOffsets;
    private final Clock clock;
    private final StoreHealth health;
    private final DamagedRanges damaged = new DamagedRanges();
    /** See {@link #trustFrom}; nothing is trusted until recovery says so. */
    private volatile long trustedFromOffset = Long.MAX_VALUE;
    private final ReentrantLock putLock = new ReentrantLock();
    private final ThreadLocal<ByteBuffer> encodeBuffers =
            ThreadLocal.withInitial(() -> ByteBuffer.allocate(INITIAL_BUFFER_BYTES));
    private long lastStoreTimestamp;
    private final int reserveNextAt;
    private volatile Runnable reserveNext = () -> { };

    public CommitLog(Path dir, CommitLogConfig config, QueueOffsetTable queueOffsets, Clock clock) {
        this(dir, config, queueOffsets, clock, new StoreHealth(), SegmentAllocator.standard());
    }

    public CommitLog(Path dir, CommitLogConfig config, QueueOffsetTable queueOffsets, Clock clock,
            StoreHealth health, SegmentAllocator allocator) {
        this.files = new MappedFileQueue(dir, config.segmentSizeBytes(), allocator);
        this.config = config;
        this.queueOffsets = queueOffsets;
        this.clock = clock;
        this.health = health;
        this.reserveNextAt = Math.min(config.segmentSizeBytes() / 2, RESERVE_NEXT_AFTER_BYTES);
    }

    /**
     * Where in its segment the writer passes the point at which the next segment should be reserved: half a segment,
     * at most {@value #RESERVE_NEXT_AFTER_BYTES} bytes in. A store that never writes that much never reserves a
     * second segment; one that does leaves its reservation the rest of the segment's time.
     */
    public int reserveNextAt() {
        return reserveNextAt;
    }

    /**
     * {@code listener} runs on the writing thread, under the put lock, when an append crosses {@link #reserveNextAt()}
     * (once per segment): it must only hand off (wake the reserving thread).
     */
    public void onReserveNext(Runnable listener) {
        this.reserveNext = listener;
    }

    public MappedFileQueue files() {
        return files;
    }

    public CommitLogConfig config() {
        return config;
    }

    /** The largest record an append can write: the largest body and property string, with the headers. */
    public int maxRecordBytes() {
        return config.maxMessageSizeBytes() + MessageCodec.MAX_PROPERTIES_BYTES + 64 * 1024;
    }

    /** The ranges found damaged; dispatch and readers skip them. */
    public DamagedRanges damaged() {
        return damaged;
    }

    public void load() throws IOException {
        files.load();
    }

    /** Appends one message. */
    public AppendResult append(MessageInput message) throws IOException {
        return appendAll(List.of(message));
    }

    /**
     * Appends messages of one topic and queue as one contiguous run with consecutive queue offsets.
     *
     * @throws StoreNotWritableException if the store refuses writes; nothing is written
     * @throws InsufficientDiskSpaceException if a new segment cannot be reserved; nothing is written, and the store
     *         is in the write-fault state
     * @throws SegmentWriteException if the copy into the segment failed; nothing is kept, and the store is in the
     *         write-fault state
     * @throws IOException if a new segment cannot be created for another reason (same handling)
     * @throws IllegalArgumentException if the run cannot fit in one segment
     */
    public AppendResult appendAll(List<MessageInput> messages) throws IOException {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("nothing to append");
        }
        ByteBuffer encoded = encode(messages);
        int size = encoded.remaining();
        if (size + MessageCodec.BLANK_RECORD_MIN_BYTES > config.segmentSizeBytes()) {
            throw new IllegalArgumentException("record of " + size + " bytes cannot fit in a segment of "
                    + config.segmentSizeBytes() + " bytes");
        }
        MessageInput first = messages.get(0);
        boolean consumable = MessageSysFlag.isConsumable(first.sysFlag());
        putLock.lock();
        try {
            if (!health.isWritable()) {
                throw new StoreNotWritableException(health.notWritableReason());
            }
            MappedFile segment = segmentWithRoom(size);
            long physicalOffset = segment.fileFromOffset() + segment.writePosition();
            long queueOffset = consumable ? queueOffsets.assign(first.topic(), first.queueId(), messages.size()) : 0;
            long storeTimestamp = nextStoreTimestamp();
            long[] offsets = new long[messages.size()];
            int position = 0;
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = physicalOffset + position;
                MessageCodec.patchAppendFields(encoded, position, consumable ? queueOffset + i : 0, offsets[i],
                        storeTimestamp);
                RecordCrc.seal(encoded, position);
                position += encoded.getInt(position);
            }
            try {
                segment.append(encoded);
            } catch (SegmentWriteException e) {
                if (consumable) {
                    queueOffsets.set(first.topic(), first.queueId(), queueOffset);
                }
                throw writeFault(e, physicalOffset);
            }
            long start = physicalOffset - segment.fileFromOffset();
            if (start < reserveNextAt && start + size >= reserveNextAt) {
                reserveNext.run();
            }
            return new AppendResult(physicalOffset, size, queueOffset, storeTimestamp, offsets);
        } finally {
            putLock.unlock();
        }
    }

    /**
     * The segment that takes the next {@code size} bytes. A segment that cannot take them plus a blank record is
     * closed with the blank record first, then the next one is rolled: a roll that fails leaves a closed segment and
     * nothing else, and the next append tries the roll again.
     */
    private MappedFile segmentWithRoom(int size) throws IOException {
        MappedFile segment = files.lastSegment();
        if (segment != null && !segment.isFull()
                && segment.remainingBytes() < size + MessageCodec.BLANK_RECORD_MIN_BYTES) {
            ByteBuffer blank = ByteBuffer.allocate(MessageCodec.BLANK_RECORD_MIN_BYTES);
            MessageCodec.encodeBlank(blank, segment.remainingBytes());
            blank.flip();
            long blankOffset = segment.fileFromOffset() + segment.writePosition();
            try {
                segment.appendClosing(blank);
            } catch (SegmentWriteException e) {
                throw writeFault(e, blankOffset);
            }
        }
        try {
            return files.segmentForAppend(0);
        } catch (IOException e) {
            String reason = e instanceof InsufficientDiskSpaceException ? "disk full: " + e.getMessage()
                    : "cannot create a commit log segment: " + e.getMessage();
            health.markWriteFault(reason, files.maxOffset());
            throw e;
        }
    }

    private SegmentWriteException writeFault(SegmentWriteException e, long physicalOffset) {
        health.markWriteFault("commit log write failed at offset " + physicalOffset + ": " + e.getMessage(),
                physicalOffset);
        return e;
    }

    /**
     * Called while the store is in the write-fault state: reserves the rest of the active segment and the next
     * segment, and lifts the state if both succeed. Under the put lock, so no append runs meanwhile.
     *
     * @return whether the store is writable again (as far as the commit log is concerned)
     */
    public boolean resumeAfterWriteFault() {
        putLock.lock();
        try {
            MappedFile last = files.lastSegment();
            if (last != null && !last.isFull()) {
                last.reserveFrom(last.writePosition(), files.allocator());
            }
            files.preallocate(files.nextSegmentOffset());
            health.clearWriteFault("space for the commit log is reserved again at offset " + files.maxOffset());
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            putLock.unlock();
        }
    }

    private long nextStoreTimestamp() {
        long now = clock.millis();
        if (now < lastStoreTimestamp) {
            now = lastStoreTimestamp;
        }
        lastStoreTimestamp = now;
        return now;
    }

    /** Into this thread's buffer, without a copy of the topic or the properties on the way (see {@link Utf8}). */
    private ByteBuffer encode(List<MessageInput> messages) {
        int total = 0;
        for (int i = 0; i < messages.size(); i++) {
            MessageInput m = messages.get(i);
            total += MessageCodec.recordSize(MessageCodec.effectiveSysFlag(m), m.body().length,
                    Utf8.length(m.topic()), Utf8.length(m.properties()) + RecordCrc.ENTRY_BYTES);
        }
        ByteBuffer buffer = encodeBuffers.get();
        if (buffer.capacity() < total) {
            buffer = ByteBuffer.allocate(Math.max(total, buffer.capacity() * 2));
            encodeBuffers.set(buffer);
        }
        buffer.clear();
        for (int i = 0; i < messages.size(); i++) {
            MessageInput m = messages.get(i);
            MessageCodec.encode(m, Utf8.length(m.topic()), Utf8.length(m.properties()) + RecordCrc.ENTRY_BYTES,
                    RecordCrc.RESERVED_ENTRY, MessageCodec.effectiveSysFlag(m), buffer);
        }
        buffer.flip();
        return buffer;
    }

    /** A slice of {@code sizeBytes} bytes at {@code physicalOffset}, or null if not (or no longer) stored. */
    public MappedSlice slice(long physicalOffset, int sizeBytes) {
        MappedFile segment = files.segmentFor(physicalOffset);
        if (segment == null) {
            return null;
        }
        return segment.slice((int) (physicalOffset - segment.fileFromOffset()), sizeBytes);
    }

    /**
     * The whole record at {@code physicalOffset}, or null if there is no message there. The record is not checked:
     * see {@link #sliceValidRecord}.
     */
    public MappedSlice sliceRecord(long physicalOffset) {
        MappedSlice header = slice(physicalOffset, 8);
        if (header == null) {
            return null;
        }
        int size;
        int magic;
        try {
            size = header.buffer().getInt(0);
            magic = header.buffer().getInt(4);
        } finally {
            header.release();
        }
        if (magic != MessageCodec.MAGIC_V1 && magic != MessageCodec.MAGIC_V2 || size <= 0) {
            return null;
        }
        return slice(physicalOffset, size);
    }

    /**
     * The record at {@code physicalOffset} if it passes {@link MessageCodec#checkSealed} (magic, size, its own
     * offset, body CRC and record CRC), else null. A record that fails is added to the {@link #damaged() damaged
     * ranges} and never returned.
     */
    public MappedSlice sliceValidRecord(long physicalOffset) {
        MappedSlice slice = sliceRecord(physicalOffset);
        return slice == null || checkOrRelease(slice) ? slice : null;
    }

    /**
     * Records from {@code offset} on were validated by this start's recovery or appended by this run:
     * {@link #keepIfValid} trusts them. Set once, by recovery.
     */
    public void trustFrom(long offset) {
        trustedFromOffset = offset;
    }

    /**
     * Whether {@code slice}, one record read at its own offset for a queue read, may be handed out. Records older
     * than {@link #trustFrom this run's validation} are checked ({@link MessageCodec#checkSealed}): bytes damaged
     * at rest are never delivered. Newer ones were checked by recovery or written by this process, and are not
     * checked again, which keeps reads zero-copy and cheap. If the record fails, the slice is released (the caller
     * must not use it), and the damage is added to the damaged ranges and logged once.
     */
    public boolean keepIfValid(MappedSlice slice) {
        return slice.physicalOffset() >= trustedFromOffset || checkOrRelease(slice);
    }

    private boolean checkOrRelease(MappedSlice slice) {
        RecordCheck check = MessageCodec.checkSealed(slice.buffer(), 0, slice.sizeBytes(), slice.physicalOffset());
        if (check.kind() == RecordCheck.Kind.MESSAGE) {
            return true;
        }
        long offset = slice.physicalOffset();
        slice.release();
        damaged.add(new DamagedRanges.Range(offset, offset + Math.max(1, slice.sizeBytes()), 1,
                check.kind() == RecordCheck.Kind.CORRUPT ? check.reason() : "no message: " + check.kind()), "read");
        return false;
    }

    /**
     * What the intact record that starts at {@code physicalOffset} holds, or null if no intact record starts there.
     * Recovery uses it to check consume queue entries; unlike {@link #sliceValidRecord} it reports nothing.
     */
    public MessageMeta recordMetaAt(long physicalOffset) {
        MappedSlice slice = sliceRecord(physicalOffset);
        if (slice == null) {
            return null;
        }
        try {
            RecordCheck check = MessageCodec.checkSealed(slice.buffer(), 0, slice.sizeBytes(), physicalOffset);
            return check.kind() == RecordCheck.Kind.MESSAGE ? MessageCodec.decodeMeta(slice.buffer(), 0) : null;
        } finally {
            slice.release();
        }
    }

    public long minOffset() {
        return files.minOffset();
    }

    /** Offset just past the last appended byte. */
    public long maxOffset() {
        return files.maxOffset();
    }

    public long flushedOffset() {
        return files.flushedOffset();
    }


    public void shutdown() {
        files.shutdown();
    }
}
