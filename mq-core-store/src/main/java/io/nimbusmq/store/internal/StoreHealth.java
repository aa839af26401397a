package io.nimbusmq.store.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the store accepts writes, and if not, why. Reads never depend on it.
 *
 * <p>Two independent causes: a full disk, which the retention service sets and clears as usage moves, and an I/O
 * failure, which sticks until restart because the state of the failed write is unknown.
 */
public final class StoreHealth {

    private static final Logger log = LoggerFactory.getLogger(StoreHealth.class);

    private volatile String diskFullReason;
    private volatile String ioFailureReason;

    public boolean isWritable() {
        return diskFullReason == null && ioFailureReason == null;
    }

    /** Why writes are refused, or null when they are accepted. */
    public String notWritableReason() {
        String io = ioFailureReason;
        return io != null ? io : diskFullReason;
    }

    public void markDiskFull(String reason) {
        if (diskFullReason == null) {
            log.error("Store no longer writable: {}", reason);
        }
        diskFullReason = reason;
    }

    public void clearDiskFull() {
        if (diskFullReason != null) {
            log.info("Store writable again: disk usage is back under the limit");
        }
        diskFullReason = null;
    }

    public void markIoFailure(String reason) {
        if (ioFailureReason == null) {
            log.error("Store no longer writable: {}", reason);
            ioFailureReason = reason;
        }
    }
}
