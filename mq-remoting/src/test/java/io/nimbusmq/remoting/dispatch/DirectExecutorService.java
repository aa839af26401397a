package io.nimbusmq.remoting.dispatch;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs tasks on the calling thread, or rejects them all when {@code rejecting}; for deterministic tests. */
final class DirectExecutorService extends AbstractExecutorService {

    private final boolean rejecting;
    private volatile boolean shutdown;

    DirectExecutorService(boolean rejecting) {
        this.rejecting = rejecting;
    }

    @Override
    public void execute(Runnable task) {
        if (rejecting || shutdown) {
            throw new RejectedExecutionException("test executor rejects");
        }
        task.run();
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }
}
