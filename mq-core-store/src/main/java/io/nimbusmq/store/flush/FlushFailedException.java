package io.nimbusmq.store.flush;

import java.io.IOException;

/**
 * Forcing the commit log to disk failed, or the forced bytes did not read back intact: the bytes after
 * {@link #flushedOffset()} are not known to be on disk, and the puts that wrote them are not acknowledged.
 */
public final class FlushFailedException extends IOException {

    private final long flushedOffset;

    public FlushFailedException(String message, long flushedOffset, Throwable cause) {
        super(message, cause);
        this.flushedOffset = flushedOffset;
    }

    /** Every byte before it was forced before the failure. */
    public long flushedOffset() {
        return flushedOffset;
    }
}
