package io.nimbusmq.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.nimbusmq.broker.auth.SecurityConfig;
import io.nimbusmq.broker.auth.acl2.AuthConfig;
import io.nimbusmq.broker.auth.plain.AclConfig;
import io.nimbusmq.broker.console.ConsoleConfig;
import io.nimbusmq.broker.schedule.ScheduleConfig;
import io.nimbusmq.broker.transaction.TransactionConfig;
import io.nimbusmq.remoting.acl.SessionCredentials;
import io.nimbusmq.remoting.tls.TlsServerConfig;
import io.nimbusmq.store.MessageStore;
import io.nimbusmq.store.flush.FlushMode;

/**
 * A RocketMQ-compatible broker, and unless told to register with external name servers, its name server, on one
 * port: the returned address is both the client's name-server address and the broker address.
 *
 * <pre>{@code
 * EmbeddedBroker broker = EmbeddedBroker.builder().port(0).storeDir(dir).build();
 * InetSocketAddress address = broker.start();
 * producer.setNamesrvAddr(broker.address());
 * }</pre>
 */
public final class EmbeddedBroker implements AutoCloseable {

    private final BrokerConfig config;
    private final Clock clock;
    private final ConsoleConfig console;
    private BrokerRuntime runtime;

    private EmbeddedBroker(BrokerConfig config, Clock clock, ConsoleConfig console) {
        this.config = config;
        this.clock = clock;
        this.console = console;
    }

    public static Builder builder() {
        return new Builder();
    }

    public BrokerConfig config() {
        return config;
    }

    /** Opens the store, recovers, binds the port and registers with the name servers. Returns the bound address. */
    public synchronized InetSocketAddress start() {
        if (runtime != null) {
            return runtime.address();
        }
        try {
            runtime = BrokerRuntime.start(config, clock, console);
        } catch (IOException e) {
            throw new UncheckedIOException("broker failed to start in " + config.storeDir(), e);
        }
        return runtime.address();
    }

    /** The address clients use, {@code "ip:port"}: name server and broker at once in embedded mode. */
    public String address() {
        InetSocketAddress address = requireRunning().address();
        return address.getHostString() + ":" + address.getPort();
    }

    public int port() {
        return requireRunning().address().getPort();
    }

    /** The web console's address, {@code http://host:port/}, when it is on ({@link Builder#console}). */
    public Optional<String> consoleUrl() {
        return requireRunning().consoleUrl();
    }

    /** The Prometheus endpoint, {@code http://host:port/metrics}, when on ({@link OperationsConfig#metricsPort}). */
    public Optional<String> metricsUrl() {
        return requireRunning().metricsUrl();
    }

    public MessageStore messageStore() {
        return requireRunning().store();
    }

    /** The running broker's parts, for tests and tools. */
    public BrokerRuntime runtime() {
        return requireRunning();
    }

    public synchronized boolean isRunning() {
        return runtime != null;
    }

    private synchronized BrokerRuntime requireRunning() {
        if (runtime == null) {
            throw new IllegalStateException("broker is not running");
        }
        return runtime;
    }

    /** Stops accepting, answers held pulls, persists offsets and topics, flushes and closes the store. */
    public synchronized void shutdown() {
        if (runtime != null) {
            runtime.shutdown();
            runtime = null;
        }
    }

    @Override
    public void close() {
        shutdown();
    }

    /** Builds an embedded broker: loopback, auto-created topics, small store files, ASYNC flush by default. */
    public static final class Builder {
        private String clusterName = "DefaultCluster";
        private String brokerName = "broker-a";
        private String bindHost = "127.0.0.1";
        private int port = 0;
        private String advertisedHost;
        private Path storeDir;
        private FlushMode flushMode = FlushMode.ASYNC_FLUSH;
        private List<String> nameServerAddresses = List.of();
        private boolean autoCreateTopicEnable = true;
        private boolean embeddedStore = true;
        private boolean enablePropertyFilter = true;
        private Clock clock = Clock.systemUTC();
        private ScheduleConfig schedule = ScheduleConfig.defaults();
        private TransactionConfig transaction = TransactionConfig.defaults();
        private SecurityConfig security = SecurityConfig.disabled();
        private OperationsConfig operations = OperationsConfig.defaults();
        private ConsoleConfig console = ConsoleConfig.disabled();

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder bindHost(String value) {
            this.bindHost = value;
            return this;
        }

