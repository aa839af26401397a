package io.nimbusmq.store.file;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.LongSupplier;

import io.nimbusmq.store.internal.ServiceThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unmaps commit log segments nobody has read for a while, so that their pages stop counting in the broker's resident
 * memory (they stay in the page cache and are mapped again on the next read).
 *
 * <p>A segment qualifies when it is not the last one (the active segment and its prefault window stay mapped), is
 * full, flushed completely, dispatched completely, has not been read for {@code idleMillis}, and no reader holds a
 * slice of it ({@link MappedFile#unmapIfUnused()} checks the reference count atomically).
 */
public final class IdleSegmentUnmapper extends ServiceThread {

    private static final Logger log = LoggerFactory.getLogger(IdleSegmentUnmapper.class);
    private static final long MAX_INTERVAL_MILLIS = 1000;

    private final MappedFileQueue files;
    private final LongSupplier dispatchedOffset;
    private final long idleMillis;
    private final Clock clock;
    /** When each segment was last seen accessed; owned by the one thread that calls {@link #unmapIdle()}. */
    private final Map<MappedFile, Long> lastAccessMillis = new WeakHashMap<>();
    private long unmapped;

    public IdleSegmentUnmapper(MappedFileQueue files, LongSupplier dispatchedOffset, long idleMillis, Clock clock) {
        if (idleMillis <= 0) {
            throw new IllegalArgumentException("idleMillis must be positive: " + idleMillis);
        }
        this.files = files;
        this.dispatchedOffset = dispatchedOffset;
        this.idleMillis = idleMillis;
        this.clock = clock;
    }

    @Override
    protected String serviceName() {
        return "store-unmap-idle";
    }

    @Override
    protected long waitIntervalMillis() {
        return Math.max(1, Math.min(MAX_INTERVAL_MILLIS, idleMillis / 4));
    }

    @Override
    protected void runOnce() {
        unmapIdle();
    }

    /** One pass over the segments; returns how many it unmapped. */
    public synchronized int unmapIdle() {
        List<MappedFile> segments = files.segments();
        long now = clock.millis();
        long dispatched = dispatchedOffset.getAsLong();
        int count = 0;
        for (int i = 0; i < segments.size() - 1; i++) {
            MappedFile file = segments.get(i);
            if (file.takeAccessed() || !lastAccessMillis.containsKey(file)) {
                lastAccessMillis.put(file, now);
                continue;
            }
            if (!file.isMapped() || now - lastAccessMillis.get(file) < idleMillis) {
                continue;
            }
            boolean settled = file.isFull() && file.flushedPosition() >= file.fileSize()
                    && file.fileFromOffset() + file.fileSize() <= dispatched;
            if (settled && file.unmapIfUnused()) {
                count++;
            }
        }
        if (count > 0) {
            unmapped += count;
            log.debug("Unmapped {} idle segment(s) of {}", count, files.dir());
        }
        return count;
    }

    /** Segments unmapped since start. */
    public synchronized long unmappedCount() {
        return unmapped;
    }
}
