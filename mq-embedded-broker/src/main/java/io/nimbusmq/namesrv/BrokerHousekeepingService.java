package io.nimbusmq.namesrv;

import io.netty.channel.Channel;
import io.nimbusmq.remoting.dispatch.NamedThreadFactory;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name server's housekeeping thread: every {@code scanIntervalMillis} (5 s) it removes brokers silent for longer
 * than their heartbeat timeout, and it removes the brokers of closed channels.
 *
 * <p>Hand-off: {@link #channelClosed(Channel)} is called on Netty I/O threads, which must not wait for the routing
 * lock, so it only queues the removal on this service's single thread, where scans also run. Tests call
 * {@link #scanOnce()} after advancing the {@link Clock} instead of waiting for the schedule.
 */
public final class BrokerHousekeepingService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BrokerHousekeepingService.class);

    private final RouteInfoManager routes;
    private final Clock clock;
    private final long scanIntervalMillis;
    private final ScheduledExecutorService thread =
            Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("nimbus-namesrv-housekeeping", true));
    private volatile boolean started;

    public BrokerHousekeepingService(RouteInfoManager routes, Clock clock, long scanIntervalMillis) {
        if (scanIntervalMillis <= 0) {
            throw new IllegalArgumentException("scanIntervalMillis must be positive: " + scanIntervalMillis);
        }
        this.routes = Objects.requireNonNull(routes, "routes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scanIntervalMillis = scanIntervalMillis;
    }

    /** Starts the periodic scan; the first runs after one interval. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("housekeeping already started");
        }
        started = true;
        thread.scheduleWithFixedDelay(this::scanSafely, scanIntervalMillis, scanIntervalMillis,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Removes the brokers silent for too long at the clock's current time, on the calling thread.
     *
     * @return how many were removed
     */
    public int scanOnce() {
        return routes.expireInactiveBrokers(clock.millis());
    }

    /** Queues the removal of the brokers registered on {@code channel}; never blocks. */
    public void channelClosed(Channel channel) {
        try {
            thread.execute(() -> routes.onChannelClosed(channel));
        } catch (RejectedExecutionException e) {
            log.debug("Housekeeping stopped; ignoring closed channel {}", channel);
        }
    }

    /** Stops the thread, waiting briefly for a running scan. Idempotent. */
    public void shutdown() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        shutdown();
    }

    private void scanSafely() {
        try {
            int removed = scanOnce();
            if (removed > 0) {
                log.info("Housekeeping removed {} inactive broker(s)", removed);
            }
        } catch (RuntimeException e) {
            log.error("Broker housekeeping scan failed", e);
        }
    }
}
