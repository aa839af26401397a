package io.nimbusmq.store.commitlog;

import java.io.IOException;

import io.nimbusmq.store.file.MappedFile;
import io.nimbusmq.store.file.MappedFileQueue;
import io.nimbusmq.store.internal.ServiceThread;
import io.nimbusmq.store.internal.StoreHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the commit log's next segment reserved ahead of the writer, and lifts a write fault once space is back.
 *
 * <p><b>Why a thread.</b> Reserving a segment writes all of its blocks (see
 * {@link io.nimbusmq.store.file.SegmentAllocator}); for a 1 GiB segment that takes long enough to stall every put if
 * the roll did it under the put lock. This thread creates the next segment as a preallocated file while the writer
 * fills the current one, and the roll only renames it (as Apache RocketMQ's {@code AllocateMappedFileService}
 * does). A roll that finds no preallocated file reserves inline.
 *
 * <p><b>Write faults.</b> While the store is in the write-fault state, each round asks the commit log to reserve the
 * rest of its active segment and the next one ({@link CommitLog#resumeAfterWriteFault()}); the first round that
 * succeeds makes the store writable again, without a restart.
 *
 * <p>Reserves the first segment of an empty commit log at once (the store announces it when it starts), and the next
 * segment once the writer passes {@link CommitLog#reserveNextAt()} in the current one: half a
 * segment, at most 64 MiB (a store that never gets there, a test's, never pays for it). The writer wakes this thread
 * when it crosses that point ({@link CommitLog#onReserveNext}), so the reservation gets all the rest of the segment's
 * time; it also polls every {@value #POLL_MILLIS} ms, for write faults and a wake-up that came while it was busy.
 * Starting at half a segment with {@value #POLL_MILLIS} ms polling, a fast writer (hundreds of MB/s) could reach the
 * roll while a 256 MiB reservation was still running, or before it began, and the roll then waited for it or reserved
 * inline, under the put lock. A preallocation that fails (a full disk) is logged once until one succeeds; the writer
 * still has the reserved rest of its segment.
 */
public final class AllocateSegmentService extends ServiceThread {

    private static final Logger log = LoggerFactory.getLogger(AllocateSegmentService.class);
    static final int POLL_MILLIS = 100;

    private final CommitLog commitLog;
    private final StoreHealth health;
    private boolean failing;

    public AllocateSegmentService(CommitLog commitLog, StoreHealth health) {
        this.commitLog = commitLog;
        this.health = health;
    }

    @Override
    protected String serviceName() {
        return "store-allocate";
    }

    @Override
    protected long waitIntervalMillis() {
        return POLL_MILLIS;
    }

    @Override
    protected void runOnce() {
        if (health.hasWriteFault()) {
            commitLog.resumeAfterWriteFault();
            return;
        }
        MappedFileQueue files = commitLog.files();
        MappedFile last = files.lastSegment();
        if (last != null && last.writePosition() < commitLog.reserveNextAt()) {
            return;
        }
        long next = files.nextSegmentOffset();
        try {
            long started = System.nanoTime();
            if (files.preallocate(next)) {
                log.debug("Reserved the commit log segment at {} ({} bytes) in {} ms", next, files.segmentSizeBytes(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            if (failing) {
                log.info("Commit log segment at {} reserved again", next);
                failing = false;
            }
        } catch (IOException e) {
            if (!failing) {
                log.warn("Cannot reserve the next commit log segment at {}: {}; the writer continues in the rest of "
                        + "its segment", next, e.getMessage());
                failing = true;
            }
        }
    }
}
