package io.nimbusmq.store.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.BooleanSupplier;

/** Creating segment files with their blocks reserved, and telling a full disk from other failures. */
final class SegmentReservation {

    /** How much {@link #createFile(Path, int, SegmentAllocator, BooleanSupplier)} reserves between two checks. */
    static final int CHUNK_BYTES = 16 * 1024 * 1024;

    private SegmentReservation() {
    }

    /**
     * Creates the file {@code path} with {@code fileSize} reserved zero bytes, without mapping it. A file already
     * there is overwritten. A disk without room for the file fails at once, before anything is written.
     */
    static void createFile(Path path, int fileSize, SegmentAllocator allocator) throws IOException {
        createFile(path, fileSize, allocator, () -> false);
    }

    /**
     * Like {@link #createFile(Path, int, SegmentAllocator)}, reserving {@value #CHUNK_BYTES} bytes at a time and
     * giving up between two chunks once {@code cancelled} says so: the file is then deleted.
     *
     * @return false if it gave up
     * @throws InsufficientDiskSpaceException if the disk cannot hold it; no file is left behind
     */
    static boolean createFile(Path path, int fileSize, SegmentAllocator allocator, BooleanSupplier cancelled)
            throws IOException {
        Path dir = path.getParent();
        Files.createDirectories(dir);
        long usable = Files.getFileStore(dir).getUsableSpace();
        if (usable < fileSize) {
            throw new InsufficientDiskSpaceException("not enough disk space for segment " + path + ": " + usable
                    + " bytes usable, " + fileSize + " needed");
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long from = 0; from < fileSize; from += CHUNK_BYTES) {
                if (cancelled.getAsBoolean()) {
                    channel.close();
                    Files.deleteIfExists(path);
                    return false;
                }
                allocator.reserve(channel, path, from, Math.min(fileSize, from + CHUNK_BYTES));
            }
            return true;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path);
            throw failed(path, fileSize, e);
        }
    }

    /** Reserves [{@code from}, {@code to}) of an open file, which must hold no data there. */
    static void reserve(FileChannel channel, Path path, long from, long to, SegmentAllocator allocator)
            throws IOException {
        try {
            allocator.reserve(channel, path, from, to);
        } catch (IOException | RuntimeException e) {
            throw failed(path, to - from, e);
        }
    }

    private static IOException failed(Path path, long bytes, Exception e) {
        String message = "cannot reserve " + bytes + " bytes for segment " + path + ": " + e.getMessage();
        return isOutOfSpace(e, path) ? new InsufficientDiskSpaceException(message, e) : new IOException(message, e);
    }

    /** ENOSPC and EDQUOT, as the JDK words them on Linux, or a file system that is out of space anyway. */
    private static boolean isOutOfSpace(Exception e, Path path) {
        String text = String.valueOf(e.getMessage());
        if (text.contains("No space left") || text.contains("Disk quota exceeded")) {
            return true;
        }
        try {
            return Files.getFileStore(path.getParent()).getUsableSpace() == 0;
        } catch (IOException notKnown) {
            return false;
        }
    }
}
