package io.nimbusmq.benchmark.scale;

import java.util.Locale;

/**
 * How much disk a run needs, estimated before it starts, and whether the volume has it without the store's retention
 * stepping in.
 *
 * <p>Per message: the commit log record ({@value #RECORD_FIXED_BYTES} bytes of fixed fields, the body, the topic and
 * the properties the official client sends with a batch: {@code KEYS}, {@code UNIQ_KEY} (32 hex digits) and
 * {@code WAIT}), a 20-byte consume queue entry, and two index entries ({@code KEYS} and {@code UNIQ_KEY}) of 20 bytes
 * plus a share of the hash slots (one 4-byte slot per four entries). On top: two commit log segments (the one being
 * written and the next, reserved ahead), one index file and one consume queue file per queue, and
 * {@value #MARGIN_PERCENT} % for what the estimate misses.
 *
 * <p>The store's retention ({@code RetentionConfig}) measures disk use as {@code 1 - usable / total} of the volume:
 * above {@value #FORCE_CLEAN_RATIO} it deletes the oldest segments whatever their age, above 0.95 it refuses writes.
 * The standalone launcher keeps those defaults, so a run is only allowed if the volume stays below
 * {@value #FORCE_CLEAN_RATIO} minus {@value #RATIO_MARGIN} once the estimate is written.
 */
public record DiskNeed(long messages, long bytesPerMessage, long fixedBytes) {

    static final int RECORD_FIXED_BYTES = 91;
    static final int CONSUME_QUEUE_ENTRY = 20;
    static final int INDEX_BYTES_PER_MESSAGE = 2 * 20 + 2;
    static final long SEGMENT_BYTES = 1L << 30;
    static final long INDEX_FILE_BYTES = 420_000_040L;
    static final long CONSUME_QUEUE_FILE_BYTES = 6_000_000L;
    static final int MARGIN_PERCENT = 5;
    static final double FORCE_CLEAN_RATIO = 0.85;
    static final double RATIO_MARGIN = 0.01;

    /** The need of {@code messages} messages of {@code bodySize} bytes on {@code topic} with {@code queues} queues. */
    public static DiskNeed estimate(long messages, int bodySize, String topic, int queues) {
        int keyBytes = ("k" + messages).length();
        int properties = ("KEYS\u0001\u0002").length() + keyBytes + ("UNIQ_KEY\u0001\u0002").length() + 56
                + ("WAIT\u0001true\u0002CLUSTER\u0001DefaultCluster\u0002MSG_REGION\u0001DefaultRegion\u0002"
                        + "TRACE_ON\u0001true\u0002__CRC32#\u0001\u0002").length() + 10;
        long record = RECORD_FIXED_BYTES + bodySize + topic.length() + properties;
        long perMessage = record + CONSUME_QUEUE_ENTRY + INDEX_BYTES_PER_MESSAGE;
        long fixed = 2 * SEGMENT_BYTES + INDEX_FILE_BYTES + queues * CONSUME_QUEUE_FILE_BYTES;
        return new DiskNeed(messages, perMessage, fixed);
    }

    public long totalBytes() {
        return (messages * bytesPerMessage + fixedBytes) * (100 + MARGIN_PERCENT) / 100;
    }

    /**
     * Null if a volume of {@code totalBytes} with {@code usableBytes} free can take the run, else why not.
     */
    public String refusal(long usableBytes, long volumeBytes) {
        long need = totalBytes();
        if (need > usableBytes) {
            return String.format(Locale.ROOT, "the run needs about %.1f GB (%,d messages at about %d bytes each plus "
                    + "%.1f GB of preallocated files and %d %%) but only %.1f GB are free", need / 1e9, messages,
                    bytesPerMessage, fixedBytes / 1e9, MARGIN_PERCENT, usableBytes / 1e9);
        }
        double ratioAfter = 1 - (usableBytes - need) / (double) volumeBytes;
        if (ratioAfter > FORCE_CLEAN_RATIO - RATIO_MARGIN) {
            long mustFree = (long) Math.ceil((ratioAfter - FORCE_CLEAN_RATIO + RATIO_MARGIN) * volumeBytes);
            return String.format(Locale.ROOT, "the run needs about %.1f GB, which would bring the volume to %.1f %% "
                    + "used (1 - usable/total): above %.0f %% the store's retention deletes the oldest segments "
                    + "whatever their age, so the figures would be wrong; free at least %.1f GB more, or lower "
                    + "scale.total", need / 1e9, ratioAfter * 100, FORCE_CLEAN_RATIO * 100, mustFree / 1e9);
        }
        return null;
    }
}
