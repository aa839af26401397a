package io.nimbusmq.store.flush;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

import io.nimbusmq.store.file.ForceableLog;
import io.nimbusmq.store.internal.ServiceThread;
import io.nimbusmq.store.internal.StoreHealth;

/**
 * ASYNC_FLUSH: a thread forces the commit log every {@code asyncFlushIntervalMillis}. Puts never wait for it.
 *
 * <p>Owns nothing but its thread; it reads the segment set it is given and calls {@link ForceableLog#flush()}. A
 * force that fails puts the store in the flush-failure state ({@link StoreHealth#markFlushFailure}); the service keeps
 * trying, quietly.
 */
public final class AsyncFlushService extends ServiceThread implements CommitLogFlusher {

    private static final CompletableFuture<Boolean> DONE = CompletableFuture.completedFuture(Boolean.TRUE);

    private final ForceableLog files;
    private final int intervalMillis;
    private final LongAdder forces = new LongAdder();
    private final StoreHealth health;

    public AsyncFlushService(ForceableLog files, int intervalMillis) {
        this(files, intervalMillis, new StoreHealth());
    }

    public AsyncFlushService(ForceableLog files, int intervalMillis, StoreHealth health) {
        this.files = files;
        this.intervalMillis = intervalMillis;
        this.health = health;
    }

    @Override
    public CompletableFuture<Boolean> awaitFlushed(long endOffset) {
        return DONE;
    }

    @Override
    public long forceCount() {
        return forces.sum();
    }

    @Override
    protected String serviceName() {
        return "store-async-flush";
    }

    @Override
    protected void runOnce() {
        if (files.flushedOffset() < files.maxOffset()) {
            long flushed = files.flushedOffset();
            try {
                files.flush();
            } catch (RuntimeException | InternalError e) {
                health.markFlushFailure("commit log force failed after offset " + flushed + ": " + e, flushed);
            }
            forces.increment();
        }
    }

    @Override
    protected long waitIntervalMillis() {
        return intervalMillis;
    }

    @Override
    protected void onShutdown() {
        runOnce();
    }
}
