package io.nimbusmq.store.flush;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
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
 * queues a request and wakes this thread (a wake-up already pending costs nothing: {@link ServiceThread#wakeup()}).
 * This thread forces the log once for everything written so far, then completes every queued request that force
 * covered, in one pass. While it forces, new requests pile up and are served together by the next force, so N
 * concurrent writers cost about one force per round instead of N, and no byte range is forced twice (the log forces
 * only what lies past its flushed position). The next round starts at once when a request arrived meanwhile; the
 * 10 ms wait between rounds only applies when nobody waits.
 *
 * <p><b>Timeouts.</b> Writers never block on the disk: they get a future, and a request not served within the timeout
 * completes with {@code false} (FLUSH_DISK_TIMEOUT); its bytes are still written and will still be forced. Requests
 * are queued in arrival order, which is also deadline order, so one timer at a time serves them all: armed when the
 * queue gets its first request, it completes the requests whose deadline passed and re-arms for the oldest one left.
 * It runs on the JDK's delay thread, not this one, so a force that hangs in the kernel still lets its waiters time
 * out.
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

    /** A put waiting for its force. */
    private record Request(long endOffset, long deadlineNanos, CompletableFuture<Boolean> future) {
    }

    private final ForceableLog files;
    private final long timeoutNanos;
    private final StoreHealth health;
    private final LongBinaryOperator readBack;
    /** Owned by the service thread: every record before it read back intact after its force. */
    private long verifiedOffset;
    /** Every byte before it was forced before the first failure; {@link StoreHealth#NO_FAULT} while none failed. */
    private volatile long lastGoodFlush = StoreHealth.NO_FAULT;
    private volatile FlushFailedException failure;
    private final LongAdder forces = new LongAdder();
    private final Object queueLock = new Object();
    /** Guarded by {@link #queueLock}: requests not completed yet, in arrival (and so deadline) order. */
    private final ArrayDeque<Request> waiting = new ArrayDeque<>();
    /** Guarded by {@link #queueLock}: whether the timeout timer is scheduled. */
    private boolean timerArmed;
    /** Owned by the service thread: the requests a round completes, reused from round to round. */
    private final List<Request> settled = new ArrayList<>();

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
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
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
        boolean arm;
        synchronized (queueLock) {
            waiting.addLast(new Request(endOffset, System.nanoTime() + timeoutNanos, future));
            arm = !timerArmed;
            timerArmed = true;
        }
        if (arm) {
            armTimer(timeoutNanos);
        }
        wakeup();
        return future;
    }

    /** Number of forces that wrote something (a force that spans two segments counts once). */
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
        synchronized (queueLock) {
            if (waiting.isEmpty()) {
                return;
            }
        }
        long flushed = force();
        long verified = verify(flushed);
        long goodFlush = lastGoodFlush;
        synchronized (queueLock) {
            for (Iterator<Request> it = waiting.iterator(); it.hasNext();) {
                Request request = it.next();
                if (request.endOffset() <= flushed || request.endOffset() > goodFlush) {
                    settled.add(request);
                    it.remove();
                }
            }
        }
        for (Request request : settled) {
            settle(request, flushed, verified);
        }
        settled.clear();
    }

    /** Forces what is written; returns the offset up to which bytes are forced and may be acknowledged. */
    private long force() {
        long before = files.flushedOffset();
        long flushed;
        try {
            flushed = Math.min(files.flush(), lastGoodFlush);
        } catch (RuntimeException | InternalError e) {
            return failed(e);
        }
        if (flushed > before) {
            forces.increment();
        }
        return flushed;
    }

    private void settle(Request request, long flushed, long verified) {
        if (request.endOffset() > lastGoodFlush) {
            request.future().completeExceptionally(failure);
        } else if (request.endOffset() > verified) {
            request.future().completeExceptionally(new FlushFailedException("not acknowledged: the record at "
                    + "offset " + verified + " did not read back intact after the force", verified, null));
        } else {
            request.future().complete(Boolean.TRUE);
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

    /** Runs {@link #expire} on the JDK's delay thread (the one {@code completeOnTimeout} uses), not a pool. */
    private void armTimer(long delayNanos) {
        CompletableFuture.delayedExecutor(delayNanos, TimeUnit.NANOSECONDS, Runnable::run).execute(this::expire);
    }

    /** The timer: completes the requests whose deadline passed with {@code false}, re-arms for the oldest left. */
    private void expire() {
        List<Request> late = new ArrayList<>();
        long now = System.nanoTime();
        long nextDelay = -1;
        synchronized (queueLock) {
            Request oldest;
            while ((oldest = waiting.peekFirst()) != null && oldest.deadlineNanos() - now <= 0) {
                late.add(waiting.pollFirst());
            }
            if (oldest == null) {
                timerArmed = false;
            } else {
                nextDelay = oldest.deadlineNanos() - now;
            }
        }
        late.forEach(request -> request.future().complete(Boolean.FALSE));
        if (nextDelay >= 0) {
            armTimer(nextDelay);
        }
    }

    @Override
    protected long waitIntervalMillis() {
        return 10;
    }

    @Override
    protected void onShutdown() {
        runOnce();
        long covered = force();
        List<Request> left;
        synchronized (queueLock) {
            left = new ArrayList<>(waiting);
            waiting.clear();
        }
        for (Request request : left) {
            if (request.endOffset() > lastGoodFlush) {
                request.future().completeExceptionally(failure);
            } else {
                request.future().complete(request.endOffset() <= covered);
            }
        }
    }
}
