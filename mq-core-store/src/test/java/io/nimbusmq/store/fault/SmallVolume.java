package io.nimbusmq.store.fault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

import io.nimbusmq.store.file.SegmentAllocator;

/**
 * A small file system for a store to fill. As root on Linux it is a real tmpfs mounted in a temporary directory
 * (unmounted by {@link #close()}), and {@link #fill()} writes a file until the kernel answers ENOSPC. Elsewhere (or if
 * the mount fails) the volume is simulated: the store's {@link #allocator()} draws on a byte budget, and
 * {@link #fill()} takes what is left of it, so a segment reservation fails exactly as on a full disk.
 */
final class SmallVolume implements AutoCloseable {

    private final Path root;
    private final boolean mounted;
    private final BudgetAllocator simulated;
    private long filledBytes;

    private SmallVolume(Path root, boolean mounted, BudgetAllocator simulated) {
        this.root = root;
        this.mounted = mounted;
        this.simulated = simulated;
    }

    static SmallVolume create(Path parent, long sizeBytes) throws IOException, InterruptedException {
        Path root = Files.createDirectories(parent.resolve("volume"));
        if (System.getProperty("os.name", "").toLowerCase().contains("linux")
                && run("mount", "-t", "tmpfs", "-o", "size=" + sizeBytes, "tmpfs", root.toString())) {
            return new SmallVolume(root, true, null);
        }
        return new SmallVolume(root, false, new BudgetAllocator(sizeBytes));
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }

    Path root() {
        return root;
    }

    /** Whether this is a real tmpfs; else reservations are simulated. */
    boolean isTmpfs() {
        return mounted;
    }

    SegmentAllocator allocator() {
        return mounted ? SegmentAllocator.standard() : simulated;
    }

    /** Another writer takes every byte left; returns how many it got. */
    long fill() throws IOException {
        if (!mounted) {
            filledBytes = simulated.takeAll();
            return filledBytes;
        }
        ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
        try (FileChannel channel = FileChannel.open(root.resolve("filler"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            while (true) {
                chunk.clear();
                filledBytes += channel.write(chunk);
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
        }
        return filledBytes;
    }

    /** The other writer deletes its file. */
    void free() throws IOException {
        if (mounted) {
            Files.deleteIfExists(root.resolve("filler"));
        } else {
            simulated.giveBack(filledBytes);
        }
        filledBytes = 0;
    }

    @Override
    public void close() throws Exception {
        if (mounted && !run("umount", root.toString())) {
            throw new IOException("cannot unmount " + root);
        }
    }

    /** Reserves from a byte budget, answering as Linux does when it runs out. */
    private static final class BudgetAllocator implements SegmentAllocator {

        private long budget;

        BudgetAllocator(long budget) {
            this.budget = budget;
        }

        @Override
        public void reserve(FileChannel channel, Path path, long from, long to) throws IOException {
            synchronized (this) {
                if (to - from > budget) {
                    throw new IOException("No space left on device");
                }
                budget -= to - from;
            }
            SegmentAllocator.zeroFill().reserve(channel, path, from, to);
        }

        synchronized long takeAll() {
            long taken = budget;
            budget = 0;
            return taken;
        }

        synchronized void giveBack(long bytes) {
            budget += bytes;
        }
    }
}
