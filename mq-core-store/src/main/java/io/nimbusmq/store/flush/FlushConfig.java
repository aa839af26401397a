package io.nimbusmq.store.flush;

import java.util.Objects;

/**
 * Flush settings.
 *
 * @param mode ASYNC_FLUSH or SYNC_FLUSH for the commit log
 * @param asyncFlushIntervalMillis how often ASYNC_FLUSH forces the commit log (RocketMQ: 500 ms)
 * @param syncFlushTimeoutMillis how long a SYNC_FLUSH put waits for its force before it reports FLUSH_DISK_TIMEOUT
 * @param checkpointIntervalMillis how often consume queues and the index are forced and the checkpoint is written
 */
public record FlushConfig(FlushMode mode, int asyncFlushIntervalMillis, long syncFlushTimeoutMillis,
        int checkpointIntervalMillis) {

    public FlushConfig {
        Objects.requireNonNull(mode, "mode");
        if (asyncFlushIntervalMillis <= 0) {
            throw new IllegalArgumentException("asyncFlushIntervalMillis must be positive: " + asyncFlushIntervalMillis);
        }
        if (syncFlushTimeoutMillis <= 0) {
            throw new IllegalArgumentException("syncFlushTimeoutMillis must be positive: " + syncFlushTimeoutMillis);
        }
        if (checkpointIntervalMillis <= 0) {
            throw new IllegalArgumentException("checkpointIntervalMillis must be positive: "
                    + checkpointIntervalMillis);
        }
    }

    public static FlushConfig defaults() {
        return new FlushConfig(FlushMode.ASYNC_FLUSH, 500, 5000, 1000);
    }

    public FlushConfig withMode(FlushMode value) {
        return new FlushConfig(value, asyncFlushIntervalMillis, syncFlushTimeoutMillis, checkpointIntervalMillis);
    }
}
