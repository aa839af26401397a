package io.nimbusmq.store.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background worker with one thread, a wake-up signal and an orderly stop.
 *
 * <p>Subclasses implement {@link #runOnce()}, which is called in a loop until {@link #shutdown()}. Between rounds the
 * thread waits up to {@link #waitIntervalMillis()} or until {@link #wakeup()} is called. A wake-up that arrives while
 * a round is running is not lost: the next wait returns at once. An exception thrown by a round is logged and the
 * loop goes on, so one bad round never kills the service. A round that fails like the one before it (same exception
 * type and message) is not logged again: a failure that persists (a full disk, say) gives one stack trace, and one
 * line when rounds succeed again, not a line every round.
 */
public abstract class ServiceThread implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ServiceThread.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private volatile boolean notified;
    private volatile boolean stopped;
    private volatile Thread thread;
    /** Owned by the service thread: the failure last logged, and how many identical ones followed. */
    private String lastFailure;
    private long repeatedFailures;

    /** The name of the thread. */
    protected abstract String serviceName();

    /** One round of work. */
    protected abstract void runOnce() throws Exception;

    /** How long to wait between rounds when nobody wakes the thread. */
    protected abstract long waitIntervalMillis();

    /** Called once on the service thread before the first round; the default does nothing. */
    protected void onStart() {
    }

    /** Called once on the service thread after the loop ends; the default does nothing. */
    protected void onShutdown() {
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        stopped = false;
        Thread t = new Thread(this, serviceName());
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public final void run() {
        onStart();
        while (!stopped) {
            try {
                runOnce();
                roundSucceeded();
            } catch (Throwable e) {
                roundFailed(e);
            }
            waitForRunning(waitIntervalMillis());
        }
        try {
            onShutdown();
        } catch (Throwable e) {
            log.error("{} shutdown step failed", serviceName(), e);
        }
    }

    private void roundFailed(Throwable e) {
        String failure = e.getClass().getName() + ": " + e.getMessage();
        if (failure.equals(lastFailure)) {
            repeatedFailures++;
            return;
        }
        lastFailure = failure;
        repeatedFailures = 0;
        log.error("{} round failed; identical failures are not logged again until a round succeeds", serviceName(),
                e);
    }

    private void roundSucceeded() {
        if (lastFailure != null) {
            log.info("{} works again after {} more failed round(s) like: {}", serviceName(), repeatedFailures,
                    lastFailure);
            lastFailure = null;
        }
    }

    /**
     * Wakes the thread if it waits between rounds. Cheap when a wake-up is already pending: the flag is only cleared
     * by the service thread under the lock right before it starts a round, so a caller that still sees it set knows
     * that a round will start after its own (earlier) writes, and skips the lock and the signal. Writers call this
     * after every put.
     */
    public void wakeup() {
        if (notified) {
            return;
        }
        lock.lock();
        try {
            notified = true;
            signal.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the loop and waits for the thread to end, however long its current round takes and even when the calling
     * thread is interrupted (the interrupt is kept for the caller): the store unmaps its files after this returns, and
     * a thread still reading a mapping that is gone would crash the JVM.
     */
    public void shutdown() {
        Thread t;
        synchronized (this) {
            t = thread;
            thread = null;
        }
        if (t == null) {
            return;
        }
        stopped = true;
        wakeup();
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
                if (t.isAlive()) {
                    log.warn("{} has not finished its round after 30 s; still waiting before the files close",
                            serviceName());
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    protected boolean isStopped() {
        return stopped;
    }

    private void waitForRunning(long intervalMillis) {
        lock.lock();
        try {
            if (notified) {
                notified = false;
                return;
            }
            if (intervalMillis > 0) {
                signal.await(intervalMillis, TimeUnit.MILLISECONDS);
            }
            notified = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        } finally {
            lock.unlock();
        }
    }
}
