package io.nimbusmq.broker.transaction;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.nimbusmq.broker.time.Clocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check-back thread: runs a pass every {@code intervalMillis} of the broker's clock, the first one interval
 * after start, as RocketMQ's {@code TransactionalMessageCheckService} does.
 *
 * <p><b>Hand-off.</b> The thread waits on a monitor until the clock reaches the next pass. With a
 * {@link io.nimbusmq.broker.time.ManualClock} each advance wakes it (through {@link Clocks#onAdvance}); the next pass
 * is then due one interval after the clock's time when the pass ended, so advances during a pass fold into it.
 * Passes never overlap: they all run on this thread.
 */
public final class TransactionCheckService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TransactionCheckService.class);
    private static final long MAX_WAIT_MILLIS = 1_000;

    private final Runnable pass;
    private final Clock clock;
    private final long intervalMillis;
    private final Object monitor = new Object();
    private final Runnable wakeUp = this::wakeUp;
    private final AtomicLong completedPasses = new AtomicLong();
    private volatile boolean stopped;
    private Thread thread;

    public TransactionCheckService(Runnable pass, Clock clock, long intervalMillis) {
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("intervalMillis must be positive: " + intervalMillis);
        }
        this.pass = pass;
        this.clock = clock;
        this.intervalMillis = intervalMillis;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        Clocks.onAdvance(clock, wakeUp);
        long firstPassMillis = clock.millis() + intervalMillis;
        thread = new Thread(() -> run(firstPassMillis), "transaction-check");
        thread.setDaemon(true);
        thread.start();
    }

    /** Passes finished since start, for tests and tools. */
    public long completedPasses() {
        return completedPasses.get();
    }

    private void run(long firstPassMillis) {
        long nextPassMillis = firstPassMillis;
        while (awaitMillis(nextPassMillis)) {
            try {
                pass.run();
            } catch (RuntimeException e) {
                log.error("Transaction check pass failed", e);
            }
            completedPasses.incrementAndGet();
            nextPassMillis = clock.millis() + intervalMillis;
        }
    }

    /** Waits until the clock reaches {@code millis}; false if stopped first. */
    private boolean awaitMillis(long millis) {
        synchronized (monitor) {
            long remaining;
            while (!stopped && (remaining = millis - clock.millis()) > 0) {
                try {
                    monitor.wait(Math.min(remaining, MAX_WAIT_MILLIS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return !stopped;
        }
    }

    private void wakeUp() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    /** Stops the thread, letting a running pass finish (up to 10 s). Idempotent. */
    public void shutdown() {
        Thread running;
        synchronized (this) {
            running = thread;
            thread = null;
        }
        if (running == null) {
            return;
        }
        stopped = true;
        Clocks.removeOnAdvance(clock, wakeUp);
        wakeUp();
        try {
            running.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (running.isAlive()) {
            log.warn("Transaction check thread did not stop within 10 s");
        }
    }

    @Override
    public void close() {
        shutdown();
    }
}
