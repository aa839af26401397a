package io.nimbusmq.store.flush;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongBinaryOperator;

import io.nimbusmq.store.file.ForceableLog;
import io.nimbusmq.store.internal.ServiceThread;
import io.nimbusmq.store.internal.StoreHealth;

/**
 * SYNC_FLUSH with group commit.
 *
 * <p><b>Hand-off.</b> Writer threads append under the commit log lock, then call {@link #awaitFlushed(long)}, which
 * queues a request and wakes this thread. This thread takes <em>all</em> queued requests at once, forces the log one
 * time, and completes every request the force covered. While it forces, new requests pile up and are served together
 * by the next force, so N concurrent writers cost about one force per round instead of N. Writers never block on the
 * disk: they get a future, and a request not served within the timeout completes with {@code false}
 * (FLUSH_DISK_TIMEOUT). The bytes are still written and will still be forced.
 *
 * <p><b>Read-back.</b> After each force, the newly forced bytes are read back from the file and checked record by
 * record (the {@code readBack} function, {@link io.nimbusmq.store.commitlog.ReadBackCheck} in the store) before any
 * request is completed, so that a put is acknowledged only if its bytes really are in the file: a mapped write that
 * faulted is not reported where it happened. Requests that end after a record that fails are completed with a
 * {@link FlushFailedException}, and the store goes into the write-fault state ({@link StoreHealth#markWriteFault}).
 *
 * <p><b>Failure.</b> A force that fails completes every request it was to serve with a {@link FlushFailedException},
 * puts the store in the flush-failure state ({@link StoreHealth#markFlushFailure}) and from then on answers every
 * request beyond the last good flush the same way, whatever later forces report.
 */
public final class GroupCommitService extends ServiceThread implements CommitLogFlusher {

    private record Request(long endOffset, CompletableFuture<Boolean> future) {
    }

    private final ForceableLog files;
    private final long timeoutMillis;
    private final StoreHealth health;
    private final LongBinaryOperator readBack;
    /** Owned by the service thread: every record before it read back intact after its force. */
    private long verifiedOffset;
    /** Every byte before it was forced before the first failure; {@link StoreHealth#NO_FAULT} while none failed. */
    private volatile long lastGoodFlush = StoreHealth.NO_FAULT;
    private volatile FlushFailedException failure;
    private final LongAdder forces = new LongAdder();
    private final Object queueLock = new Object();
    private List<Request> pending = new ArrayList<>();

    public GroupCommitService(ForceableLog files, long timeoutMillis) {
        this(files, timeoutMillis, new StoreHealth(), (from, to) -> to);
    }

    /**
     * @param readBack given a range of forced bytes, returns the offset up to which they read back as intact
     *        records (the end of the range if all did)
     */
    public GroupCommitService(ForceableLog files, long timeoutMillis, StoreHealth health,
            LongBinaryOperator readBack) {
        this.files = files;
        this.timeoutMillis = timeoutMillis;
        this.health = health;
        this.readBack = readBack;
    }

    @Override
    protected void onStart() {
        verifiedOffset = files.flushedOffset();
    }

    @Override
    public CompletableFuture<Boolean> awaitFlushed(long endOffset) {
        if (endOffset > lastGoodFlush) {
            return CompletableFuture.failedFuture(failure);
        }
        if (files.flushedOffset() >= endOffset) {
            return CompletableFuture.completedFuture(Boolean.TRUE);
        }
        CompletableFuture<Boolean> future = new CompletableFuture<>();
        synchronized (queueLock) {
            pending.add(new Request(endOffset, future));
        }
        wakeup();
        return future.completeOnTimeout(Boolean.FALSE, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public long forceCount() {
        return forces.sum();
    }

    @Override
    protected String serviceName() {
        return "store-group-commit";
    }

    @Override
    protected void runOnce() {
        List<Request> batch;
        synchronized (queueLock) {
            if (pending.isEmpty()) {
                return;
            }
            batch = pending;
            pending = new ArrayList<>();
        }
        long flushed;
        try {
            flushed = Math.min(files.flush(), lastGoodFlush);
        } catch (RuntimeException | InternalError e) {
            flushed = failed(e);
        }
        forces.increment();
        long verified = verify(flushed);
        List<Request> notCovered = new ArrayList<>();
        for (Request request : batch) {
            if (request.endOffset() > lastGoodFlush) {
                request.future().completeExceptionally(failure);
            } else if (request.endOffset() > verified && request.endOffset() <= flushed) {
                request.future().completeExceptionally(new FlushFailedException("not acknowledged: the record at "
                        + "offset " + verified + " did not read back intact after the force", verified, null));
            } else if (request.endOffset() <= flushed) {
                request.future().complete(Boolean.TRUE);
            } else if (!request.future().isDone()) {
                notCovered.add(request);
            }
        }
        if (!notCovered.isEmpty()) {
            synchronized (queueLock) {
                pending.addAll(notCovered);
            }
            wakeup();
        }
    }

    /** Reads back what this force added; returns the offset up to which requests may be acknowledged. */
    private long verify(long flushed) {
        if (flushed <= verifiedOffset) {
            return flushed;
        }
        long verified = readBack.applyAsLong(verifiedOffset, flushed);
        verifiedOffset = verified;
        if (verified < flushed) {
            health.markWriteFault("the commit log record at offset " + verified + " did not read back intact after "
                    + "the force", verified);
        }
        return verified;
    }

    /** Records the first failure; returns the offset up to which bytes are known to be forced. */
    private long failed(Throwable e) {
        if (failure == null) {
            long good = files.flushedOffset();
            failure = new FlushFailedException("commit log force failed; not acknowledging the bytes after offset "
                    + good + ": " + e, good, e);
            lastGoodFlush = good;
            health.markFlushFailure(failure.getMessage(), good);
        }
        return lastGoodFlush;
    }

    @Override
    protected long waitIntervalMillis() {
        return 10;
    }

    @Override
    protected void onShutdown() {
        runOnce();
        long flushed;
        try {
            flushed = Math.min(files.flush(), lastGoodFlush);
        } catch (RuntimeException | InternalError e) {
            flushed = failed(e);
        }
        long covered = flushed;
        synchronized (queueLock) {
            pending.forEach(r -> {
                if (r.endOffset() > lastGoodFlush) {
                    r.future().completeExceptionally(failure);
                } else {
                    r.future().complete(r.endOffset() <= covered);
                }
            });
            pending.clear();
        }
    }
}
