package io.nimbusmq.store.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.nimbusmq.store.internal.BufferCleaner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fixed-size segment file, mapped into memory.
 *
 * <p><b>Threads.</b> One writer at a time appends (the owner serialises writers); readers may read any byte below
 * {@link #writePosition()} from any thread. {@link #flush()} may run on another thread than the writer.
 *
 * <p><b>Lifetime.</b> The file starts with one reference, owned by its {@link MappedFileQueue}. Every reader
 * {@link #retain() retains} it for as long as it holds a {@link MappedSlice}. {@link #shutdown(boolean)} drops the
 * owner's reference; the mapping is released, and the file deleted if asked, only when the last reader lets go. A
 * file is therefore never unmapped under a reader.
 *
 * <p><b>Idle unmapping.</b> {@link #unmapIfUnused()} releases the mapping (and so its resident pages) of a segment
 * that nobody but the owner references; it is mapped again on the next access. It swaps the reference count from 1
 * (the owner alone) to {@link #UNMAPPING} under the monitor, so a concurrent {@link #retain()} waits for it and then
 * finds the file unmapped, and a reader holding a {@link MappedSlice} makes the swap fail.
 */
public final class MappedFile {

    private static final Logger log = LoggerFactory.getLogger(MappedFile.class);
    /** Reference count while {@link #unmapIfUnused()} holds the file: no reader may retain it then. */
    private static final long UNMAPPING = Long.MIN_VALUE / 2;

    private final Path path;
    private final long fileFromOffset;
    private final int fileSize;
    private final FileChannel channel;
    /** Null while unmapped; every access goes through {@link #mapping()}. */
    private volatile MappedByteBuffer mapped;
    private volatile ByteBuffer writeView;
    /** Set by reads, cleared by the idle unmapper when it samples the file. */
    private volatile boolean accessed = true;
    private final AtomicInteger writePosition = new AtomicInteger();
    private final AtomicInteger flushedPosition = new AtomicInteger();
    private final AtomicLong references = new AtomicLong(1);
    private volatile boolean available = true;
    private volatile boolean deleteWhenReleased;

    private MappedFile(Path path, long fileFromOffset, int fileSize, FileChannel channel, MappedByteBuffer mapped) {
        this.path = path;
        this.fileFromOffset = fileFromOffset;
        this.fileSize = fileSize;
        this.channel = channel;
        this.mapped = mapped;
        this.writeView = mapped.duplicate();
    }

    /** Maps the existing segment at {@code path}, which must have exactly {@code fileSize} bytes. */
    public static MappedFile open(Path path, int fileSize) throws IOException {
        long fromOffset = StoreFileNames.parseSegmentOffset(path.getFileName().toString());
        if (Files.size(path) != fileSize) {
            throw new IOException("segment " + path + " has " + Files.size(path) + " bytes, expected " + fileSize);
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, fileSize);
            return new MappedFile(path, fromOffset, fileSize, channel, mapped);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Creates the segment at {@code path} with all of its {@code fileSize} bytes reserved (see
     * {@link SegmentAllocator}) and maps it.
     *
     * @throws InsufficientDiskSpaceException if the disk cannot hold the segment; no file is left behind
     */
    public static MappedFile create(Path path, int fileSize, SegmentAllocator allocator) throws IOException {
        SegmentReservation.createFile(path, fileSize, allocator);
        return open(path, fileSize);
    }

    /** Reserves the bytes from {@code position} to the end of the file, which must hold no data. */
    public void reserveFrom(int position, SegmentAllocator allocator) throws IOException {
        SegmentReservation.reserve(channel, path, position, fileSize, allocator);
    }

    public Path path() {
        return path;
    }

    public long fileFromOffset() {
        return fileFromOffset;
    }

    public int fileSize() {
        return fileSize;
    }

    public int writePosition() {
        return writePosition.get();
    }

    public int flushedPosition() {
        return flushedPosition.get();
    }

    public int remainingBytes() {
        return fileSize - writePosition.get();
    }

    public boolean isFull() {
        return writePosition.get() >= fileSize;
    }

    public boolean isAvailable() {
        return available;
    }

    public long lastModifiedMillis() {
        return path.toFile().lastModified();
    }

    /**
     * Appends the remaining bytes of {@code src} at the write position. The caller guarantees that they fit and that
     * no other thread appends at the same time.
     *
     * @throws SegmentWriteException if the segment cannot be mapped again after an idle unmap, or the copy faults and
     *         the JVM reports it right away; the write position does not move. HotSpot usually reports a fault on a
     *         mapped page late, elsewhere in the thread: reserving every block before use is what prevents it, and
     *         {@link io.nimbusmq.store.commitlog.ReadBackCheck} what catches it before SYNC_FLUSH acknowledges.
     */
    public void append(ByteBuffer src) throws SegmentWriteException {
        append(src, false);
    }

    /**
     * Appends the blank record that closes the segment and marks it full in one step, so that no reader or flusher
     * ever sees a write position inside the blank record.
     */
    public void appendClosing(ByteBuffer blank) throws SegmentWriteException {
        append(blank, true);
    }

    private void append(ByteBuffer src, boolean closing) throws SegmentWriteException {
        int position = writePosition.get();
        int length = src.remaining();
        if (length > fileSize - position) {
            throw new IllegalStateException("append of " + length + " bytes overflows " + path + " at " + position);
        }
        try {
            mapping();
            ByteBuffer view = writeView;
            view.limit(position + length).position(position);
            view.put(src);
        } catch (InternalError | UncheckedIOException e) {
            throw new SegmentWriteException("write of " + length + " bytes to " + path + " at " + position
                    + " failed: " + e.getMessage(), fileFromOffset + position, e);
        }
        writePosition.set(closing ? fileSize : position + length);
    }

    /** Forces the bytes written since the last flush to disk and returns the new flushed position. */
    public synchronized int flush() {
        int target = writePosition.get();
        int flushed = flushedPosition.get();
        if (target > flushed && retain()) {
            try {
                mapping().force(flushed, target - flushed);
                flushedPosition.set(target);
            } finally {
                release();
            }
        }
        return flushedPosition.get();
    }

    /**
     * Returns a retained slice of {@code sizeBytes} bytes at {@code position}, or {@code null} if the file is being
     * shut down or the range is not written yet.
     */
    public MappedSlice slice(int position, int sizeBytes) {
        if (position < 0 || sizeBytes < 0 || position + sizeBytes > writePosition.get()) {
            return null;
        }
        if (!retain()) {
            return null;
        }
        if (!accessed) {
            accessed = true;
        }
        ByteBuffer view = mapping().slice(position, sizeBytes).asReadOnlyBuffer();
        return new MappedSlice(this, fileFromOffset + position, view);
    }

    /**
     * Reads the file from {@code position} into {@code dst} through the channel, not through the mapping: a page the
     * mapping could not write reads back as whatever the file holds (zeros, or nothing past its end). The caller
     * holds a reference.
     *
     * @return the bytes read; fewer than {@code dst} had room for only at the end of the file
     */
    public int read(ByteBuffer dst, int position) throws IOException {
        int total = 0;
        while (dst.hasRemaining()) {
            int read = channel.read(dst, (long) position + total);
            if (read < 0) {
                break;
            }
            total += read;
        }
        return total;
    }

    /**
     * A read-only view of the whole file, including bytes past the write position. Only for recovery and tests,
     * which run before the file is shared.
     */
    public ByteBuffer wholeFileView() {
        return mapping().duplicate().asReadOnlyBuffer().clear();
    }

    /** After loading an existing file: everything counts as written and flushed until recovery says otherwise. */
    void truncateToLoadedEnd() {
        writePosition.set(fileSize);
        flushedPosition.set(fileSize);
    }

    /**
     * A writable view of the whole file, for structures written at random positions by a single writer (the index).
     * Use it only while the owner keeps the file.
     */
    public ByteBuffer randomAccessView() {
        return mapping().duplicate().clear();
    }

    /** Forces the whole mapping, for files written through {@link #randomAccessView()}. */
    public synchronized void forceAll() {
        if (retain()) {
            try {
                mapping().force();
            } finally {
                release();
            }
        }
    }

    /**
     * Moves the write and flush positions to {@code position} (recovery), zeroing stale bytes after it so that no old
     * record can ever be read back as valid data.
     */
    public void truncateTo(int position) {
        truncateTo(position, false);
    }

    /** {@link #truncateTo(int)}, zeroing every stale byte to the end of the file if {@code zeroToEnd}. */
    public void truncateTo(int position, boolean zeroToEnd) {
        if (position < 0 || position > fileSize) {
            throw new IllegalArgumentException("truncate position " + position + " outside " + path);
        }
        zeroStaleBytes(position, zeroToEnd ? Integer.MAX_VALUE : 16);
        writePosition.set(position);
        flushedPosition.set(Math.min(flushedPosition.get(), position));
    }

    /** Zeroes the 64 KiB chunks after {@code from} that hold anything, until {@code maxCleanChunks} in a row are clean. */
    private void zeroStaleBytes(int from, int maxCleanChunks) {
        final int chunk = 64 * 1024;
        MappedByteBuffer map = mapping();
        int cleanChunks = 0;
        byte[] zeros = new byte[chunk];
        for (int pos = from; pos < fileSize && cleanChunks < maxCleanChunks; pos += chunk) {
            int length = Math.min(chunk, fileSize - pos);
            boolean clean = true;
            for (int i = pos; i < pos + length; i++) {
                if (map.get(i) != 0) {
                    clean = false;
                    break;
                }
            }
            if (clean) {
                cleanChunks++;
            } else {
                cleanChunks = 0;
                map.put(pos, zeros, 0, length);
            }
        }
        map.force();
    }

    /** Takes a reader reference; fails once the file is shut down. */
    public boolean retain() {
        while (true) {
            long current = references.get();
            if (current == UNMAPPING) {
                awaitUnmapped();
                continue;
            }
            if (!available || current <= 0) {
                return false;
            }
            if (references.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    /** The unmapper holds the monitor while the count is {@link #UNMAPPING}; waiting for the monitor waits for it. */
    private void awaitUnmapped() {
        synchronized (this) {
            Thread.onSpinWait();
        }
    }

    /** The current mapping, mapping the file again if it was unmapped while idle. */
    MappedByteBuffer mapping() {
        MappedByteBuffer current = mapped;
        return current != null ? current : remap();
    }

    private synchronized MappedByteBuffer remap() {
        MappedByteBuffer current = mapped;
        if (current == null) {
            try {
                current = channel.map(FileChannel.MapMode.READ_WRITE, 0, fileSize);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot map " + path + " again", e);
            }
            writeView = current.duplicate();
            mapped = current;
            log.debug("Mapped idle segment {} again", path);
        }
        return current;
    }

    public boolean isMapped() {
        return mapped != null;
    }

    /** Returns whether a read touched the file since the last call, and clears the mark. */
    public boolean takeAccessed() {
        if (!accessed) {
            return false;
        }
        accessed = false;
        return true;
    }

    /**
     * Unmaps the file if it is mapped, still owned and referenced by nobody else, releasing its resident pages. The
     * next access maps it again. Returns whether it unmapped. The caller decides that nothing writes to it any more.
     */
    public synchronized boolean unmapIfUnused() {
        MappedByteBuffer current = mapped;
        if (current == null || !available || !BufferCleaner.isAvailable()) {
            return false;
        }
        if (!references.compareAndSet(1, UNMAPPING)) {
            return false;
        }
        try {
            mapped = null;
            writeView = null;
            BufferCleaner.clean(current);
        } finally {
            references.set(1);
        }
        return true;
    }

    public void release() {
        long left = references.decrementAndGet();
        if (left == 0) {
            cleanup();
        } else if (left < 0) {
            log.error("MappedFile {} released more often than retained", path);
        }
    }

    /** Number of references held, the owner's included. */
    public long referenceCount() {
        return references.get();
    }

    /**
     * Drops the owner's reference. The mapping is released (and the file deleted when {@code deleteFile}) as soon as
     * no reader holds it; until then readers keep working on it.
     */
    public synchronized void shutdown(boolean deleteFile) {
        if (!available) {
            return;
        }
        deleteWhenReleased = deleteFile;
        available = false;
        release();
    }

    private void cleanup() {
        MappedByteBuffer current = mapped;
        mapped = null;
        writeView = null;
        BufferCleaner.clean(current);
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("Failed to close {}", path, e);
        }
        if (deleteWhenReleased) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                log.warn("Failed to delete {}", path, e);
            }
        }
    }

    @Override
    public String toString() {
        return "MappedFile[" + path + ", write=" + writePosition.get() + "]";
    }
}
