package io.nimbusmq.store.flush;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.nimbusmq.store.file.MappedFileQueue;
import io.nimbusmq.store.internal.ServiceThread;

/**
 * SYNC_FLUSH with group commit.
 *
 * <p><b>Hand-off.</b> Writer threads append under the commit log lock, then call {@link #awaitFlushed(long)}, which
 * queues a request and wakes this thread. This thread takes <em>all</em> queued requests at once, forces the log one
 * time, and completes every request the force covered. While it forces, new requests pile up and are served together
 * by the next force, so N concurrent writers cost about one force per round instead of N. Writers never block on the
 * disk: they get a future, and a request not served within the timeout completes with {@code false}
 * (FLUSH_DISK_TIMEOUT). The bytes are still written and will still be forced.
 */
public final class GroupCommitService extends ServiceThread implements CommitLogFlusher {

    private record Request(long endOffset, CompletableFuture<Boolean> future) {
    }

    private final MappedFileQueue files;
    private final long timeoutMillis;
    private final LongAdder forces = new LongAdder();
    private final Object queueLock = new Object();
    private List<Request> pending = new ArrayList<>();

    public GroupCommitService(MappedFileQueue files, long timeoutMillis) {
        this.files = files;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public CompletableFuture<Boolean> awaitFlushed(long endOffset) {
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
        long flushed = files.flush();
        forces.increment();
        List<Request> notCovered = new ArrayList<>();
        for (Request request : batch) {
            if (request.endOffset() <= flushed) {
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

    @Override
    protected long waitIntervalMillis() {
        return 10;
    }

    @Override
    protected void onShutdown() {
        runOnce();
        long flushed = files.flush();
        synchronized (queueLock) {
            pending.forEach(r -> r.future().complete(r.endOffset() <= flushed));
            pending.clear();
        }
    }
}
