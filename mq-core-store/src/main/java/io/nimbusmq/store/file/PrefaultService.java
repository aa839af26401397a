package io.nimbusmq.store.file;

import java.nio.MappedByteBuffer;

import io.nimbusmq.store.internal.ServiceThread;

/**
 * Touches the pages of the last segment of a log ahead of its writer, so that the page faults of fresh pages happen on
 * this thread instead of on the put path.
 *
 * <p><b>Why.</b> The first write to a page of a new, sparse segment faults, and the kernel allocates a page-cache page
 * and zero-fills it before the write goes on. Done by the appender, inside the put lock, that costs more than the
 * append itself: on the 2-core reference machine the store benchmark found about three quarters of a single ASYNC
 * writer's time there (see BENCHMARKS.md). This thread reads one byte of every page up to {@code aheadBytes} past the
 * write position; the kernel then allocates and zero-fills the pages here, and the writer only dirties resident pages.
 *
 * <p><b>Safety.</b> It only reads, never writes, and it reads a segment only while it holds a reference on it (see
 * {@link MappedFile#retain()}), so it changes nothing the store writes or reads and never touches an unmapped file.
 * A segment rolled while the writer is ahead is picked up on the next poll (every {@value #POLL_MILLIS} ms).
 */
public final class PrefaultService extends ServiceThread {

    /** How far ahead of the commit log's write position pages are kept resident. */
    public static final int DEFAULT_AHEAD_BYTES = 64 * 1024 * 1024;
    static final int POLL_MILLIS = 20;
    /** Bytes touched between two checks for shutdown, so that a stop never waits for a whole window. */
    private static final int CHUNK_BYTES = 1024 * 1024;
    /** The smallest page size of the platforms the store runs on; touching every such step touches every page. */
    private static final int PAGE_STEP = 4096;

    private final MappedFileQueue files;
    private final int aheadBytes;
    private MappedFile segment;
    private int touchedUpTo;
    /** Written by {@link #prefault} only so that its reads cannot be optimised away. */
    @SuppressWarnings("unused")
    private byte checksum;

    public PrefaultService(MappedFileQueue files, int aheadBytes) {
        if (aheadBytes <= 0) {
            throw new IllegalArgumentException("aheadBytes must be positive: " + aheadBytes);
        }
        this.files = files;
        this.aheadBytes = aheadBytes;
    }

    @Override
    protected String serviceName() {
        return "store-prefault";
    }

    @Override
    protected long waitIntervalMillis() {
        return POLL_MILLIS;
    }

    @Override
    protected void runOnce() {
        MappedFile last = files.lastSegment();
        if (last == null || !last.retain()) {
            return;
        }
        try {
            if (last != segment) {
                segment = last;
                touchedUpTo = 0;
            }
            while (!isStopped()) {
                int writePosition = last.writePosition();
                int from = Math.max(touchedUpTo, writePosition);
                int target = (int) Math.min(last.fileSize(), (long) writePosition + aheadBytes);
                if (from >= target) {
                    return;
                }
                touchedUpTo = prefault(last, from, Math.min(target, from + CHUNK_BYTES));
            }
        } finally {
            last.release();
        }
    }

    /**
     * Reads one byte of every page of {@code file} in [{@code from}, {@code to}) so that the pages are resident before
     * the writer gets there. Reads only; the caller holds a reference. Returns the end of the range.
     */
    private int prefault(MappedFile file, int from, int to) {
        int end = Math.min(to, file.fileSize());
        MappedByteBuffer map = file.mapping();
        byte sum = 0;
        for (int position = Math.max(0, from) & -PAGE_STEP; position < end; position += PAGE_STEP) {
            sum ^= map.get(position);
        }
        checksum = sum;
        return Math.max(from, end);
    }
}
