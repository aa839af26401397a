package io.nimbusmq.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.RecordCheck;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.store.commitlog.AppendResult;
import io.nimbusmq.store.commitlog.CommitLog;
import io.nimbusmq.store.commitlog.QueueOffsetTable;
import io.nimbusmq.store.dispatch.CommitLogDispatcher;
import io.nimbusmq.store.dispatch.ReputService;
import io.nimbusmq.store.file.IdleSegmentUnmapper;
import io.nimbusmq.store.file.InsufficientDiskSpaceException;
import io.nimbusmq.store.file.MappedFile;
import io.nimbusmq.store.file.MappedSlice;
import io.nimbusmq.store.file.PrefaultService;
import io.nimbusmq.store.file.StoreFileNames;
import io.nimbusmq.store.flush.AsyncFlushService;
import io.nimbusmq.store.flush.CheckpointService;
import io.nimbusmq.store.flush.CommitLogFlusher;
import io.nimbusmq.store.flush.FlushMode;
import io.nimbusmq.store.flush.GroupCommitService;
import io.nimbusmq.store.index.IndexService;
import io.nimbusmq.store.internal.StoreHealth;
import io.nimbusmq.store.queue.ConsumeQueue;
import io.nimbusmq.store.queue.ConsumeQueueDispatcher;
import io.nimbusmq.store.queue.ConsumeQueueTable;
import io.nimbusmq.store.read.BoundaryType;
import io.nimbusmq.store.read.GetMessageResult;
import io.nimbusmq.store.read.KeyLookup;
import io.nimbusmq.store.read.MessageFilter;
import io.nimbusmq.store.read.QueryMessageResult;
import io.nimbusmq.store.read.QueueReader;
import io.nimbusmq.store.recovery.RecoveryResult;
import io.nimbusmq.store.recovery.StoreCheckpoint;
import io.nimbusmq.store.recovery.StoreRecovery;
import io.nimbusmq.store.retention.DiskUsageProbe;
import io.nimbusmq.store.retention.RetentionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the store's parts together and runs their lifecycle; the work itself is done by the parts: {@link CommitLog}
 * appends, a {@link CommitLogFlusher} forces, {@link ReputService} feeds {@link ConsumeQueueTable} and
 * {@link IndexService}, {@link CheckpointService} records progress, {@link StoreRecovery} repairs at start-up,
 * {@link RetentionService} deletes, {@link QueueReader} and {@link KeyLookup} read.
 */
public final class DefaultMessageStore implements MessageStore {

    private static final Logger log = LoggerFactory.getLogger(DefaultMessageStore.class);

    private final StoreConfig config;
    private final Clock clock;
    private final StoreHealth health = new StoreHealth();
    private final QueueOffsetTable queueOffsets = new QueueOffsetTable();
    private final CommitLog commitLog;
    private final ConsumeQueueTable consumeQueues;
    private final IndexService index;
    private final ReputService reput;
    private final CommitLogFlusher flusher;
    private final PrefaultService prefault;
    /** Null when {@link io.nimbusmq.store.commitlog.CommitLogConfig#unmapIdleMillis()} is 0. */
    private final IdleSegmentUnmapper unmapper;
    private final CheckpointService checkpointService;
    private final RetentionService retention;
    private final MessageValidator validator;
    private final QueueReader queueReader;
    private final KeyLookup keyLookup;
    private final LongAdder putMessages = new LongAdder();
    private final LongAdder putBytes = new LongAdder();
    private volatile boolean running;
    private FileChannel lockChannel;
    private FileLock lock;
    private RecoveryResult recoveryResult;

    public DefaultMessageStore(StoreConfig config) {
        this(config, Clock.systemUTC(), DiskUsageProbe.fileStore());
    }

    public DefaultMessageStore(StoreConfig config, Clock clock, DiskUsageProbe diskUsage) {
        this.config = config;
        this.clock = clock;
        Path root = config.rootDir();
        this.commitLog = new CommitLog(StoreFileNames.commitLogDir(root), config.commitLog(), queueOffsets, clock);
        this.consumeQueues = new ConsumeQueueTable(root, config.consumeQueue());
        this.index = new IndexService(StoreFileNames.indexDir(root), config.index());
        this.reput = new ReputService(commitLog.files());
        reput.addDispatcher(new ConsumeQueueDispatcher(consumeQueues));
        reput.addDispatcher(index);
        this.flusher = config.flush().mode() == FlushMode.SYNC_FLUSH
                ? new GroupCommitService(commitLog.files(), config.flush().syncFlushTimeoutMillis())
                : new AsyncFlushService(commitLog.files(), config.flush().asyncFlushIntervalMillis());
        this.checkpointService = new CheckpointService(config.flush().checkpointIntervalMillis(),
                reput::dispatchedOffset, this::forceDerived, commitLog::flushedOffset, this::writeCheckpoint);
        this.retention = new RetentionService(root, config.retention(), commitLog, consumeQueues, index,
                new RetentionService.RetentionContext(health, diskUsage, clock));
        this.validator = new MessageValidator(config.commitLog());
        this.queueReader = new QueueReader(consumeQueues, commitLog);
        this.keyLookup = new KeyLookup(index, commitLog);
        // a quarter segment ahead, at most 64 MiB: small embedded stores keep a small resident footprint
        this.prefault = new PrefaultService(commitLog.files(),
                Math.min(PrefaultService.DEFAULT_AHEAD_BYTES, config.commitLog().segmentSizeBytes() / 4));
        long unmapIdle = config.commitLog().unmapIdleMillis();
        this.unmapper = unmapIdle > 0
                ? new IdleSegmentUnmapper(commitLog.files(), reput::dispatchedOffset, unmapIdle, clock) : null;
    }

