package io.nimbusmq.store.flush;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

import io.nimbusmq.store.file.MappedFileQueue;
import io.nimbusmq.store.internal.ServiceThread;

/**
 * ASYNC_FLUSH: a thread forces the commit log every {@code asyncFlushIntervalMillis}. Puts never wait for it.
 *
 * <p>Owns nothing but its thread; it reads the segment set it is given and calls {@link MappedFileQueue#flush()}.
 */
public final class AsyncFlushService extends ServiceThread implements CommitLogFlusher {

    private static final CompletableFuture<Boolean> DONE = CompletableFuture.completedFuture(Boolean.TRUE);

    private final MappedFileQueue files;
    private final int intervalMillis;
    private final LongAdder forces = new LongAdder();

    public AsyncFlushService(MappedFileQueue files, int intervalMillis) {
        this.files = files;
        this.intervalMillis = intervalMillis;
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
            files.flush();
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
