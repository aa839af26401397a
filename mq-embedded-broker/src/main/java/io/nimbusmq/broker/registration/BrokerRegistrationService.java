package io.nimbusmq.broker.registration;

import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.dispatch.NamedThreadFactory;
import io.nimbusmq.remoting.protocol.body.DataVersion;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a broker registered with its name servers (remoting-protocol.md §3.1): all topics at {@link #start()}, then
 * every {@link #period()} (30 s by default, clamped to 10-60 s like RocketMQ's {@code registerNameServerPeriod}),
 * and at once on {@link #registerNow()} after a topic change. {@link #shutdown()} unregisters.
 *
 * <p>The topic table is read from the supplier on each registration. Its {@link DataVersion} is kept here: when the
 * topics differ from the last registration, the counter goes up and the timestamp moves to the clock's time, so a
 * RocketMQ name server (which skips unchanged versions) picks the change up.
 *
 * <p>Threads: registrations are prepared on this service's single thread, one at a time, so versions never go
 * backwards; the registrar sends them asynchronously.
 */
public final class BrokerRegistrationService implements AutoCloseable {

    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(30);
    public static final Duration MIN_PERIOD = Duration.ofSeconds(10);
    public static final Duration MAX_PERIOD = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(BrokerRegistrationService.class);
    private static final long SHUTDOWN_WAIT_MILLIS = 10_000;

    private final BrokerIdentity broker;
    private final NameServerRegistrar registrar;
    private final Supplier<? extends Collection<TopicConfig>> topics;
    private final Duration period;
    private final Clock clock;
    private final ScheduledExecutorService thread =
            Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("nimbus-broker-registration", true));

    /** Written only on {@link #thread}. */
    private Map<String, TopicConfig> lastTopics;
    private volatile DataVersion dataVersion;
    private volatile CompletableFuture<Void> lastRegistration = CompletableFuture.completedFuture(null);
    private volatile boolean registeredOnce;
    private boolean started;
    private boolean stopped;

    /**
     * @param topics the broker's current topics, read on each registration
     * @param period between full registrations; clamped to {@link #MIN_PERIOD}..{@link #MAX_PERIOD}
     */
    public BrokerRegistrationService(BrokerIdentity broker, NameServerRegistrar registrar,
                                     Supplier<? extends Collection<TopicConfig>> topics, Duration period,
                                     Clock clock) {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.registrar = Objects.requireNonNull(registrar, "registrar");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.period = clampPeriod(period);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dataVersion = DataVersion.initial(clock.millis());
    }

    /** Every 30 s, system clock. */
    public BrokerRegistrationService(BrokerIdentity broker, NameServerRegistrar registrar,
                                     Supplier<? extends Collection<TopicConfig>> topics) {
        this(broker, registrar, topics, DEFAULT_PERIOD, Clock.systemUTC());
    }

    /** {@code requested} within 10-60 s; {@link #DEFAULT_PERIOD} when null. */
    public static Duration clampPeriod(Duration requested) {
        if (requested == null) {
            return DEFAULT_PERIOD;
        }
        if (requested.compareTo(MIN_PERIOD) < 0) {
            return MIN_PERIOD;
        }
        return requested.compareTo(MAX_PERIOD) > 0 ? MAX_PERIOD : requested;
    }

    /** Registers at once, then every {@link #period()}. */
    public synchronized void start() {
        if (started || stopped) {
            throw new IllegalStateException("broker registration can be started only once");
        }
        started = true;
        registerNow();
        long periodMillis = period.toMillis();
        thread.scheduleAtFixedRate(() -> register().whenComplete((done, failure) -> {
            if (failure != null) {
                log.warn("Periodic registration of {} failed: {}", broker.brokerName(), failure.getMessage());
            }
        }), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Registers all topics now, e.g. after one was created, changed or deleted.
     *
     * @return completes when every name server accepted; exceptionally with {@link NameServerRegistrationException}
     *     when one did not, or {@link IllegalStateException} after {@link #shutdown()}
     */
    public CompletableFuture<Void> registerNow() {
        CompletableFuture<Void> result = new CompletableFuture<>();
        try {
            thread.execute(() -> register().whenComplete((done, failure) -> {
                if (failure == null) {
                    result.complete(null);
                } else {
                    result.completeExceptionally(failure);
                }
            }));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("broker registration service is stopped", e));
        }
        return result;
    }

    /** The version of the topic table as last registered. */
    public DataVersion dataVersion() {
        return dataVersion;
    }

    /** The effective period between full registrations. */
    public Duration period() {
        return period;
    }

    /**
     * Stops registering, waits (up to 10 s) for a registration in flight, then unregisters from every name server,
     * waiting up to 10 s. Idempotent.
     */
    public void shutdown() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        thread.shutdown();
        try {
            thread.awaitTermination(SHUTDOWN_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            lastRegistration.exceptionally(failure -> null).get(SHUTDOWN_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            if (registeredOnce) {
                registrar.unregister(broker).get(SHUTDOWN_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException | ExecutionException | RuntimeException e) {
            log.warn("Could not unregister broker {} cleanly: {}", broker.brokerName(), e.toString());
        }
        thread.shutdownNow();
    }

    @Override
    public void close() {
        shutdown();
    }

    /** Runs on {@link #thread}. */
    private CompletableFuture<Void> register() {
        CompletableFuture<Void> registration;
        try {
            Map<String, TopicConfig> current = new TreeMap<>();
            topics.get().forEach(topic -> current.put(topic.topicName(), topic));
            if (lastTopics != null && !lastTopics.equals(current)) {
                dataVersion = dataVersion.next(clock.millis());
            }
            lastTopics = current;
            registeredOnce = true;
            registration = registrar.register(broker, current.values(), dataVersion);
        } catch (RuntimeException e) {
            registration = CompletableFuture.failedFuture(e);
        }
        lastRegistration = registration;
        return registration;
    }
}
