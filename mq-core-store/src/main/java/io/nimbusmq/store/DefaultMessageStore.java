package io.nimbusmq.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.store.commitlog.AllocateSegmentService;
import io.nimbusmq.store.commitlog.CommitLog;
import io.nimbusmq.store.commitlog.QueueOffsetTable;
import io.nimbusmq.store.commitlog.ReadBackCheck;
import io.nimbusmq.store.dispatch.CommitLogDispatcher;
import io.nimbusmq.store.dispatch.ReputService;
import io.nimbusmq.store.file.IdleSegmentUnmapper;
import io.nimbusmq.store.file.MappedFile;
import io.nimbusmq.store.file.MappedSlice;
import io.nimbusmq.store.file.PrefaultService;
import io.nimbusmq.store.file.SegmentAllocator;
import io.nimbusmq.store.file.StoreFileNames;
import io.nimbusmq.store.flush.AsyncFlushService;
import io.nimbusmq.store.flush.CheckpointService;
import io.nimbusmq.store.flush.CommitLogFlusher;
import io.nimbusmq.store.flush.FlushMode;
import io.nimbusmq.store.flush.GroupCommitService;
import io.nimbusmq.store.index.IndexService;
import io.nimbusmq.store.internal.StoreHealth;
import io.nimbusmq.store.internal.StoreLock;
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
 * {@link RetentionService} deletes, {@link AllocateSegmentService} reserves space ahead of the writer,
 * {@link MessageAppender} runs the put path, {@link QueueReader} and {@link KeyLookup} read.
 *
 * <p><b>After a fault.</b> When a write or a force failed during this run ({@link StoreHealth#faultFloor()}), no
 * checkpoint claims more than the offset of the failure and a normal stop leaves the abort marker behind, so the next
 * start validates the commit log from there instead of trusting a clean shutdown.
 *
 * <p><b>Segments ahead of the writer.</b> No put reserves a commit log segment in the steady state: a new store's
 * first segment is reserved by {@link AllocateSegmentService} as soon as {@link #start()} begins its services (a put
 * that comes earlier waits for that reservation rather than making its own), and every next one while the writer is
 * in the segment before it. {@link StoreStats#inlineSegmentReservations()} counts the exceptions. {@code start()}
 * does not wait for the reservation: a 64 MiB segment (the embedded broker's) takes tens of milliseconds, a 1 GiB one
 * up to seconds, and the broker's own start-up runs meanwhile.
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
    private final AllocateSegmentService allocateService;
    private final CheckpointService checkpointService;
    private final RetentionService retention;
    private final MessageAppender appender;
    private final QueueReader queueReader;
    private final KeyLookup keyLookup;
    private volatile boolean running;
    private StoreLock lock;
    private RecoveryResult recoveryResult;

    public DefaultMessageStore(StoreConfig config) {
        this(config, Clock.systemUTC(), DiskUsageProbe.fileStore());
    }

    public DefaultMessageStore(StoreConfig config, Clock clock, DiskUsageProbe diskUsage) {
        this(config, clock, diskUsage, SegmentAllocators.forConfig(config));
    }

    /** @param allocator reserves the blocks of every new segment; tests substitute one that runs out of space */
    public DefaultMessageStore(StoreConfig config, Clock clock, DiskUsageProbe diskUsage,
            SegmentAllocator allocator) {
        this(config, clock, diskUsage, SegmentAllocators.all(allocator));
    }

    private DefaultMessageStore(StoreConfig config, Clock clock, DiskUsageProbe diskUsage,
            SegmentAllocators allocators) {
        this.config = config;
        this.clock = clock;
        Path root = config.rootDir();
        this.commitLog = new CommitLog(StoreFileNames.commitLogDir(root), config.commitLog(), queueOffsets, clock,
                health, allocators.commitLog());
        this.consumeQueues = new ConsumeQueueTable(root, config.consumeQueue(), allocators.consumeQueues());
        this.index = new IndexService(StoreFileNames.indexDir(root), config.index(), allocators.index());
        this.reput = new ReputService(commitLog.files(), commitLog.damaged());
        reput.addDispatcher(new ConsumeQueueDispatcher(consumeQueues));
        reput.addDispatcher(index);
        this.flusher = createFlusher();
        this.allocateService = new AllocateSegmentService(commitLog, health);
        commitLog.onReserveNext(allocateService::wakeup);
        this.checkpointService = new CheckpointService(config.flush().checkpointIntervalMillis(),
                reput::dispatchedOffset, this::forceDerived, commitLog::flushedOffset, this::writeCheckpoint);
        this.retention = new RetentionService(root, config.retention(), commitLog, consumeQueues, index,
                new RetentionService.RetentionContext(health, diskUsage, clock));
        this.appender = new MessageAppender(commitLog, flusher, health, config.flush().syncFlushTimeoutMillis());
        this.queueReader = new QueueReader(consumeQueues, commitLog);
        this.keyLookup = new KeyLookup(index, commitLog);
        // a quarter segment ahead, at most 64 MiB: small embedded stores keep a small resident footprint
        this.prefault = new PrefaultService(commitLog.files(),
                Math.min(PrefaultService.DEFAULT_AHEAD_BYTES, config.commitLog().segmentSizeBytes() / 4));
        long unmapIdle = config.commitLog().unmapIdleMillis();
        this.unmapper = unmapIdle > 0
                ? new IdleSegmentUnmapper(commitLog.files(), reput::dispatchedOffset, unmapIdle, clock) : null;
    }

    /** SYNC_FLUSH: group commit, acknowledging what reads back after the force; else the periodic flusher. */
    private CommitLogFlusher createFlusher() {
        if (config.flush().mode() != FlushMode.SYNC_FLUSH) {
            return new AsyncFlushService(commitLog.files(), config.flush().asyncFlushIntervalMillis(), health);
        }
        ReadBackCheck readBack = new ReadBackCheck(commitLog.files(), commitLog.damaged(), commitLog.maxRecordBytes());
        return new GroupCommitService(commitLog.files(), config.flush().syncFlushTimeoutMillis(), health,
                readBack::verifiedUpTo);
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
        lock = StoreLock.acquire(root);
        boolean clean = !Files.exists(StoreFileNames.abortFile(root));
        StoreCheckpoint checkpoint = StoreCheckpoint.read(root);
        commitLog.load();
        consumeQueues.load();
        index.load();
        recoveryResult = new StoreRecovery(commitLog, checkpoint, clean, List.of(consumeQueues, index),
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
        if (commitLog.files().isEmpty()) {
            // a new store reserves its first segment in the background; a put that comes first waits for it
            commitLog.files().announcePreallocation(0);
        }
        allocateService.start();
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

    @Override
    public synchronized void shutdown() {
        if (!running) {
            return;
        }
        running = false;
        stopServices();
        long endOffset = commitLog.maxOffset();
        try {
            commitLog.files().flush();
            checkpointService.checkpoint();
            if (health.faultFloor() == StoreHealth.NO_FAULT) {
                Files.deleteIfExists(StoreFileNames.abortFile(config.rootDir()));
            }
        } catch (Exception e) {
            log.error("Store shutdown could not write its final checkpoint; the next start recovers", e);
        }
        closeFiles();
        if (health.faultFloor() == StoreHealth.NO_FAULT) {
            log.info("Store shut down cleanly at commit log offset {}", endOffset);
        } else {
            log.warn("Store shut down at commit log offset {} after a write fault at offset {}: the next start "
                    + "validates the commit log from there", endOffset, health.faultFloor());
        }
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
        commitLog.files().stopPreallocating();
        allocateService.shutdown();
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
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }

    private void forceDerived() {
        consumeQueues.flushAll();
        index.flush();
    }

    /** Never claims more than the offset of a fault of this run, so that the next start validates from there. */
    private void writeCheckpoint(long commitLogFlushed, long dispatchSafe) throws IOException {
        long floor = health.faultFloor();
        new StoreCheckpoint(Math.min(commitLogFlushed, floor), Math.min(dispatchSafe, floor), clock.millis())
                .write(config.rootDir());
    }

    @Override
    public CompletableFuture<PutMessageResult> putMessage(MessageInput message) {
        return putMessages(List.of(message));
    }

    @Override
    public CompletableFuture<PutMessageResult> putMessages(List<MessageInput> messages) {
        if (!running) {
            return CompletableFuture.completedFuture(
                    PutMessageResult.rejected(PutMessageStatus.SERVICE_NOT_AVAILABLE, "store is not running"));
        }
        return appender.put(messages, reput::wakeup);
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
        return commitLog.sliceValidRecord(physicalOffset);
    }

    @Override
    public StoredMessage lookMessage(long physicalOffset) {
        MappedSlice slice = commitLog.sliceValidRecord(physicalOffset);
        if (slice == null) {
            return null;
        }
        try {
            return MessageCodec.decode(slice.buffer());
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
        return new StoreStats(appender.putMessageCount(), appender.putBytes(), flusher.forceCount(),
                reput.behindBytes(), commitLog.files().inlineReservations());
    }

    /** Runs one retention round now (tests and admin tools). */
    public int runRetention() throws Exception {
        return retention.runRound();
    }

    /** Commit log segments currently mapped; idle ones are unmapped (see {@link IdleSegmentUnmapper}). */
    public int mappedCommitLogSegments() {
        return (int) commitLog.files().segments().stream().filter(MappedFile::isMapped).count();
    }

    /** Waits until every appended message is in the consume queues and the index (tests and benchmarks). */
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
