package io.nimbusmq.remoting.dispatch;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Executors for processors. They are bounded: when the queue is full, submission throws
 * {@link java.util.concurrent.RejectedExecutionException} and the dispatcher answers SYSTEM_BUSY
 * {@code [OVERLOAD]...}, which producers retry.
 */
public final class ProcessorExecutors {

    private ProcessorExecutors() {
    }

    /**
     * A fixed pool of {@code threads} daemon threads named {@code <name>-N} with a queue of at most
     * {@code queueCapacity} waiting requests.
     */
    public static ExecutorService bounded(String name, int threads, int queueCapacity) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1: " + queueCapacity);
        }
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(queueCapacity), new NamedThreadFactory(name, true),
                new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * The queue of an executor made by {@link #bounded}: its length, capacity and the wait of its oldest request (of
     * requests queued by the {@link RequestDispatcher}); zeros for any other executor.
     */
    public static QueueStats queueStats(ExecutorService executor) {
        if (!(executor instanceof ThreadPoolExecutor pool)) {
            return new QueueStats(0, 0, 0);
        }
        BlockingQueue<Runnable> queue = pool.getQueue();
        Runnable head = queue.peek();
        long headWaitMillis = head instanceof QueuedTask task
                ? Math.max(0, (System.nanoTime() - task.queuedAtNanos()) / 1_000_000) : 0;
        int size = queue.size();
        return new QueueStats(size, size + queue.remainingCapacity(), headWaitMillis);
    }
}