        public Builder advertisedHost(String value) {
            this.advertisedHost = value;
            return this;
        }

        public Builder storeDir(Path value) {
            this.storeDir = value;
            return this;
        }

        public Builder flushMode(FlushMode value) {
            this.flushMode = value;
            return this;
        }

        public Builder clusterName(String value) {
            this.clusterName = value;
            return this;
        }

        public Builder brokerName(String value) {
            this.brokerName = value;
            return this;
        }

        /** Register with these name servers instead of serving an embedded one. */
        public Builder nameServerAddresses(List<String> value) {
            this.nameServerAddresses = value;
            return this;
        }

        public Builder autoCreateTopicEnable(boolean value) {
            this.autoCreateTopicEnable = value;
            return this;
        }

        /** Production-size store files (1 GiB commit log segments) instead of small embedded ones. */
        public Builder productionStore(boolean value) {
            this.embeddedStore = !value;
            return this;
        }

        /** Delay levels, e.g. {@code "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h"} (the default). */
        public Builder delayLevels(String value) {
            this.schedule = schedule.withDelayLevels(value);
            return this;
        }

        /** How far ahead a timer message may be scheduled (default 7 days); further is refused. */
        public Builder timerMaxDelay(Duration value) {
            this.schedule = schedule.withTimerMaxDelayMillis(value.toMillis());
            return this;
        }

        /** Whether consumers may subscribe with SQL92 selectors; on by default. */
        public Builder enablePropertyFilter(boolean value) {
            this.enablePropertyFilter = value;
            return this;
        }

        /** The clock of everything the broker schedules (delayed messages, expiries); a ManualClock in tests. */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /**
         * Check-back of transactional messages: interval, timeout and maximum checks (RocketMQ's defaults: 30 s, 6 s,
         * 15), e.g. {@code TransactionConfig.defaults().withCheckMax(3)}.
         */
        public Builder transaction(TransactionConfig value) {
            this.transaction = value;
            return this;
        }

        /**
         * ACL 1.0: every request must be signed by a user of {@code plain_acl.yml} with the permission it needs (off
         * by default), e.g. {@code AclConfig.plainAcl(Path.of("conf/plain_acl.yml"))}.
         */
        public Builder acl(AclConfig value) {
            this.security = security.withAcl(value);
            return this;
        }

        /**
         * ACL 2.0: every request must be signed by a user of the broker's user store and allowed by the user's
         * policies, both managed with mqadmin (off by default), e.g.
         * {@code AuthConfig.enabled(new SessionCredentials("admin", "admin-password"))} for a first super user.
         */
        public Builder auth(AuthConfig value) {
            this.security = security.withAuth(value);
            return this;
        }

        /** TLS on the port (off by default), e.g. {@code TlsServerConfig.of(TlsMode.PERMISSIVE, cert, key)}. */
        public Builder tls(TlsServerConfig value) {
            this.security = security.withTls(value);
            return this;
        }

        /** Signs registrations with external name servers that have access control on. */
        public Builder nameServerCredentials(SessionCredentials value) {
            this.security = security.withNameServerCredentials(value);
            return this;
        }

        /**
         * Consumer-group auto-creation, the VIP channel (port − 2) and the Prometheus metrics endpoint, e.g.
         * {@code OperationsConfig.defaults().withMetricsPort(0)}.
         */
        public Builder operations(OperationsConfig value) {
            this.operations = value;
            return this;
        }

        /**
         * The web console (off by default), e.g. {@code ConsoleConfig.onLoopback()}: its own HTTP port, on loopback
         * unless told otherwise, with a login when access control is on.
         */
        public Builder console(ConsoleConfig value) {
            this.console = value == null ? ConsoleConfig.disabled() : value;
            return this;
        }

        public EmbeddedBroker build() {
            if (storeDir == null) {
                throw new IllegalStateException("storeDir is required");
            }
            return new EmbeddedBroker(new BrokerConfig(clusterName, brokerName, bindHost, port, advertisedHost,
                    storeDir, flushMode, nameServerAddresses, autoCreateTopicEnable, embeddedStore,
                    enablePropertyFilter, schedule, transaction, security, null, operations), clock, console);
        }

        /** Builds from a complete configuration (the standalone launcher). */
        public EmbeddedBroker build(BrokerConfig config) {
            return new EmbeddedBroker(config, clock, console);
        }
    }
}
