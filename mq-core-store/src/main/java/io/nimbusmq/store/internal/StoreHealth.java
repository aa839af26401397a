package io.nimbusmq.store.internal;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the store accepts writes, and if not, why. Reads never depend on it.
 *
 * <p>Three independent causes, each with its own way back:
 * <ul>
 * <li><b>disk full</b>: usage above the configured ratio; the retention service sets and clears it as usage moves;</li>
 * <li><b>write fault</b>: a segment could not be reserved, or a write into a mapped page failed; the write was
 * rolled back, and the allocate service lifts the fault once it has reserved space again (no restart);</li>
 * <li><b>flush failure</b>: forcing the commit log failed. The kernel may have dropped the pages it could not
 * write, and a later force can succeed without them, so this sticks until the store restarts and validates.</li>
 * </ul>
 *
 * <p>It also remembers the {@link #faultFloor() lowest commit log offset} a write fault or flush failure of this run
 * may have touched: the checkpoint never claims more than that, and the next start validates from there.
 */
public final class StoreHealth {

    private static final Logger log = LoggerFactory.getLogger(StoreHealth.class);
    /** {@link #faultFloor()} when nothing failed. */
    public static final long NO_FAULT = Long.MAX_VALUE;

    private volatile String diskFullReason;
    private volatile String writeFaultReason;
    private volatile String flushFailureReason;
    private final AtomicLong faultFloor = new AtomicLong(NO_FAULT);

    public boolean isWritable() {
        return diskFullReason == null && writeFaultReason == null && flushFailureReason == null;
    }

    /** Why writes are refused, or null when they are accepted. */
    public String notWritableReason() {
        String flush = flushFailureReason;
        if (flush != null) {
            return flush;
        }
        String write = writeFaultReason;
        return write != null ? write : diskFullReason;
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

    /**
     * A write failed or a segment could not be reserved at commit log offset {@code physicalOffset}; the write was
     * rolled back. Logged once until {@link #clearWriteFault}.
     */
    public synchronized void markWriteFault(String reason, long physicalOffset) {
        if (writeFaultReason == null) {
            log.error("Store no longer writable: {}", reason);
            writeFaultReason = reason;
        }
        faultFloor.accumulateAndGet(physicalOffset, Math::min);
    }

    public boolean hasWriteFault() {
        return writeFaultReason != null;
    }

    /** Space is reserved again: lifts a write fault. */
    public synchronized void clearWriteFault(String how) {
        if (writeFaultReason != null) {
            log.info("Store writable again: {}", how);
            writeFaultReason = null;
        }
    }

    /** Forcing the commit log failed; everything after {@code flushedOffset} may be lost. Sticks until restart. */
    public synchronized void markFlushFailure(String reason, long flushedOffset) {
        if (flushFailureReason == null) {
            log.error("Store no longer writable until it restarts and validates the commit log: {}", reason);
            flushFailureReason = reason;
        }
        faultFloor.accumulateAndGet(flushedOffset, Math::min);
    }

    /** The lowest commit log offset a failure of this run may have touched, or {@link #NO_FAULT}. */
    public long faultFloor() {
        return faultFloor.get();
    }
}
