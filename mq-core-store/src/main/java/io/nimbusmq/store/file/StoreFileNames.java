package io.nimbusmq.store.file;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Every directory, file name and suffix of the store, in one place.
 *
 * <pre>
 * {root}/
 *   lock                         held (FileLock) while a store is open on the directory
 *   abort                        exists while the store runs; left behind by an unclean stop
 *   checkpoint                   {@link io.nimbusmq.store.recovery.StoreCheckpoint}
 *   commitlog/00000000000000000000, 00000000001073741824, ...     commit log segments
 *   commitlog/00000000002147483648.alloc                          the next segment, reserved ahead of the writer
 *   consumequeue/{topic}/{queueId}/00000000000000000000, ...     consume queue segments
 *   index/00000000000000000000, ...                               index files, numbered in creation order
 * </pre>
 *
 * Segment files are named by the 20-digit, zero-padded offset of their first byte (commit log), of their first
 * entry's byte position (consume queue) or by a sequence number (index), so that the name order is the data order.
 */
public final class StoreFileNames {

    public static final String LOCK_FILE = "lock";
    public static final String ABORT_FILE = "abort";
    public static final String CHECKPOINT_FILE = "checkpoint";
    public static final String TEMP_SUFFIX = ".tmp";
    /** A segment file whose blocks are reserved but which is not part of its log yet. */
    public static final String PREALLOCATED_SUFFIX = ".alloc";
    public static final String COMMIT_LOG_DIR = "commitlog";
    public static final String CONSUME_QUEUE_DIR = "consumequeue";
    public static final String INDEX_DIR = "index";

    private static final Pattern SEGMENT_NAME = Pattern.compile("\\d{20}");

    private StoreFileNames() {
    }

    /** The 20-digit name of a segment that starts at {@code offset}. */
    public static String segmentName(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("segment offset must not be negative: " + offset);
        }
        return String.format("%020d", offset);
    }

    public static boolean isSegmentName(String name) {
        return SEGMENT_NAME.matcher(name).matches();
    }

    /** The offset encoded in a segment name; throws if the name is not one. */
    public static long parseSegmentOffset(String name) {
        if (!isSegmentName(name)) {
            throw new IllegalArgumentException("not a segment file name: " + name);
        }
        return Long.parseLong(name);
    }

    public static Path commitLogDir(Path root) {
        return root.resolve(COMMIT_LOG_DIR);
    }

    public static Path consumeQueueRoot(Path root) {
        return root.resolve(CONSUME_QUEUE_DIR);
    }

    public static Path consumeQueueDir(Path root, String topic, int queueId) {
        return consumeQueueRoot(root).resolve(topic).resolve(Integer.toString(queueId));
    }

    public static Path indexDir(Path root) {
        return root.resolve(INDEX_DIR);
    }

    public static Path checkpointFile(Path root) {
        return root.resolve(CHECKPOINT_FILE);
    }

    public static Path abortFile(Path root) {
        return root.resolve(ABORT_FILE);
    }

    public static Path lockFile(Path root) {
        return root.resolve(LOCK_FILE);
    }

    public static Path tempFileFor(Path file) {
        return file.resolveSibling(file.getFileName() + TEMP_SUFFIX);
    }

    /** Where the segment {@code segment} waits, reserved, until its log rolls to it. */
    public static Path preallocatedFileFor(Path segment) {
        return segment.resolveSibling(segment.getFileName() + PREALLOCATED_SUFFIX);
    }

    public static boolean isPreallocatedName(String name) {
        return name.endsWith(PREALLOCATED_SUFFIX)
                && isSegmentName(name.substring(0, name.length() - PREALLOCATED_SUFFIX.length()));
    }
}
