package io.nimbusmq.store.retention;

import java.nio.file.Path;
import java.time.Clock;

import io.nimbusmq.store.commitlog.CommitLog;
import io.nimbusmq.store.file.MappedFile;
import io.nimbusmq.store.index.IndexService;
import io.nimbusmq.store.internal.ServiceThread;
import io.nimbusmq.store.internal.StoreHealth;
import io.nimbusmq.store.queue.ConsumeQueueTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes old data and watches the disk.
 *
 * <p>Each round: measure disk usage (above {@code diskFullRatio} the store refuses writes until usage drops);
 * delete commit log segments older than the reservation time, or the oldest ones whatever their age while usage is
 * above {@code diskForceCleanRatio}; never the segment being written. Then move every consume queue's minimum offset past
 * the deleted messages, drop consume queue segments and index files that only point at deleted data. A segment that a
 * reader still holds stays mapped until the reader lets go ({@link MappedFile#shutdown(boolean)}).
 */
public final class RetentionService extends ServiceThread {

    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);

    private final Path storeRoot;
    private final RetentionConfig config;
    private final CommitLog commitLog;
    private final ConsumeQueueTable consumeQueues;
    private final IndexService index;
    private final RetentionContext context;

    /** The collaborators that are not data structures. */
    public record RetentionContext(StoreHealth health, DiskUsageProbe diskUsage, Clock clock) {
    }

    public RetentionService(Path storeRoot, RetentionConfig config, CommitLog commitLog,
            ConsumeQueueTable consumeQueues, IndexService index, RetentionContext context) {
        this.storeRoot = storeRoot;
        this.config = config;
        this.commitLog = commitLog;
        this.consumeQueues = consumeQueues;
        this.index = index;
        this.context = context;
    }

    @Override
    protected String serviceName() {
        return "store-retention";
    }

    @Override
    protected long waitIntervalMillis() {
        return config.checkIntervalMillis();
    }

    @Override
    protected void runOnce() throws Exception {
        runRound();
    }

    /** One retention round; returns the number of commit log segments deleted. */
    public int runRound() throws Exception {
        double usedRatio = context.diskUsage().usedRatio(storeRoot);
        if (usedRatio > config.diskFullRatio()) {
            context.health().markDiskFull(String.format("disk %.1f%% full, above the %.1f%% limit",
                    usedRatio * 100, config.diskFullRatio() * 100));
        } else {
            context.health().clearDiskFull();
        }
        boolean forced = usedRatio > config.diskForceCleanRatio();
        long expiredBefore = context.clock().millis() - config.fileReservedMillis();
        int deleted = commitLog.files().deleteHead(
                segment -> forced || segment.lastModifiedMillis() < expiredBefore,
                forced ? 1 : config.maxSegmentsDeletedPerRun());
        if (deleted > 0) {
            log.info("Retention deleted {} commit log segment(s){}; commit log now starts at {}", deleted,
                    forced ? " because the disk is " + Math.round(usedRatio * 100) + "% full" : "",
                    commitLog.minOffset());
        }
        long minOffset = commitLog.minOffset();
        consumeQueues.correctMinOffsets(minOffset);
        index.deleteBelow(minOffset);
        return deleted;
    }
}
