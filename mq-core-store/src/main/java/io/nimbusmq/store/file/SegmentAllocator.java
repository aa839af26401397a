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
 * <p>{@link #zeroFill()} is the production allocator. Tests substitute one that runs out of space.
 */
@FunctionalInterface
public interface SegmentAllocator {

    /**
     * Makes the file system allocate the bytes [{@code from}, {@code to}) of the file open on {@code channel},
     * extending the file if it is shorter. The range must hold no data: it is overwritten with zeros.
     *
     * @param path the file's path, for messages
     * @throws IOException if the blocks cannot be allocated; the range may then be partly written
     */
    void reserve(FileChannel channel, Path path, long from, long to) throws IOException;

    /**
     * Writes zeros through the channel, 1 MiB at a time. ext4 and xfs reserve (delayed allocation) or allocate the
     * blocks of every write at once and answer ENOSPC there; tmpfs allocates the pages. No force is needed for that,
     * and without one the zeros are usually never written to disk: the writer's data replaces them in the page cache.
     */
    static SegmentAllocator zeroFill() {
        return ZeroFillAllocator.INSTANCE;
    }
}
