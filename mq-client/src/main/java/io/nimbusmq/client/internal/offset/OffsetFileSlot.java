package io.nimbusmq.client.internal.offset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The directory of one BROADCASTING consumer's offset file, claimed for as long as the consumer lives:
 * {@code <groupDir>/<name>}, or {@code <name>-2}, {@code <name>-3}, ... when a live consumer of this JVM or of
 * another process holds it. A restarted consumer claims the same directory again and finds its offsets; concurrent
 * consumers of one group on one machine never share a file.
 *
 * <p>The claim is an exclusive lock on {@code <slot>/.lock} (released by {@link #close()} or when the process dies),
 * plus a set of the slots this JVM holds: the JVM's file locks cannot tell its own channels apart, and closing a
 * second channel on a locked file may release the first one's lock.
 */
public final class OffsetFileSlot implements AutoCloseable {

    private static final int MAX_SLOTS = 1_000;
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final FileChannel channel;
    private final FileLock lock;

    private OffsetFileSlot(Path directory, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Claims the first free slot of {@code name} under {@code groupDir}.
     *
     * @param name a stable name (not a process id), made safe for file names here
     */
    public static OffsetFileSlot claim(Path groupDir, String name) {
        String base = safe(name);
        for (int slot = 1; slot <= MAX_SLOTS; slot++) {
            Path directory = groupDir.resolve(slot == 1 ? base : base + "-" + slot).toAbsolutePath().normalize();
            if (!HELD_IN_THIS_JVM.add(directory)) {
                continue;
            }
            OffsetFileSlot claimed = tryLock(directory);
            if (claimed != null) {
                return claimed;
            }
            HELD_IN_THIS_JVM.remove(directory);
        }
        throw new IllegalStateException("no free offset directory for " + name + " under " + groupDir + " ("
                + MAX_SLOTS + " taken)");
    }

    private static OffsetFileSlot tryLock(Path directory) {
        FileChannel channel = null;
        try {
            Files.createDirectories(directory);
            channel = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new OffsetFileSlot(directory, channel, lock);
            }
            channel.close(); // another process holds it
            return null;
        } catch (IOException e) {
            closeQuietly(channel);
            HELD_IN_THIS_JVM.remove(directory);
            throw new UncheckedIOException("cannot claim the offset directory " + directory, e);
        }
    }

    /** {@code <slot>/offsets.json}. */
    public Path offsetFile() {
        return directory.resolve("offsets.json");
    }

    public Path directory() {
        return directory;
    }

    /** Releases the slot for the next consumer (a restart). */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // the channel's close releases it anyway
        } finally {
            closeQuietly(channel);
            HELD_IN_THIS_JVM.remove(directory);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }

    /** Letters, digits and {@code . _ - @} are kept; anything else becomes {@code _}. */
    static String safe(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._@-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }
}
