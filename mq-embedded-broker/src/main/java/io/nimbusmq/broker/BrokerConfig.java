package io.nimbusmq.broker;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import io.nimbusmq.broker.auth.SecurityConfig;
import io.nimbusmq.broker.schedule.ScheduleConfig;
import io.nimbusmq.broker.transaction.TransactionConfig;
import io.nimbusmq.store.flush.FlushMode;

/**
 * Broker settings.
 *
 * @param bindHost the interface to listen on
 * @param port the port; 0 picks a free one
 * @param advertisedHost the host clients are told to connect to (in routes and message ids); the bind host if null
 * @param storeDir the root of the broker's files: {@code store/} for messages, {@code config/} for topics and offsets
 * @param nameServerAddresses name servers to register with; empty to serve an embedded name server on the same port
 * @param autoCreateTopicEnable whether a send to an unknown topic creates it (on in embedded mode, off standalone)
 * @param embeddedStore small store files (64 MiB segments) instead of production sizes (1 GiB), unless
 *     {@code storeSizes} says otherwise
 * @param enablePropertyFilter whether consumers may subscribe with SQL92 selectors (on by default; when off they are
 *     refused with SYSTEM_ERROR, as by a RocketMQ broker with {@code enablePropertyFilter=false})
 * @param schedule delay levels and the maximum timer delay ({@link ScheduleConfig#defaults()} if null)
 * @param transaction check-back interval, timeout and maximum checks of transactional messages; RocketMQ's defaults
 *     if null
 * @param security access control and TLS ({@link SecurityConfig#disabled()} if null)
 * @param storeSizes the sizes of the store's files; from {@code embeddedStore} if null
 * @param operations consumer-group auto-creation, the VIP channel and the metrics endpoint
 *     ({@link OperationsConfig#defaults()} if null)
 */
public record BrokerConfig(String clusterName, String brokerName, String bindHost, int port, String advertisedHost,
        Path storeDir, FlushMode flushMode, List<String> nameServerAddresses, boolean autoCreateTopicEnable,
        boolean embeddedStore, boolean enablePropertyFilter, ScheduleConfig schedule, TransactionConfig transaction,
        SecurityConfig security, StoreSizes storeSizes, OperationsConfig operations) {

    public BrokerConfig {
        Objects.requireNonNull(storeDir, "storeDir");
        Objects.requireNonNull(flushMode, "flushMode");
        clusterName = clusterName == null || clusterName.isBlank() ? "DefaultCluster" : clusterName;
        brokerName = brokerName == null || brokerName.isBlank() ? "broker-a" : brokerName;
        bindHost = bindHost == null || bindHost.isBlank() ? "127.0.0.1" : bindHost;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535: " + port);
        }
        nameServerAddresses = nameServerAddresses == null ? List.of() : List.copyOf(nameServerAddresses);
        schedule = schedule == null ? ScheduleConfig.defaults() : schedule;
        transaction = transaction == null ? TransactionConfig.defaults() : transaction;
        security = security == null ? SecurityConfig.disabled() : security;
        storeSizes = storeSizes != null ? storeSizes : embeddedStore ? StoreSizes.embedded() : StoreSizes.production();
        operations = operations == null ? OperationsConfig.defaults() : operations;
    }

    /** With the default operations settings. */
    public BrokerConfig(String clusterName, String brokerName, String bindHost, int port, String advertisedHost,
            Path storeDir, FlushMode flushMode, List<String> nameServerAddresses, boolean autoCreateTopicEnable,
            boolean embeddedStore, boolean enablePropertyFilter, ScheduleConfig schedule, TransactionConfig transaction,
            SecurityConfig security, StoreSizes storeSizes) {
        this(clusterName, brokerName, bindHost, port, advertisedHost, storeDir, flushMode, nameServerAddresses,
                autoCreateTopicEnable, embeddedStore, enablePropertyFilter, schedule, transaction, security, storeSizes,
                null);
    }

    /** Without access control or TLS; store file sizes from {@code embeddedStore}. */
    public BrokerConfig(String clusterName, String brokerName, String bindHost, int port, String advertisedHost,
            Path storeDir, FlushMode flushMode, List<String> nameServerAddresses, boolean autoCreateTopicEnable,
            boolean embeddedStore, boolean enablePropertyFilter, ScheduleConfig schedule,
            TransactionConfig transaction) {
        this(clusterName, brokerName, bindHost, port, advertisedHost, storeDir, flushMode, nameServerAddresses,
                autoCreateTopicEnable, embeddedStore, enablePropertyFilter, schedule, transaction, null, null, null);
    }

    /** The property filter (SQL92) on; default delay levels, timer limits and transaction settings. */
    public BrokerConfig(String clusterName, String brokerName, String bindHost, int port, String advertisedHost,
            Path storeDir, FlushMode flushMode, List<String> nameServerAddresses, boolean autoCreateTopicEnable,
            boolean embeddedStore) {
        this(clusterName, brokerName, bindHost, port, advertisedHost, storeDir, flushMode, nameServerAddresses,
                autoCreateTopicEnable, embeddedStore, true, null, null, null, null, null);
    }

    /** This config with clients told to connect to {@code host}. */
    public BrokerConfig withAdvertisedHost(String host) {
        return new BrokerConfig(clusterName, brokerName, bindHost, port, host, storeDir, flushMode,
                nameServerAddresses, autoCreateTopicEnable, embeddedStore, enablePropertyFilter, schedule, transaction,
                security, storeSizes, operations);
    }

    public boolean embeddedNameServer() {
        return nameServerAddresses.isEmpty();
    }

    public Path messageStoreDir() {
        return storeDir.resolve("store");
    }

    public Path configDir() {
        return storeDir.resolve("config");
    }

    /** The timer log and its checkpoint (delayed and timer messages). */
    public Path timerDir() {
        return storeDir.resolve("timer");
    }
}
