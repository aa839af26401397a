package io.nimbusmq.store.dispatch;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.RecordCheck;
import io.nimbusmq.store.commitlog.DamagedRanges;
import io.nimbusmq.store.commitlog.RecordResync;
import io.nimbusmq.store.file.MappedFile;
import io.nimbusmq.store.file.MappedFileQueue;
import io.nimbusmq.store.file.MappedSlice;
import io.nimbusmq.store.internal.ServiceThread;

/**
 * Reads the commit log behind the writers and feeds every new message to the {@link CommitLogDispatcher}s.
 *
 * <p><b>Threads.</b> The dispatch thread owns {@link #dispatchedOffset()} and is the only thread that calls the
 * dispatchers (so consume queues and the index have a single writer). Writers wake it after each append; it also
 * polls every 20 ms. Recovery calls {@link #dispatchUntil(long)} on its own thread before the service starts.
 *
 * <p><b>Damage.</b> Bytes below a segment's write position never change, so a record there that cannot be read is
 * damage, not a write in progress. The dispatcher never waits on it: it passes over the {@link DamagedRanges known
 * damaged ranges}, and on an unreadable record it finds the next valid one ({@link RecordResync}), records the range
 * in between (logged once) and goes on, so every other record and topic keeps flowing. A dispatcher that throws (a
 * consume queue that cannot get a new segment on a full disk) stops the round before that message; the next round
 * retries it, and {@link ServiceThread} logs the failure once.
 */
public final class ReputService extends ServiceThread {

    private final MappedFileQueue commitLog;
    private final DamagedRanges damaged;
    private final List<CommitLogDispatcher> dispatchers = new CopyOnWriteArrayList<>();
    /** Owned by the thread that dispatches (recovery's, then the service's: never both at once). */
    private final RecordScanner scanner = new RecordScanner();
    private volatile long dispatchedOffset;

    public ReputService(MappedFileQueue commitLog) {
        this(commitLog, new DamagedRanges());
    }

    public ReputService(MappedFileQueue commitLog, DamagedRanges damaged) {
        this.commitLog = commitLog;
        this.damaged = damaged;
    }

    public void addDispatcher(CommitLogDispatcher dispatcher) {
        dispatchers.add(dispatcher);
    }

    /** Offset up to which every message has been handed to every dispatcher. */
    public long dispatchedOffset() {
        return dispatchedOffset;
    }

    public void setDispatchedOffset(long offset) {
        this.dispatchedOffset = offset;
    }

    /** Messages written but not yet dispatched, in bytes. */
    public long behindBytes() {
        return Math.max(0, commitLog.maxOffset() - dispatchedOffset);
    }

    @Override
    protected String serviceName() {
        return "store-reput";
    }

    @Override
    protected void runOnce() {
        dispatchUntil(commitLog.maxOffset());
    }

    @Override
    protected long waitIntervalMillis() {
        return 20;
    }

    @Override
    protected void onShutdown() {
        runOnce();
    }

    /** Dispatches every message that starts before {@code endOffset}. */
    public void dispatchUntil(long endOffset) {
        if (dispatchedOffset < commitLog.minOffset()) {
            dispatchedOffset = commitLog.minOffset();
        }
        while (dispatchedOffset < endOffset) {
            DamagedRanges.Range known = damaged.rangeAt(dispatchedOffset);
            if (known != null) {
                dispatchedOffset = known.endOffset();
                continue;
            }
            MappedFile segment = commitLog.segmentFor(dispatchedOffset);
            if (segment == null) {
                return;
            }
            int start = (int) (dispatchedOffset - segment.fileFromOffset());
            int written = segment.writePosition();
            if (written <= start) {
                if (segment.isFull()) {
                    dispatchedOffset = segment.fileFromOffset() + segment.fileSize();
                    continue;
                }
                return;
            }
            MappedSlice slice = segment.slice(start, written - start);
            if (slice == null) {
                return;
            }
            try {
                dispatchSlice(slice, segment);
            } finally {
                slice.release();
            }
        }
    }

    /** Dispatches the records of the slice; stops early at a known damaged range, which the caller passes over. */
    private void dispatchSlice(MappedSlice slice, MappedFile segment) {
        ByteBuffer buf = slice.buffer();
        int position = 0;
        while (position < buf.limit()) {
            if (position > 0 && damaged.rangeAt(slice.physicalOffset() + position) != null) {
                return;
            }
            int size = buf.limit() - position >= 8 ? buf.getInt(position) : 0;
            int magic = buf.limit() - position >= 8 ? buf.getInt(position + 4) : 0;
            if (magic == MessageCodec.BLANK_MAGIC && size == buf.limit() - position && segment.isFull()) {
                dispatchedOffset = segment.fileFromOffset() + segment.fileSize();
                return;
            }
            if ((magic != MessageCodec.MAGIC_V1 && magic != MessageCodec.MAGIC_V2) || size <= 0
                    || position + size > buf.limit()) {
                position = passOverDamage(slice, position);
                dispatchedOffset = slice.physicalOffset() + position;
                continue;
            }
            DispatchRequest request = scanner.scan(buf, position);
            for (CommitLogDispatcher dispatcher : dispatchers) {
                dispatcher.dispatch(request);
            }
            position += size;
            dispatchedOffset = slice.physicalOffset() + position;
        }
    }

    /** Records the damaged range that starts at {@code position}; returns where the next valid record starts. */
    private int passOverDamage(MappedSlice slice, int position) {
        ByteBuffer buf = slice.buffer();
        long offset = slice.physicalOffset() + position;
        RecordCheck check = MessageCodec.check(buf, position, buf.limit(), offset);
        int next = RecordResync.nextRecord(buf, position + 1, buf.limit(), slice.physicalOffset(), Integer.MAX_VALUE);
        int end = next < 0 ? buf.limit() : next;
        String reason = check.kind() == RecordCheck.Kind.CORRUPT ? check.reason()
                : "no record where one should start (" + check.kind() + ")";
        damaged.add(new DamagedRanges.Range(offset, slice.physicalOffset() + end,
                RecordResync.lostRecords(buf, position, end, slice.physicalOffset()), reason), "dispatch");
        return end;
    }
}
