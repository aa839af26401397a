package io.nimbusmq.store.retention;

/**
 * Retention settings.
 *
 * @param fileReservedMillis segments older than this are deleted (RocketMQ: 72 hours)
 * @param diskMaxUsedRatio above this disk usage the oldest segments are deleted whatever their age (RocketMQ: 0.75)
 * @param diskFullRatio above this disk usage the store stops accepting writes until space is freed
 * @param checkIntervalMillis how often retention runs
 * @param maxSegmentsDeletedPerRun bound on the work of one run
 */
public record RetentionConfig(long fileReservedMillis, double diskMaxUsedRatio, double diskFullRatio,
        long checkIntervalMillis, int maxSegmentsDeletedPerRun) {

    public static final long DEFAULT_RESERVED_MILLIS = 72L * 60 * 60 * 1000;

    public RetentionConfig {
        if (fileReservedMillis <= 0) {
            throw new IllegalArgumentException("fileReservedMillis must be positive: " + fileReservedMillis);
        }
        if (!(diskMaxUsedRatio > 0 && diskMaxUsedRatio < 1)) {
            throw new IllegalArgumentException("diskMaxUsedRatio must be in (0, 1): " + diskMaxUsedRatio);
        }
        if (!(diskFullRatio > diskMaxUsedRatio && diskFullRatio <= 1)) {
            throw new IllegalArgumentException("diskFullRatio must be in (diskMaxUsedRatio, 1]: " + diskFullRatio);
        }
        if (checkIntervalMillis <= 0 || maxSegmentsDeletedPerRun <= 0) {
            throw new IllegalArgumentException("checkIntervalMillis and maxSegmentsDeletedPerRun must be positive");
        }
    }

    public static RetentionConfig defaults() {
        return new RetentionConfig(DEFAULT_RESERVED_MILLIS, 0.75, 0.95, 10_000, 10);
    }

    public RetentionConfig withFileReservedMillis(long value) {
        return new RetentionConfig(value, diskMaxUsedRatio, diskFullRatio, checkIntervalMillis,
                maxSegmentsDeletedPerRun);
    }
}
