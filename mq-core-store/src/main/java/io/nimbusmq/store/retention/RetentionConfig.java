package io.nimbusmq.store.retention;

/**
 * Retention settings.
 *
 * @param fileReservedMillis segments older than this are deleted (RocketMQ: 72 hours)
 * @param diskForceCleanRatio above this disk usage the oldest segment is deleted every round whatever its age
 *        (RocketMQ's {@code diskSpaceCleanForciblyRatio}, 0.85). Below it only segments older than
 *        {@code fileReservedMillis} go: RocketMQ's {@code diskMaxUsedSpaceRatio} (0.75) only lets its broker delete
 *        expired files outside its daily deletion hour, and this store deletes expired segments at any hour.
 * @param diskFullRatio above this disk usage the store stops accepting writes until space is freed
 * @param checkIntervalMillis how often retention runs
 * @param maxSegmentsDeletedPerRun bound on the work of one run
 */
public record RetentionConfig(long fileReservedMillis, double diskForceCleanRatio, double diskFullRatio,
        long checkIntervalMillis, int maxSegmentsDeletedPerRun) {

    public static final long DEFAULT_RESERVED_MILLIS = 72L * 60 * 60 * 1000;

    public RetentionConfig {
        if (fileReservedMillis <= 0) {
            throw new IllegalArgumentException("fileReservedMillis must be positive: " + fileReservedMillis);
        }
        if (!(diskForceCleanRatio > 0 && diskForceCleanRatio < 1)) {
            throw new IllegalArgumentException("diskForceCleanRatio must be in (0, 1): " + diskForceCleanRatio);
        }
        if (!(diskFullRatio > diskForceCleanRatio && diskFullRatio <= 1)) {
            throw new IllegalArgumentException("diskFullRatio must be in (diskForceCleanRatio, 1]: " + diskFullRatio);
        }
        if (checkIntervalMillis <= 0 || maxSegmentsDeletedPerRun <= 0) {
            throw new IllegalArgumentException("checkIntervalMillis and maxSegmentsDeletedPerRun must be positive");
        }
    }

    public static RetentionConfig defaults() {
        return new RetentionConfig(DEFAULT_RESERVED_MILLIS, 0.85, 0.95, 10_000, 10);
    }

    public RetentionConfig withFileReservedMillis(long value) {
        return new RetentionConfig(value, diskForceCleanRatio, diskFullRatio, checkIntervalMillis,
                maxSegmentsDeletedPerRun);
    }
}