    public StoreConfig config() {
        return config;
    }

    @Override
    public synchronized void start() throws IOException {
        if (running) {
            return;
        }
        Path root = config.rootDir();
        Files.createDirectories(root);
        acquireLock(root);
        boolean clean = !Files.exists(StoreFileNames.abortFile(root));
        StoreCheckpoint checkpoint = StoreCheckpoint.read(root);
        commitLog.load();
        consumeQueues.load();
        index.load();
        recoveryResult = new StoreRecovery(commitLog.files(), checkpoint, clean, List.of(consumeQueues, index),
                from -> {
                    reput.setDispatchedOffset(from);
                    reput.dispatchUntil(commitLog.maxOffset());
                }).load();
        for (ConsumeQueue queue : consumeQueues.all()) {
            queueOffsets.set(queue.topic(), queue.queueId(), queue.maxOffset());
        }
        consumeQueues.correctMinOffsets(commitLog.minOffset());
        Files.write(StoreFileNames.abortFile(root), new byte[0]);
        try {
            checkpointService.checkpoint();
        } catch (Exception e) {
            throw new IOException("cannot write the checkpoint in " + root, e);
        }
        flusher.start();
        prefault.start();
        reput.start();
        checkpointService.start();
        retention.start();
        if (unmapper != null) {
            unmapper.start();
        }
        running = true;
        log.info("Store started in {} ({} flush): commit log [{}, {})", root, config.flush().mode(),
                commitLog.minOffset(), commitLog.maxOffset());
    }

    private void acquireLock(Path root) throws IOException {
        lockChannel = FileChannel.open(StoreFileNames.lockFile(root), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IOException("store directory " + root + " is in use by another store");
        }
    }

    @Override
    public synchronized void shutdown() {
        if (!running) {
            return;
        }
        running = false;
        stopServices();
        try {
            commitLog.files().flush();
            checkpointService.checkpoint();
            Files.deleteIfExists(StoreFileNames.abortFile(config.rootDir()));
        } catch (Exception e) {
            log.error("Store shutdown could not write its final checkpoint; the next start recovers", e);
        }
        closeFiles();
        log.info("Store shut down cleanly at commit log offset {}", commitLog.maxOffset());
    }

    /**
     * Stops like a killed process would: no final flush of consume queues or index, no final checkpoint, and the abort
     * marker stays, so the next start runs crash recovery. Background threads stop and files are unmapped, which a
     * test needs in order to damage files and reopen the store in the same JVM.
     */
    public synchronized void closeWithoutShutdown() {
        if (!running) {
            return;
        }
        running = false;
        stopServices();
        closeFiles();
    }

    /** Stops the background threads; each finishes its current round (the flusher forces what is written). */
    private void stopServices() {
        retention.shutdown();
        checkpointService.shutdown();
        reput.shutdown();
        flusher.shutdown();
        prefault.shutdown();
        if (unmapper != null) {
            unmapper.shutdown();
        }
    }

