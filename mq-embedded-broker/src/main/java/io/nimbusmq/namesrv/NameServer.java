package io.nimbusmq.namesrv;

import io.netty.channel.Channel;
import io.nimbusmq.remoting.dispatch.ProcessorRegistry;
import io.nimbusmq.remoting.dispatch.RequestPreprocessor;
import io.nimbusmq.remoting.netty.ChannelEventListener;
import io.nimbusmq.remoting.netty.RemotingConfig;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A RocketMQ-compatible name server: the routing tables ({@link RouteInfoManager}), the KV configuration, their
 * processors and the housekeeping thread. Two ways to run it:
 * <ul>
 *   <li><b>embedded</b>, sharing a port with a broker: {@link #registerProcessors} into the broker's registry, feed
 *       it closed channels through {@link #onChannelClosed} (or {@link #channelEventListener()}), then
 *       {@link #start()};</li>
 *   <li><b>standalone</b>, on its own port: {@link #standalone(RemotingConfig)}{@code .start()} returns the bound
 *       address.</li>
 * </ul>
 * Lifecycle: {@link #start()} once, {@link #shutdown()} once (later calls do nothing). Executors passed to
 * {@link #registerProcessors} belong to the caller.
 */
public final class NameServer implements AutoCloseable {

    private final AtomicReference<NameServerConfig> config;
    private final RouteInfoManager routes;
    private final KvConfigTable kvConfigs = new KvConfigTable();
    private final BrokerHousekeepingService housekeeping;

    public NameServer(NameServerConfig config, Clock clock) {
        this.config = new AtomicReference<>(Objects.requireNonNull(config, "config"));
        this.routes = new RouteInfoManager(clock);
        this.housekeeping = new BrokerHousekeepingService(routes, clock, config.scanIntervalMillis());
    }

    /** Default settings, system clock. */
    public NameServer() {
        this(NameServerConfig.defaults(), Clock.systemUTC());
    }

    /** A name server on its own {@link io.nimbusmq.remoting.netty.NettyRemotingServer}; not started yet. */
    public static StandaloneNameServer standalone(RemotingConfig remotingConfig) {
        return new StandaloneNameServer(remotingConfig, new NameServer(), RequestPreprocessor.NONE);
    }

    /** Like {@link #standalone(RemotingConfig)} with explicit settings and clock. */
    public static StandaloneNameServer standalone(RemotingConfig remotingConfig, NameServerConfig config,
                                                  Clock clock) {
        return new StandaloneNameServer(remotingConfig, new NameServer(config, clock), RequestPreprocessor.NONE);
    }

    /**
     * Like {@link #standalone(RemotingConfig)}, with every request passing {@code preprocessor} first (access
     * control: brokers then sign their registrations).
     */
    public static StandaloneNameServer standalone(RemotingConfig remotingConfig, RequestPreprocessor preprocessor) {
        return new StandaloneNameServer(remotingConfig, new NameServer(), preprocessor);
    }

    /**
     * Routes the name-server codes (100-106, 206, 216, 224, 304, 318, 319, 322, 904) to this name server's
     * processors, all on
     * {@code executor}.
     *
     * @throws IllegalArgumentException when one of the codes is already registered
     */
    public NameServer registerProcessors(ProcessorRegistry registry, ExecutorService executor) {
        registry.register(new BrokerRegistrationProcessor(routes, kvConfigs), executor,
                BrokerRegistrationProcessor.requestCodes());
        registry.register(new RouteQueryProcessor(routes), executor, RouteQueryProcessor.requestCodes());
        registry.register(new ClusterQueryProcessor(routes, config::get), executor,
                ClusterQueryProcessor.requestCodes());
        registry.register(new NameServerConfigProcessor(config), executor, NameServerConfigProcessor.requestCodes());
        registry.register(new KvConfigProcessor(kvConfigs), executor, KvConfigProcessor.requestCodes());
        return this;
    }

    /** Starts the housekeeping thread (scan for silent brokers every {@link NameServerConfig#scanIntervalMillis()}). */
    public void start() {
        housekeeping.start();
    }

    /** Removes, asynchronously, the brokers that registered on {@code channel}; safe on Netty I/O threads. */
    public void onChannelClosed(Channel channel) {
        housekeeping.channelClosed(channel);
    }

    /** A listener that calls {@link #onChannelClosed} when a channel closes. */
    public ChannelEventListener channelEventListener() {
        return new ChannelEventListener() {
            @Override
            public void onClose(Channel channel) {
                onChannelClosed(channel);
            }
        };
    }

    /** The routing tables, e.g. for an in-process broker to register directly. */
    public RouteInfoManager routeInfoManager() {
        return routes;
    }

    public KvConfigTable kvConfigTable() {
        return kvConfigs;
    }

    /** The housekeeping service; tests call {@link BrokerHousekeepingService#scanOnce()} on it. */
    public BrokerHousekeepingService housekeeping() {
        return housekeeping;
    }

    /** The settings in force (they may change at runtime: {@code mqadmin updateNamesrvConfig}). */
    public NameServerConfig config() {
        return config.get();
    }

    /** Stops the housekeeping thread. */
    public void shutdown() {
        housekeeping.shutdown();
    }

    @Override
    public void close() {
        shutdown();
    }
}
