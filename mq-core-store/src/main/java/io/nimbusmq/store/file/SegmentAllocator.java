package io.nimbusmq.store.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Gives a segment file its disk blocks before anything is written to it.
 *
 * <p><b>Why.</b> Segments are written through a memory mapping. A sparse file (one whose length was merely set) gets
 * its blocks only when the kernel writes a dirty page back, so on a full disk a mapped write fails late and badly: the
 * writing thread gets an {@link InternalError} from a page fault, or the kernel drops a page that a put already
 * acknowledged. Reserving every block when the segment is created turns "disk full" into a clear failure that happens
 * before any message goes to the segment.
 *
 * <p>{@link #standard()} is the production allocator. Tests substitute one that runs out of space.
 */
@FunctionalInterface
public interface SegmentAllocator {

    /**
     * Makes the file system allocate the bytes [{@code from}, {@code to}) of the file open on {@code channel},
     * extending the file if it is shorter. The range must hold no data: it may be overwritten with zeros.
     *
     * @param path the file's path, for messages
     * @throws IOException if the blocks cannot be allocated; the range may then be partly written
     */
    void reserve(FileChannel channel, Path path, long from, long to) throws IOException;

    /**
     * Allocates the blocks with {@code posix_fallocate(3)} ({@link PosixFallocate}: 64-bit Linux, through JNA), and
     * writes zeros ({@link #zeroFill()}) where that is not available or the file system refuses it. Bytes already in
     * the range keep their values with the first and become zeros with the second.
     *
     * <p><b>Why not always zeros.</b> Zero-filled pages are dirty before the writer gets there, and write-back carries
     * every byte to the disk twice: the store benchmark appended 376k messages of 1 KiB per second into fallocated
     * 1 GiB segments and 75k into zero-filled ones (one writer, ASYNC_FLUSH, reference VM). Which files get which is
     * the store's choice ({@code SegmentAllocators}).
     */
    static SegmentAllocator standard() {
        return FallocateAllocator.INSTANCE;
    }

    /**
     * Writes zeros through the channel, 1 MiB at a time. ext4 and xfs reserve (delayed allocation) or allocate the
     * blocks of every write at once and answer ENOSPC there; tmpfs allocates the pages. No force is needed for that,
     * but the zeros are dirty pages that write-back may send to disk before the writer's data replaces them (see
     * {@link #standard()}).
     */
    static SegmentAllocator zeroFill() {
        return ZeroFillAllocator.INSTANCE;
    }
}
