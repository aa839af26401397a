package io.nimbusmq.store.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ordered set of equally sized segments that make up one log: the commit log, or one consume queue.
 *
 * <p>Segments are contiguous: segment {@code i} starts at {@code first + i * segmentSize}. Only the last segment is
 * written to. The set is copy-on-write, so readers find a segment without locking while the writer rolls new ones
 * and the retention service removes old ones.
 *
 * <p><b>Space.</b> Every segment is created with its blocks reserved by the {@link SegmentAllocator}, so that a full
 * disk shows as a failed {@link #roll}, never as a failed write into a mapped page. The commit log's next segment is
 * reserved ahead of its writer ({@link #preallocate}, as {@code <name>.alloc}) and renamed into place by the roll. A
 * preallocation {@linkplain #announcePreallocation announced} before it runs makes a roll to that segment wait for it
 * instead of reserving the segment a second time.
 */
public final class MappedFileQueue implements ForceableLog {

    private static final Logger log = LoggerFactory.getLogger(MappedFileQueue.class);

    private final Path dir;
    private final int segmentSizeBytes;
    private final SegmentAllocator allocator;
    private final CopyOnWriteArrayList<MappedFile> files = new CopyOnWriteArrayList<>();
    /** Serialises the creation of segment files: a roll waits for a preallocation of the same file. */
    private final Object allocationLock = new Object();
    private final List<Long> restored = new ArrayList<>();
    /** Written by the rolling thread only (the commit log's: under its put lock). */
    private volatile long rollNanos;
    private volatile int inlineReservations;
    /** Set by {@link #stopPreallocating()}: a preallocation running gives up, later ones do nothing. */
    private volatile boolean preallocationStopped;
    /** See {@link #announcePreallocation}; null when none is announced. */
    private volatile Announced announced;

    private record Announced(long fromOffset, CompletableFuture<Void> done) {
    }

    public MappedFileQueue(Path dir, int segmentSizeBytes) {
        this(dir, segmentSizeBytes, SegmentAllocator.standard());
    }

    public MappedFileQueue(Path dir, int segmentSizeBytes, SegmentAllocator allocator) {
        this.dir = dir;
        this.segmentSizeBytes = segmentSizeBytes;
        this.allocator = allocator;
    }

    public SegmentAllocator allocator() {
        return allocator;
    }

    public Path dir() {
        return dir;
    }

    public int segmentSizeBytes() {
        return segmentSizeBytes;
    }

    /**
     * Maps every segment found in the directory. Write positions start at the end of each file; recovery moves the
     * last ones back to where valid data ends. Leftover preallocated files are deleted: a crash may have cut them
     * short.
     *
     * <p>A segment shorter than the segment size (cut by a crash or a bad copy) is restored to its size with zeros,
     * logged, and listed in {@link #restoredSegments()}: its valid records are kept and recovery reports what was lost.
     * Names that do not follow each other, or a file longer than the segment size, are refused before any file is
     * touched: the segment size may have been changed.
     */
    public void load() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> listing = Files.list(dir)) {
            List<Path> all = listing.toList();
            for (Path path : all) {
                if (StoreFileNames.isPreallocatedName(path.getFileName().toString())) {
                    Files.delete(path);
                }
            }
            paths = all.stream().filter(p -> StoreFileNames.isSegmentName(p.getFileName().toString()))
                    .sorted()
                    .toList();
        }
        checkLayout(paths);
        for (Path path : paths) {
            long size = Files.size(path);
            if (size < segmentSizeBytes) {
                restore(path, size);
            }
            MappedFile file = MappedFile.open(path, segmentSizeBytes);
            file.truncateToLoadedEnd();
            files.add(file);
        }
    }

    private void checkLayout(List<Path> paths) throws IOException {
        long expected = -1;
        for (Path path : paths) {
            long from = StoreFileNames.parseSegmentOffset(path.getFileName().toString());
            if (expected >= 0 && from != expected || Files.size(path) > segmentSizeBytes) {
                throw new IOException("segment " + path + " (" + Files.size(path) + " bytes) does not fit segments of "
                        + segmentSizeBytes + " bytes" + (expected >= 0 ? " following each other (expected offset "
                        + expected + ")" : "") + "; was the segment size changed? It applies to new stores only");
            }
            expected = from + segmentSizeBytes;
        }
    }

    private void restore(Path path, long size) throws IOException {
        log.warn("Segment {} has {} bytes instead of {} (cut by a crash or a bad copy): restoring its size with "
                + "zeros; the data in its last {} bytes is lost, recovery keeps its valid records", path, size,
                segmentSizeBytes, segmentSizeBytes - size);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            SegmentReservation.reserve(channel, path, size, segmentSizeBytes, allocator);
        }
        restored.add(StoreFileNames.parseSegmentOffset(path.getFileName().toString()));
    }

    /** Where the segments that {@link #load()} found cut short start, oldest first. */
    public List<Long> restoredSegments() {
        return List.copyOf(restored);
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    /** A snapshot of the segments, oldest first. */
    public List<MappedFile> segments() {
        return List.copyOf(files);
    }

    public MappedFile firstSegment() {
        List<MappedFile> snapshot = files;
        return snapshot.isEmpty() ? null : safeGet(0);
    }

    public MappedFile lastSegment() {
        while (true) {
            int size = files.size();
            if (size == 0) {
                return null;
            }
            MappedFile file = safeGet(size - 1);
            if (file != null) {
                return file;
            }
        }
    }

    private MappedFile safeGet(int index) {
        try {
            return files.get(index);
        } catch (IndexOutOfBoundsException e) {
            return null;
        }
    }

    /**
     * The segment to append to: the last one if it has room, or a new one that starts where the last ends (at
     * {@code startOffsetIfEmpty} for an empty log).
     */
    public MappedFile segmentForAppend(long startOffsetIfEmpty) throws IOException {
        MappedFile last = lastSegment();
        if (last != null && !last.isFull()) {
            return last;
        }
        long from = last == null ? startOffsetIfEmpty - startOffsetIfEmpty % segmentSizeBytes
                : last.fileFromOffset() + segmentSizeBytes;
        return roll(from);
    }

    /**
     * Appends a new segment starting at {@code fromOffset}: the preallocated one if {@link #preallocate} made it,
     * else one created and reserved now.
     *
     * @throws InsufficientDiskSpaceException if the disk cannot hold the segment; the log is unchanged
     */
    public MappedFile roll(long fromOffset) throws IOException {
        Path path = dir.resolve(StoreFileNames.segmentName(fromOffset));
        MappedFile file;
        long started = System.nanoTime();
        Announced pending = announced;
        if (pending != null && pending.fromOffset() == fromOffset) {
            pending.done().join();
        }
        synchronized (allocationLock) {
            Path ready = StoreFileNames.preallocatedFileFor(path);
            if (Files.exists(ready) && Files.size(ready) == segmentSizeBytes) {
                Files.move(ready, path, StandardCopyOption.ATOMIC_MOVE);
                file = MappedFile.open(path, segmentSizeBytes);
            } else {
                file = MappedFile.create(path, segmentSizeBytes, allocator);
                inlineReservations++;
            }
        }
        rollNanos += System.nanoTime() - started;
        files.add(file);
        return file;
    }

    /** Time spent in {@link #roll} since this queue was opened, waiting for a reservation included. */
    public long rollNanos() {
        return rollNanos;
    }

    /** Rolls that found no preallocated segment and reserved one themselves. */
    public int inlineReservations() {
        return inlineReservations;
    }

    /**
     * Says that {@link #preallocate} will be called for the segment at {@code fromOffset} on another thread: until
     * that call ends (or {@link #shutdown}), a {@link #roll} to the segment waits for it instead of reserving the
     * segment itself. The store announces its first segment when it starts, and reserves it in the background.
     */
    public void announcePreallocation(long fromOffset) {
        announced = new Announced(fromOffset, new CompletableFuture<>());
    }

    /**
     * Creates the segment that will start at {@code fromOffset}, with its blocks reserved, as a preallocated file
     * that the roll to it renames into place. Does nothing if it exists. Ends an {@link #announcePreallocation
     * announcement} of that segment, whether it succeeds or not.
     *
     * @return whether it created the file (false: it was there already, or {@link #stopPreallocating()} was called)
     * @throws InsufficientDiskSpaceException if the disk cannot hold it; no file is left behind
     */
    public boolean preallocate(long fromOffset) throws IOException {
        Path ready = StoreFileNames.preallocatedFileFor(dir.resolve(StoreFileNames.segmentName(fromOffset)));
        try {
            synchronized (allocationLock) {
                if (Files.exists(ready) && Files.size(ready) == segmentSizeBytes) {
                    return false;
                }
                return !preallocationStopped && SegmentReservation.createFile(ready, segmentSizeBytes, allocator,
                        () -> preallocationStopped);
            }
        } finally {
            endAnnouncement(fromOffset);
        }
    }

    private void endAnnouncement(long fromOffset) {
        Announced pending = announced;
        if (pending != null && (fromOffset < 0 || pending.fromOffset() == fromOffset)) {
            announced = null;
            pending.done().complete(null);
        }
    }

    /**
     * Makes a {@link #preallocate} that is running give up soon (between two chunks of its reservation; its file is
     * deleted) and later ones do nothing: a store that stops does not wait for a whole segment to be zero-filled.
     */
    public void stopPreallocating() {
        preallocationStopped = true;
    }

    /** Offset at which the next segment will start. */
    public long nextSegmentOffset() {
        MappedFile last = lastSegment();
        return last == null ? 0 : last.fileFromOffset() + segmentSizeBytes;
    }

    /** The segment that holds {@code offset}, or {@code null}. */
    public MappedFile segmentFor(long offset) {
        MappedFile first = firstSegment();
        if (first == null || offset < first.fileFromOffset()) {
            return null;
        }
        int index = (int) ((offset - first.fileFromOffset()) / segmentSizeBytes);
        MappedFile candidate = safeGet(index);
        if (candidate != null && offset >= candidate.fileFromOffset()
                && offset < candidate.fileFromOffset() + segmentSizeBytes) {
            return candidate;
        }
        for (MappedFile file : files) {
            if (offset >= file.fileFromOffset() && offset < file.fileFromOffset() + segmentSizeBytes) {
                return file;
            }
        }
        return null;
    }

    /** Offset of the first byte still stored. */
    public long minOffset() {
        MappedFile first = firstSegment();
        return first == null ? 0 : first.fileFromOffset();
    }

    /** Offset just past the last written byte. */
    @Override
    public long maxOffset() {
        MappedFile last = lastSegment();
        return last == null ? 0 : last.fileFromOffset() + last.writePosition();
    }

    /**
     * Offset up to which every byte is forced to disk. The oldest segment with unforced bytes decides, not the last
     * one: a segment gets its last bytes (the blank record) after the next one is rolled, so a new, empty last
     * segment does not mean that everything before it is on disk.
     */
    @Override
    public long flushedOffset() {
        long flushed = minOffset();
        for (MappedFile file : files) {
            int flushedPosition = file.flushedPosition();
            flushed = file.fileFromOffset() + flushedPosition;
            if (flushedPosition < file.writePosition()) {
                break;
            }
        }
        return flushed;
    }

    /**
     * Forces every segment that has unflushed bytes, oldest first, and returns the flushed offset. Full segments are
     * forced completely before the next one, so the flushed offset never jumps over unforced bytes.
     */
    @Override
    public long flush() {
        for (MappedFile file : files) {
            if (file.flushedPosition() < file.writePosition()) {
                file.flush();
            }
        }
        return flushedOffset();
    }

    /**
     * Cuts the log at {@code offset}: later segments are deleted and the segment holding the offset is truncated.
     */
    public void truncateTo(long offset) {
        truncateTo(offset, false);
    }

    /**
     * Cuts the log at {@code offset}, zeroing the rest of the segment that holds it if {@code zeroRestOfSegment}
     * (else stale bytes only up to the first 1 MiB of zeros): after a torn write, no byte of an earlier life of the
     * segment may be left for a later recovery to find.
     */
    public void truncateTo(long offset, boolean zeroRestOfSegment) {
        List<MappedFile> removed = new ArrayList<>();
        for (MappedFile file : files) {
            long end = file.fileFromOffset() + segmentSizeBytes;
            if (offset >= end) {
                continue;
            }
            if (offset <= file.fileFromOffset() && !(offset == file.fileFromOffset() && file == firstSegment())) {
                removed.add(file);
            } else {
                file.truncateTo((int) (offset - file.fileFromOffset()), zeroRestOfSegment);
            }
        }
        if (!removed.isEmpty()) {
            files.removeAll(removed);
            removed.forEach(f -> f.shutdown(true));
            log.info("Truncated {} at {}: removed {} segment(s)", dir, offset, removed.size());
        }
    }

    /**
     * Deletes segments from the head of the log while {@code deletable} accepts them, never the last one. Returns the
     * number of segments deleted; a reader still holding one keeps it mapped until it lets go.
     */
    public int deleteHead(Predicate<MappedFile> deletable, int maxSegments) {
        List<MappedFile> removed = new ArrayList<>();
        List<MappedFile> snapshot = segments();
        for (int i = 0; i < snapshot.size() - 1 && removed.size() < maxSegments; i++) {
            MappedFile file = snapshot.get(i);
            if (!deletable.test(file)) {
                break;
            }
            removed.add(file);
        }
        if (!removed.isEmpty()) {
            files.removeAll(removed);
            removed.forEach(f -> f.shutdown(true));
        }
        return removed.size();
    }

    /** Deletes every segment and the directory if it ends up empty. */
    public void destroy() {
        deletePreallocated();
        List<MappedFile> all = segments();
        files.clear();
        all.forEach(f -> f.shutdown(true));
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            log.debug("Directory {} not removed", dir, e);
        }
    }

    private void deletePreallocated() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> listing = Files.list(dir)) {
            for (Path path : listing.filter(p -> StoreFileNames.isPreallocatedName(p.getFileName().toString()))
                    .toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.debug("Preallocated files of {} not removed", dir, e);
        }
    }

    /** Unmaps every segment without deleting anything. */
    public void shutdown() {
        endAnnouncement(-1);
        List<MappedFile> all = segments();
        files.clear();
        all.forEach(f -> f.shutdown(false));
    }
}
