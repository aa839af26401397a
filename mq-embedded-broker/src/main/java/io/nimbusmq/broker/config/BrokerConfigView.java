package io.nimbusmq.broker.config;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import io.nimbusmq.broker.BrokerConfig;
import io.nimbusmq.broker.OperationsConfig;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.store.StoreConfig;
import io.nimbusmq.store.file.StoreFileNames;

/**
 * The broker's configuration as {@code mqadmin getBrokerConfig} and the dashboard show it: RocketMQ's key names
 * ({@code BrokerConfig}, {@code MessageStoreConfig}, {@code NettyServerConfig}) with this broker's values. Only
 * settings this broker has are listed, each with the value in force (the bound port, not the configured 0; live
 * values after an update). Whether security is on is shown, never its secrets: no key, password or ACL content.
 */
public final class BrokerConfigView {

    private final BrokerConfig config;
    private final StoreConfig store;
    private final BooleanSupplier autoCreateTopicEnable;
    private final BooleanSupplier autoCreateSubscriptionGroup;

    public BrokerConfigView(BrokerConfig config, StoreConfig store, BooleanSupplier autoCreateTopicEnable,
            BooleanSupplier autoCreateSubscriptionGroup) {
        this.config = config;
        this.store = store;
        this.autoCreateTopicEnable = autoCreateTopicEnable;
        this.autoCreateSubscriptionGroup = autoCreateSubscriptionGroup;
    }

    /**
     * The settings by name, sorted.
     *
     * @param listenPort the port the broker is bound to
     * @param brokerAddress the broker's advertised {@code ip:port}, the name server too when it is embedded
     */
    public Map<String, String> properties(int listenPort, String brokerAddress) {
        Map<String, String> p = new TreeMap<>();
        broker(p, listenPort, brokerAddress);
        store(p);
        OperationsConfig operations = config.operations();
        p.put("autoCreateSubscriptionGroup", String.valueOf(autoCreateSubscriptionGroup.getAsBoolean()));
        p.put("metricsExporterType", operations.metricsEnabled() ? "PROM" : "DISABLE");
        p.put("metricsPromExporterPort", String.valueOf(Math.max(operations.metricsPort(), 0)));
        p.put("vipChannelEnabled", String.valueOf(operations.vipChannelEnabled()));
        p.put("fastListenPort", String.valueOf(operations.vipChannelEnabled() ? listenPort - 2 : 0));
        // whether security is on, never its secrets (keys, passwords, the ACL file's content)
        p.put("aclEnable", String.valueOf(config.security().acl().enabled()));
        p.put("tlsServerMode", config.security().tls().mode().name().toLowerCase(Locale.ROOT));
        p.put("authenticationEnabled", String.valueOf(config.security().auth().authenticationEnabled()));
        p.put("authorizationEnabled", String.valueOf(config.security().auth().authorizationEnabled()));
        return p;
    }

    private void broker(Map<String, String> p, int listenPort, String brokerAddress) {
        p.put("brokerClusterName", config.clusterName());
        p.put("brokerName", config.brokerName());
        p.put("brokerId", "0");
        p.put("brokerIP1", brokerAddress.substring(0, brokerAddress.lastIndexOf(':')));
        p.put("listenPort", String.valueOf(listenPort));
        p.put("namesrvAddr", config.embeddedNameServer() ? brokerAddress
                : String.join(";", config.nameServerAddresses()));
        p.put("brokerPermission", "6");
        p.put("autoCreateTopicEnable", String.valueOf(autoCreateTopicEnable.getAsBoolean()));
        p.put("defaultTopicQueueNums", "8");
        p.put("enablePropertyFilter", String.valueOf(config.enablePropertyFilter()));
        p.put("longPollingEnable", "true");
        p.put("regionId", "DefaultRegion");
        p.put("traceOn", "true");
        p.put("traceTopicEnable", "true");
        p.put("msgTraceTopicName", SystemTopics.TRACE_TOPIC);
        p.put("transactionCheckInterval", String.valueOf(config.transaction().checkIntervalMillis()));
        p.put("transactionTimeOut", String.valueOf(config.transaction().timeoutMillis()));
        p.put("transactionCheckMax", String.valueOf(config.transaction().checkMax()));
    }

    private void store(Map<String, String> p) {
        p.put("storePathRootDir", config.storeDir().toString());
        p.put("storePathCommitLog", store.rootDir().resolve(StoreFileNames.COMMIT_LOG_DIR).toString());
        p.put("mappedFileSizeCommitLog", String.valueOf(store.commitLog().segmentSizeBytes()));
        p.put("mappedFileSizeConsumeQueue", String.valueOf(store.consumeQueue().segmentSizeBytes()));
        p.put("maxMessageSize", String.valueOf(store.commitLog().maxMessageSizeBytes()));
        p.put("flushDiskType", config.flushMode().name());
        p.put("brokerRole", "ASYNC_MASTER");
        p.put("fileReservedTime", String.valueOf(store.retention().fileReservedMillis() / 3_600_000));
        p.put("diskSpaceCleanForciblyRatio",
                String.valueOf(Math.round(store.retention().diskForceCleanRatio() * 100)));
        p.put("messageDelayLevel", config.schedule().delayLevels());
        p.put("timerWheelEnable", "true");
        p.put("timerMaxDelaySec", String.valueOf(config.schedule().timerMaxDelayMillis() / 1000));
        // the store always seals records with the CRC property (docs/operations.md, "__CRC32#")
        p.put("enabledAppendPropCRC", "true");
    }
}
