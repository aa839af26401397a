package io.nimbusmq.spring.autoconfigure;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.spring.listener.ConsumerConfigFactory;
import io.nimbusmq.spring.listener.ListenerConnectionSettings;
import io.nimbusmq.spring.listener.ListenerSettings;
import io.nimbusmq.spring.listener.MessageListenerEndpoint;

/**
 * A listener's consumer settings: its {@link ListenerSettings} (its {@code mq.listeners.<group>.*} overrides, its
 * annotation and its container factory's defaults, already merged), {@code mq.consumer.*} and the client's defaults for
 * what they do not set, then the {@link ConsumerConfigCustomizer}s. With {@code spring.threads.virtual.enabled=true}
 * on Java 21+, handlers run on virtual threads (as many at once as {@code consumeThreads}). BROADCASTING offsets go to
 * {@code <mq.consumer.offset-store-dir>/<group>/<mq.client.instance-name or "default">/offsets.json}, the directory
 * defaulting to {@code ~/.nimbusmq/offsets/<spring.application.name>}: a restarted application finds them again.
 */
final class PropertiesConsumerConfigFactory implements ConsumerConfigFactory {

    /** The BROADCASTING offset name when {@code mq.client.instance-name} is not set (the default one has a pid). */
    static final String DEFAULT_OFFSET_STORE_NAME = "default";

    private final MqProperties properties;
    private final List<ConsumerConfigCustomizer> customizers;
    private final Path defaultOffsetStoreDir;
    private final Function<String, ListenerConnectionSettings> connections;
    private final boolean virtualThreads;

    /**
     * @param connections    where the listener of a group connects and starts (its annotation's attributes)
     * @param virtualThreads consume on virtual threads ({@code spring.threads.virtual.enabled}, Java 21+)
     */
    PropertiesConsumerConfigFactory(MqProperties properties, List<ConsumerConfigCustomizer> customizers,
            String applicationName, Function<String, ListenerConnectionSettings> connections, boolean virtualThreads) {
        this.properties = properties;
        this.customizers = customizers;
        this.defaultOffsetStoreDir = defaultOffsetStoreDir(applicationName);
        this.connections = connections;
        this.virtualThreads = virtualThreads;
    }

    /** {@code ~/.nimbusmq/offsets/<spring.application.name>}. */
    static Path defaultOffsetStoreDir(String applicationName) {
        return Path.of(System.getProperty("user.home"), ".nimbusmq", "offsets", applicationName);
    }

    @Override
    public ConsumerConfig create(MessageListenerEndpoint endpoint) {
        MqProperties.Consumer defaults = properties.getConsumer();
        ListenerSettings settings = endpoint.settings();
        ListenerConnectionSettings start = connections.apply(endpoint.group());
        ConsumerConfig.Builder builder = ConsumerConfig.builder(endpoint.group())
                .messageModel(endpoint.messageModel())
                .consumeMode(endpoint.consumeMode())
                .consumeFromWhere(start.consumeFromWhere() != null ? start.consumeFromWhere()
                        : defaults.getConsumeFromWhere())
                .consumeTimestamp(start.consumeTimestamp() != null ? start.consumeTimestamp()
                        : ListenerConnectionSettings.parseTimestamp("mq.consumer.consume-timestamp",
                                defaults.getConsumeTimestamp()))
                .maxReconsumeTimes(first(settings.maxReconsumeTimes(), defaults.getMaxReconsumeTimes()))
                .consumeThreads(first(settings.consumeThreads(), defaults.getConsumeThreads()))
                .pullBatchSize(Math.max(defaults.getPullBatchSize(), endpoint.batchSize()))
                .consumeBatchSize(endpoint.batchSize())
                .shutdownDrainTimeout(defaults.getShutdownTimeout())
                .consumeTimeout(settings.effectiveConsumeTimeout())
                .virtualThreads(virtualThreads);
        endpoint.subscriptions().forEach(builder::subscribe);
        if (settings.pullInterval() != null) {
            builder.pullInterval(settings.pullInterval());
        }
        if (settings.rateLimit() != null) {
            builder.consumeRateLimit(settings.rateLimit());
        }
        if (settings.pullThresholdForQueue() != null) {
            builder.pullThresholdForQueue(settings.pullThresholdForQueue());
        }
        if (settings.pullThresholdSizeForQueueMib() != null) {
            builder.pullThresholdSizeForQueueMiB(settings.pullThresholdSizeForQueueMib());
        }
        if (settings.suspendTime() != null) {
            builder.suspendCurrentQueueTime(settings.suspendTime());
        }
        if (settings.retryDelayLevels() != null) {
            builder.retryDelayLevels(settings.retryDelayLevels());
        }
        String instanceName = properties.getClient().getInstanceName();
        builder.offsetStoreDir(defaults.getOffsetStoreDir() != null ? defaults.getOffsetStoreDir()
                : defaultOffsetStoreDir)
                .offsetStoreName(instanceName != null ? instanceName : DEFAULT_OFFSET_STORE_NAME);
        customizers.forEach(customizer -> customizer.customize(endpoint, builder));
        return builder.build();
    }

    boolean isEnabled(MessageListenerEndpoint endpoint) {
        MqProperties.ListenerOverride override = properties.getListeners().get(endpoint.group());
        return override == null || override.isEnabled();
    }

    private static int first(Integer value, int fallback) {
        return value != null ? value : fallback;
    }
}
