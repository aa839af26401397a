package io.nimbusmq.store;

import io.nimbusmq.store.file.SegmentAllocator;
import io.nimbusmq.store.flush.FlushMode;
import io.nimbusmq.store.index.IndexFile;

/**
 * Which {@link SegmentAllocator} reserves the files of each log of a store.
 *
 * <p><b>The rule.</b> Files of at most {@value #ZERO_FILL_MAX_BYTES} bytes are zero-filled: that takes about 10 ms of
 * one core for 64 MiB, the pages land in the page cache where the writer needs them anyway, and a store of such
 * files (the embedded broker's) never binds the C library (about 100 ms of a cold JVM, see
 * {@link SegmentAllocator#standard()}). Larger files get {@code fallocate}: zero-filling a 1 GiB segment ahead of the
 * writer put every byte on the disk twice and cut the store's appends from 370k to 75k/s. Under SYNC_FLUSH the commit
 * log is zero-filled whatever its size: the zeros are written ahead at the writer's low data rate, usually reach the
 * disk before the writer gets there, and each force then writes data into written blocks; into fallocated (unwritten)
 * extents every force also commits the extent conversion to the journal (16 writers: 8.1-8.9k appends/s with zeros,
 * 6.0-8.0k with fallocate on the reference VM).
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
