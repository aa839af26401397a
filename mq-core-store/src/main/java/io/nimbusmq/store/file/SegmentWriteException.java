package io.nimbusmq.store.file;

import java.io.IOException;

/**
 * A write into a mapped segment failed: the page could not be backed (an {@link InternalError} from the fault, on a
 * sparse or shrunk file) or the file could not be mapped. The segment's write position did not move.
 */
public final class SegmentWriteException extends IOException {

    private final long physicalOffset;

    public SegmentWriteException(String message, long physicalOffset, Throwable cause) {
        super(message, cause);
        this.physicalOffset = physicalOffset;
    }

    /** The offset in its log where the failed write started. */
    public long physicalOffset() {
        return physicalOffset;
    }
}
