package io.nimbusmq.store;

import java.nio.file.Path;
import java.util.Objects;

import io.nimbusmq.store.commitlog.CommitLogConfig;
import io.nimbusmq.store.flush.FlushConfig;
import io.nimbusmq.store.flush.FlushMode;
import io.nimbusmq.store.index.IndexConfig;
import io.nimbusmq.store.queue.ConsumeQueueConfig;
import io.nimbusmq.store.retention.RetentionConfig;

/** All store settings: one validated record per concern, and the directory. */
public record StoreConfig(Path rootDir, CommitLogConfig commitLog, ConsumeQueueConfig consumeQueue, IndexConfig index,
        FlushConfig flush, RetentionConfig retention) {

    public StoreConfig {
        Objects.requireNonNull(rootDir, "rootDir");
        Objects.requireNonNull(commitLog, "commitLog");
        Objects.requireNonNull(consumeQueue, "consumeQueue");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(flush, "flush");
        Objects.requireNonNull(retention, "retention");
    }

    /** Small segments and files, ASYNC_FLUSH: for an embedded broker or a test. */
    public static StoreConfig embedded(Path rootDir) {
        return new StoreConfig(rootDir, CommitLogConfig.embedded(), ConsumeQueueConfig.defaults(),
                IndexConfig.embedded(), FlushConfig.defaults(), RetentionConfig.defaults());
    }

    /** RocketMQ's production sizes: 1 GiB commit log segments, 400 MB index files. */
    public static StoreConfig production(Path rootDir) {
        return new StoreConfig(rootDir, CommitLogConfig.production(), ConsumeQueueConfig.defaults(),
                IndexConfig.production(), FlushConfig.defaults(), RetentionConfig.defaults());
    }

    public StoreConfig withCommitLog(CommitLogConfig value) {
        return new StoreConfig(rootDir, value, consumeQueue, index, flush, retention);
    }

    public StoreConfig withConsumeQueue(ConsumeQueueConfig value) {
        return new StoreConfig(rootDir, commitLog, value, index, flush, retention);
    }

    public StoreConfig withIndex(IndexConfig value) {
        return new StoreConfig(rootDir, commitLog, consumeQueue, value, flush, retention);
    }

    public StoreConfig withFlush(FlushConfig value) {
        return new StoreConfig(rootDir, commitLog, consumeQueue, index, value, retention);
    }

    public StoreConfig withFlushMode(FlushMode mode) {
        return withFlush(flush.withMode(mode));
    }

    public StoreConfig withRetention(RetentionConfig value) {
        return new StoreConfig(rootDir, commitLog, consumeQueue, index, flush, value);
    }
}