    private void closeFiles() {
        commitLog.shutdown();
        consumeQueues.shutdown();
        index.shutdown();
        releaseLock();
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            log.warn("Failed to release the store lock", e);
        }
    }

    private void forceDerived() {
        consumeQueues.flushAll();
        index.flush();
    }

    private void writeCheckpoint(long commitLogFlushed, long dispatchSafe) throws IOException {
        new StoreCheckpoint(commitLogFlushed, dispatchSafe, clock.millis()).write(config.rootDir());
    }

    @Override
    public CompletableFuture<PutMessageResult> putMessage(MessageInput message) {
        return putMessages(List.of(message));
    }

    @Override
    public CompletableFuture<PutMessageResult> putMessages(List<MessageInput> messages) {
        PutMessageResult rejected = validator.validate(messages);
        if (rejected != null) {
            return CompletableFuture.completedFuture(rejected);
        }
        if (!running) {
            return rejected(PutMessageStatus.SERVICE_NOT_AVAILABLE, "store is not running");
        }
        if (!health.isWritable()) {
            return rejected(PutMessageStatus.SERVICE_NOT_AVAILABLE, health.notWritableReason());
        }
        AppendResult append;
        try {
            append = commitLog.appendAll(messages);
        } catch (InsufficientDiskSpaceException e) {
            health.markDiskFull(e.getMessage());
            return rejected(PutMessageStatus.CREATE_MAPPED_FILE_FAILED, e.getMessage());
        } catch (IOException e) {
            health.markIoFailure("commit log I/O failure: " + e.getMessage());
            return rejected(PutMessageStatus.CREATE_MAPPED_FILE_FAILED, e.getMessage());
        } catch (IllegalArgumentException e) {
            return rejected(PutMessageStatus.MESSAGE_ILLEGAL, e.getMessage());
        } catch (RuntimeException | InternalError e) {
            health.markIoFailure("commit log write failed: " + e);
            return rejected(PutMessageStatus.UNKNOWN_ERROR, e.toString());
        }
        putMessages.add(append.messageCount());
        putBytes.add(append.wroteBytes());
        reput.wakeup();
        return flusher.awaitFlushed(append.endOffset()).thenApply(flushed -> new PutMessageResult(
                flushed ? PutMessageStatus.PUT_OK : PutMessageStatus.FLUSH_DISK_TIMEOUT, append,
                flushed ? null : "not flushed within " + config.flush().syncFlushTimeoutMillis() + " ms"));
    }

    private static CompletableFuture<PutMessageResult> rejected(PutMessageStatus status, String remark) {
        return CompletableFuture.completedFuture(PutMessageResult.rejected(status, remark));
    }

    @Override
    public GetMessageResult getMessages(String topic, int queueId, long queueOffset, int maxMessages, int maxBytes,
            MessageFilter filter) {
        return queueReader.read(topic, queueId, queueOffset, maxMessages, maxBytes, filter);
    }

    @Override
    public long minOffsetInQueue(String topic, int queueId) {
        return queueReader.minOffset(topic, queueId);
    }

    @Override
    public long maxOffsetInQueue(String topic, int queueId) {
        return queueReader.maxOffset(topic, queueId);
    }

    @Override
    public long offsetForTimestamp(String topic, int queueId, long timestampMillis, BoundaryType boundary) {
        return queueReader.offsetForTimestamp(topic, queueId, timestampMillis, boundary);
    }

    @Override
    public long earliestMessageTime(String topic, int queueId) {
        return queueReader.earliestStoreTime(topic, queueId);
    }

    @Override
    public MappedSlice readMessage(long physicalOffset) {
        return commitLog.sliceRecord(physicalOffset);
    }

    @Override
    public StoredMessage lookMessage(long physicalOffset) {
        MappedSlice slice = commitLog.sliceRecord(physicalOffset);
        if (slice == null) {
            return null;
        }
        try {
            RecordCheck check = MessageCodec.checkSealed(slice.buffer(), 0, slice.sizeBytes(), physicalOffset);
            return check.kind() == RecordCheck.Kind.MESSAGE ? MessageCodec.decode(slice.buffer()) : null;
        } finally {
            slice.release();
        }
    }

    @Override
    public QueryMessageResult queryByKey(String topic, String key, int maxResults, long beginMillis,
            long endMillis) {
        return keyLookup.byKey(topic, key, maxResults, beginMillis, endMillis);
    }

    @Override
    public QueryMessageResult queryByUniqueKey(String topic, String uniqKey, int maxResults, long beginMillis,
            long endMillis) {
        return keyLookup.byUniqueKey(topic, uniqKey, maxResults, beginMillis, endMillis);
    }

    @Override
    public void deleteTopic(String topic) {
        consumeQueues.deleteTopic(topic);
        queueOffsets.removeTopic(topic);
    }

    @Override
    public List<String> topics() {
        return consumeQueues.topics();
    }

    @Override
    public long commitLogMinOffset() {
        return commitLog.minOffset();
    }

    @Override
    public long commitLogMaxOffset() {
        return commitLog.maxOffset();
    }

    @Override
    public void addDispatcher(CommitLogDispatcher dispatcher) {
        reput.addDispatcher(dispatcher);
    }

    @Override
    public boolean isWritable() {
        return running && health.isWritable();
    }

    @Override
    public String notWritableReason() {
        return running ? health.notWritableReason() : "store is not running";
    }

    @Override
    public RecoveryResult recoveryResult() {
        return recoveryResult;
    }

    @Override
    public StoreStats stats() {
        return new StoreStats(putMessages.sum(), putBytes.sum(), flusher.forceCount(), reput.behindBytes());
    }

    /** Runs one retention round now (tests and admin tools). */
    public int runRetention() throws Exception {
        return retention.runRound();
    }

    /** Waits until every appended message is in the consume queues and the index (tests and benchmarks). */
    /** Commit log segments currently mapped; idle ones are unmapped (see {@link IdleSegmentUnmapper}). */
    public int mappedCommitLogSegments() {
        return (int) commitLog.files().segments().stream().filter(MappedFile::isMapped).count();
    }

    public boolean awaitDispatched(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (reput.dispatchedOffset() < commitLog.maxOffset()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            reput.wakeup();
            Thread.sleep(1);
        }
        return true;
    }
}
