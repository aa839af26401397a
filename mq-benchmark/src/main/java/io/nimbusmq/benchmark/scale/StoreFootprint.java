package io.nimbusmq.benchmark.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Disk blocks the store really holds ({@code du -s -B1}, so sparse, not yet written parts of preallocated files do not
 * count), by part: the commit log, the consume queues, the index, and everything (checkpoint, offsets, configs).
 */
public record StoreFootprint(long commitLogBytes, long consumeQueueBytes, long indexBytes, long totalBytes) {

    /** Measures the store under {@code storeDir}: the parts are the directories named as the store names them. */
    public static StoreFootprint measure(Path storeDir) {
        return new StoreFootprint(diskUse(find(storeDir, "commitlog")), diskUse(find(storeDir, "consumequeue")),
                diskUse(find(storeDir, "index")), diskUse(storeDir));
    }

    private static Path find(Path root, String name) {
        try (Stream<Path> walk = Files.walk(root, 3)) {
            return walk.filter(p -> Files.isDirectory(p) && p.getFileName().toString().equals(name)).findFirst()
                    .orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot walk " + root, e);
        }
    }

    /** {@code du -s -B1 dir}, 0 for a missing directory. */
    static long diskUse(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return 0;
        }
        try {
            Process du = new ProcessBuilder("du", "-s", "-B1", dir.toString()).redirectErrorStream(true).start();
            String out = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!du.waitFor(120, TimeUnit.SECONDS) || du.exitValue() != 0) {
                throw new IllegalStateException("du " + dir + " failed: " + out);
            }
            return parseDu(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run du on " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The byte count of {@code du -s -B1}'s "BYTES\tPATH" line. */
    static long parseDu(String output) {
        return Long.parseLong(output.trim().split("\\s+")[0]);
    }
}
