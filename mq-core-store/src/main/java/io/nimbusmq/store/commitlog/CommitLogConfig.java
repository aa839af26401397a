package io.nimbusmq.store.commitlog;

import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.RecordCrc;

/**
 * Commit log settings.
 *
 * @param segmentSizeBytes size of each segment file; 1 GiB in production, small for embedded use and tests
 * @param maxMessageSizeBytes largest accepted body (a batch counts as one body); RocketMQ's default is 4 MiB
 * @param maxPropertiesSizeBytes largest accepted property string; at most {@link #MAX_PROPERTIES_SIZE}: the on-disk
 *        length field allows 32767 bytes, of which the record's CRC entry ({@link RecordCrc}) takes 20
 * @param unmapIdleMillis a full, flushed, dispatched segment nobody read for this long is unmapped, releasing its
 *        resident pages, and mapped again on the next read; 0 keeps every segment mapped
 */
public record CommitLogConfig(int segmentSizeBytes, int maxMessageSizeBytes, int maxPropertiesSizeBytes,
        long unmapIdleMillis) {

    /** Idle time after which a settled segment is unmapped, by default. */
    public static final long DEFAULT_UNMAP_IDLE_MILLIS = 15_000;

    public static final int DEFAULT_MAX_MESSAGE_SIZE = 4 * 1024 * 1024;
    public static final int MAX_PROPERTIES_SIZE = MessageCodec.MAX_PROPERTIES_BYTES - RecordCrc.ENTRY_BYTES;
    private static final int MIN_SEGMENT_SIZE = 4096;

    public CommitLogConfig {
        if (segmentSizeBytes < MIN_SEGMENT_SIZE) {
            throw new IllegalArgumentException("segmentSizeBytes must be at least " + MIN_SEGMENT_SIZE + ": "
                    + segmentSizeBytes);
        }
        if (maxMessageSizeBytes <= 0) {
            throw new IllegalArgumentException("maxMessageSizeBytes must be positive: " + maxMessageSizeBytes);
        }
        if (maxPropertiesSizeBytes <= 0 || maxPropertiesSizeBytes > MAX_PROPERTIES_SIZE) {
            throw new IllegalArgumentException("maxPropertiesSizeBytes must be in 1.." + MAX_PROPERTIES_SIZE + ": "
                    + maxPropertiesSizeBytes);
        }
        if (unmapIdleMillis < 0) {
            throw new IllegalArgumentException("unmapIdleMillis must not be negative: " + unmapIdleMillis);
        }
    }

    public CommitLogConfig(int segmentSizeBytes, int maxMessageSizeBytes, int maxPropertiesSizeBytes) {
        this(segmentSizeBytes, maxMessageSizeBytes, maxPropertiesSizeBytes, DEFAULT_UNMAP_IDLE_MILLIS);
    }

    /** 64 MiB segments: small enough for a laptop or a test, large enough for real traffic. */
    public static CommitLogConfig embedded() {
        return new CommitLogConfig(64 * 1024 * 1024, DEFAULT_MAX_MESSAGE_SIZE, MAX_PROPERTIES_SIZE);
    }

    /** RocketMQ's production layout: 1 GiB segments. */
    public static CommitLogConfig production() {
        return new CommitLogConfig(1024 * 1024 * 1024, DEFAULT_MAX_MESSAGE_SIZE, MAX_PROPERTIES_SIZE);
    }

    public CommitLogConfig withSegmentSizeBytes(int value) {
        return new CommitLogConfig(value, maxMessageSizeBytes, maxPropertiesSizeBytes, unmapIdleMillis);
    }

    public CommitLogConfig withMaxMessageSizeBytes(int value) {
        return new CommitLogConfig(segmentSizeBytes, value, maxPropertiesSizeBytes, unmapIdleMillis);
    }

    /** 0 keeps every segment mapped. */
    public CommitLogConfig withUnmapIdleMillis(long value) {
        return new CommitLogConfig(segmentSizeBytes, maxMessageSizeBytes, maxPropertiesSizeBytes, value);
    }
}
