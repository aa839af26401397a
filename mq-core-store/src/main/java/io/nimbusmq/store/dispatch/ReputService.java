package io.nimbusmq.store.dispatch;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.RecordCheck;
import io.nimbusmq.store.file.MappedFile;
import io.nimbusmq.store.file.MappedFileQueue;
import io.nimbusmq.store.file.MappedSlice;
import io.nimbusmq.store.internal.ServiceThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the commit log behind the writers and feeds every new message to the {@link CommitLogDispatcher}s.
 *
 * <p><b>Threads.</b> The dispatch thread owns {@link #dispatchedOffset()} and is the only thread that calls the
 * dispatchers (so consume queues and the index have a single writer). Writers wake it after each append; it also
 * polls every 20 ms. Recovery calls {@link #dispatchUntil(long)} on its own thread before the service starts.
 */
public final class ReputService extends ServiceThread {

    private static final Logger log = LoggerFactory.getLogger(ReputService.class);

    private final MappedFileQueue commitLog;
    private final List<CommitLogDispatcher> dispatchers = new CopyOnWriteArrayList<>();
    private volatile long dispatchedOffset;

    public ReputService(MappedFileQueue commitLog) {
        this.commitLog = commitLog;
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
                if (!dispatchSlice(slice, segment)) {
                    return;
                }
            } finally {
                slice.release();
            }
        }
    }

    /** Returns false when it stopped before the end of the slice (an unreadable record). */
    private boolean dispatchSlice(MappedSlice slice, MappedFile segment) {
        ByteBuffer buf = slice.buffer();
        int position = 0;
        while (position < buf.limit()) {
            int size = buf.getInt(position);
            int magic = buf.getInt(position + 4);
            if (magic == MessageCodec.BLANK_MAGIC) {
                dispatchedOffset = segment.fileFromOffset() + segment.fileSize();
                return true;
            }
            if ((magic != MessageCodec.MAGIC_V1 && magic != MessageCodec.MAGIC_V2) || size <= 0
                    || position + size > buf.limit()) {
                RecordCheck check = MessageCodec.check(buf, position, buf.limit(), slice.physicalOffset() + position);
                log.error("Cannot dispatch the commit log at {}: {}", slice.physicalOffset() + position, check);
                return false;
            }
            DispatchRequest request = DispatchRequest.of(MessageCodec.decodeMeta(buf, position));
            for (CommitLogDispatcher dispatcher : dispatchers) {
                dispatcher.dispatch(request);
            }
            position += size;
            dispatchedOffset = slice.physicalOffset() + position;
        }
        return true;
    }
}
