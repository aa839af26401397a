package io.nimbusmq.store;

import io.nimbusmq.store.file.SegmentAllocator;
import io.nimbusmq.store.flush.FlushMode;
import io.nimbusmq.store.index.IndexFile;

/**
 * Which {@link SegmentAllocator} reserves the files of each log of a store.
 *
 * <p><b>The rule.</b> Files of at most {@value #ZERO_FILL_MAX_BYTES} bytes are zero-filled, so that a store of such
 * files (the embedded broker's: 64 MiB segments, 9 MiB index files, 5.7 MiB consume queue files) never binds the C
 * library: binding it costs about 100 ms of a cold JVM, and the embedded broker's first start went from 390 to 489 ms
 * (AppCDS, median of 7) when its segments were fallocated. The price is append throughput: zero-filled pages are
 * dirty before the writer gets there and write-back carries every byte twice (store benchmark, 1 KiB, one writer,
 * 64 MiB segments: 81k appends/s zero-filled, 148k fallocated). Larger files get {@code fallocate}: zero-filling
 * 1 GiB segments cut appends from 376k to 75k/s. Under SYNC_FLUSH the commit log is zero-filled whatever its size:
 * at a synchronous writer's data rate the zeros usually reach the disk before the writer does, and each force then
 * writes data into written blocks, where into fallocated (unwritten) extents every force also commits their
 * conversion to the journal (16 writers, 1 GiB segments: 8.1-8.9k appends/s zero-filled, 6.0-8.0k fallocated).
 * All figures from the reference VM (ext4), docs/operations-faults.md.
 *
 * @param commitLog     for the commit log's segments
 * @param consumeQueues for every consume queue's files
 * @param index         for the index files
 */
record SegmentAllocators(SegmentAllocator commitLog, SegmentAllocator consumeQueues, SegmentAllocator index) {

    /** The largest file that is zero-filled rather than fallocated. */
    static final long ZERO_FILL_MAX_BYTES = 64L * 1024 * 1024;

    /** The same allocator for every log (tests that run out of space). */
    static SegmentAllocators all(SegmentAllocator allocator) {
        return new SegmentAllocators(allocator, allocator, allocator);
    }

    /** The rule above, for the file sizes and flush mode of {@code config}. */
    static SegmentAllocators forConfig(StoreConfig config) {
        SegmentAllocator commitLog = config.flush().mode() == FlushMode.SYNC_FLUSH ? SegmentAllocator.zeroFill()
                : forFileSize(config.commitLog().segmentSizeBytes());
        return new SegmentAllocators(commitLog, forFileSize(config.consumeQueue().segmentSizeBytes()),
                forFileSize(IndexFile.fileSize(config.index().hashSlotsPerFile(), config.index().maxEntriesPerFile())));
    }

    static SegmentAllocator forFileSize(long fileBytes) {
        return fileBytes <= ZERO_FILL_MAX_BYTES ? SegmentAllocator.zeroFill() : SegmentAllocator.standard();
    }
}
