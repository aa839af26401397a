package io.nimbusmq.broker.client;

import io.netty.channel.Channel;
import io.nimbusmq.remoting.dispatch.NamedThreadFactory;
import io.nimbusmq.remoting.netty.ChannelEventListener;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the client tables honest.
 * <ul>
 *   <li>On its own thread, every {@link ClientHousekeepingConfig#scanIntervalMillis()}: drops producers and
 *       consumers silent for longer than {@link ClientHousekeepingConfig#channelExpiryMillis()}, closes their
 *       channels, and forgets expired queue locks ({@link #scanOnce()}).</li>
 *   <li>As the broker's {@link ChannelEventListener}: when a channel closes (idle and failed channels are closed
 *       too), its registrations are dropped at once, on the Netty I/O thread (map updates and non-blocking oneway writes only).</li>
 * </ul>
 * Consumer groups that lose members are notified through the {@link ConsumerManager}'s listener either way.
 *
 * <p>Time comes from the {@link Clock}; tests call {@link #scanOnce()} with a clock they move instead of sleeping.
 */
public final class ClientHousekeepingService implements ChannelEventListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClientHousekeepingService.class);

    private final ConsumerManager consumers;
    private final ProducerManager producers;
    private final RebalanceLockManager locks;
    private final Clock clock;
    private final ClientHousekeepingConfig config;
    private ScheduledExecutorService scheduler;

    public ClientHousekeepingService(ConsumerManager consumers, ProducerManager producers,
                                     RebalanceLockManager locks, Clock clock, ClientHousekeepingConfig config) {
        this.consumers = Objects.requireNonNull(consumers, "consumers");
        this.producers = Objects.requireNonNull(producers, "producers");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Starts the scan thread; the first scan runs one interval from now. Idempotent. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("client-housekeeping", true));
        scheduler.scheduleWithFixedDelay(this::scanSafely, config.scanIntervalMillis(), config.scanIntervalMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * One scan, as of the clock's now: expires silent clients, closes their channels, forgets expired locks.
     *
     * @return what was removed
     */
    public ScanResult scanOnce() {
        long nowMillis = clock.millis();
        List<ClientChannelInfo> expiredConsumers = consumers.scanExpired(nowMillis, config.channelExpiryMillis());
        List<ClientChannelInfo> expiredProducers = producers.scanExpired(nowMillis, config.channelExpiryMillis());
        Set<Channel> toClose = new LinkedHashSet<>();
        expiredConsumers.forEach(client -> toClose.add(client.channel()));
        expiredProducers.forEach(client -> toClose.add(client.channel()));
        toClose.forEach(Channel::close);
        int expiredLocks = locks.removeExpired(nowMillis);
        return new ScanResult(expiredConsumers, expiredProducers, expiredLocks);
    }

    /** Drops the channel's registrations; idle and failed channels get here too, as they are closed. */
    @Override
    public void onClose(Channel channel) {
        consumers.onChannelClosed(channel);
        producers.onChannelClosed(channel);
    }

    /** Stops the scan thread, waiting briefly for a running scan. Idempotent. */
    public synchronized void shutdown() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("Client housekeeping thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
    }

    @Override
    public void close() {
        shutdown();
    }

    private void scanSafely() {
        try {
            ScanResult result = scanOnce();
            if (!result.isEmpty()) {
                log.info("Client housekeeping: {}", result);
            }
        } catch (RuntimeException e) {
            log.error("Client housekeeping scan failed", e);
        }
    }

    /**
     * What one scan removed.
     *
     * @param expiredConsumers consumers dropped, one entry per group
     * @param expiredProducers producers dropped, one entry per group
     * @param expiredLocks queue locks forgotten
     */
    public record ScanResult(List<ClientChannelInfo> expiredConsumers, List<ClientChannelInfo> expiredProducers,
            int expiredLocks) {

        public ScanResult {
            expiredConsumers = List.copyOf(expiredConsumers);
            expiredProducers = List.copyOf(expiredProducers);
        }

        public boolean isEmpty() {
            return expiredConsumers.isEmpty() && expiredProducers.isEmpty() && expiredLocks == 0;
        }
    }
}
