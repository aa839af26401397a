package io.nimbusmq.client.internal.consumer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Spaces handler calls so that a consumer hands over at most {@code permitsPerSecond} messages a second, smoothly
 * (no burst): each call reserves the next free slot of its size and waits for it on the consume thread. While
 * handlers wait, the process queues fill and flow control stops the pulls, so nothing piles up in memory.
 */
final class ConsumeRateLimiter {

    private final double nanosPerPermit;
    private long nextFreeNanos = System.nanoTime();

    /** @return a limiter, or null when {@code permitsPerSecond} is infinite (no limit) */
    static ConsumeRateLimiter of(double permitsPerSecond) {
        return Double.isInfinite(permitsPerSecond) ? null : new ConsumeRateLimiter(permitsPerSecond);
    }

    private ConsumeRateLimiter(double permitsPerSecond) {
        this.nanosPerPermit = TimeUnit.SECONDS.toNanos(1) / permitsPerSecond;
    }

    /** Waits for {@code permits}; false when interrupted (shutdown), with the interrupt flag set again. */
    boolean acquire(int permits) {
        long waitNanos = reserve(permits);
        long deadline = System.nanoTime() + waitNanos;
        while (waitNanos > 0) {
            LockSupport.parkNanos(this, waitNanos);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
            waitNanos = deadline - System.nanoTime();
        }
        return true;
    }

    private synchronized long reserve(int permits) {
        long now = System.nanoTime();
        long start = Math.max(now, nextFreeNanos);
        nextFreeNanos = start + (long) (permits * nanosPerPermit);
        return start - now;
    }
}
