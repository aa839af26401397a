package io.nimbusmq.store.commitlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.MessageSysFlag;
import io.nimbusmq.message.RecordCrc;
import io.nimbusmq.store.file.MappedFile;
import io.nimbusmq.store.file.MappedFileQueue;
import io.nimbusmq.store.file.MappedSlice;

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
 */
public final class CommitLog {

    private static final int INITIAL_BUFFER_BYTES = 64 * 1024;

    private final MappedFileQueue files;
    private final CommitLogConfig config;
    private final QueueOffsetTable queueOffsets;
    private final Clock clock;
    private final ReentrantLock putLock = new ReentrantLock();
    private final ThreadLocal<ByteBuffer> encodeBuffers =
            ThreadLocal.withInitial(() -> ByteBuffer.allocate(INITIAL_BUFFER_BYTES));
    private long lastStoreTimestamp;

    public CommitLog(Path dir, CommitLogConfig config, QueueOffsetTable queueOffsets, Clock clock) {
        this.files = new MappedFileQueue(dir, config.segmentSizeBytes());
        this.config = config;
        this.queueOffsets = queueOffsets;
        this.clock = clock;
    }

    public MappedFileQueue files() {
        return files;
    }

    public CommitLogConfig config() {
        return config;
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
     * @throws IOException if a new segment cannot be created; nothing is written then
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
            segment.append(encoded);
            return new AppendResult(physicalOffset, size, queueOffset, storeTimestamp, offsets);
        } finally {
            putLock.unlock();
        }
    }

    private MappedFile segmentWithRoom(int size) throws IOException {
        MappedFile segment = files.segmentForAppend(0);
        if (segment.remainingBytes() < size + MessageCodec.BLANK_RECORD_MIN_BYTES) {
            ByteBuffer blank = ByteBuffer.allocate(MessageCodec.BLANK_RECORD_MIN_BYTES);
            MessageCodec.encodeBlank(blank, segment.remainingBytes());
            blank.flip();
            long nextStart = segment.fileFromOffset() + segment.fileSize();
            MappedFile next = files.roll(nextStart);
            segment.append(blank);
            segment.truncateToFull();
            return next;
        }
        return segment;
    }

    private long nextStoreTimestamp() {
        long now = clock.millis();
        if (now < lastStoreTimestamp) {
            now = lastStoreTimestamp;
        }
        lastStoreTimestamp = now;
        return now;
    }

    private ByteBuffer encode(List<MessageInput> messages) {
        int total = 0;
        byte[][] topics = new byte[messages.size()][];
        byte[][] properties = new byte[messages.size()][];
        int[] sysFlags = new int[messages.size()];
        for (int i = 0; i < messages.size(); i++) {
            MessageInput m = messages.get(i);
            topics[i] = m.topic().getBytes(StandardCharsets.UTF_8);
            properties[i] = (m.properties() + RecordCrc.RESERVED_ENTRY).getBytes(StandardCharsets.UTF_8);
            sysFlags[i] = MessageCodec.effectiveSysFlag(m);
            total += MessageCodec.recordSize(sysFlags[i], m.body().length, topics[i].length, properties[i].length);
        }
        ByteBuffer buffer = encodeBuffers.get();
        if (buffer.capacity() < total) {
            buffer = ByteBuffer.allocate(Math.max(total, buffer.capacity() * 2));
            encodeBuffers.set(buffer);
        }
        buffer.clear();
        for (int i = 0; i < messages.size(); i++) {
            MessageCodec.encode(messages.get(i), topics[i], properties[i], sysFlags[i], buffer);
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

    /** The whole record at {@code physicalOffset}, or null if there is no message there. */
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

    /** Cuts the log at {@code offset}; used by recovery only. */
    public void truncateTo(long offset) {
        files.truncateTo(offset);
    }

    public void shutdown() {
        files.shutdown();
    }
}
