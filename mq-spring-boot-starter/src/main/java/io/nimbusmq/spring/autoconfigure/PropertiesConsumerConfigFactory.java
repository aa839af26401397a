package io.nimbusmq.spring.autoconfigure;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.spring.listener.ConsumerConfigFactory;
import io.nimbusmq.spring.listener.ListenerConnectionSettings;
import io.nimbusmq.spring.listener.MessageListenerEndpoint;

/**
 * A listener's consumer settings: the annotation, then {@code mq.listeners.<group>.*} overrides, with
 * {@code mq.consumer.*} for what neither sets, then the {@link ConsumerConfigCustomizer}s. BROADCASTING offsets go to
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

    /** @param connections where the listener of a group connects and starts (its annotation's attributes) */
    PropertiesConsumerConfigFactory(MqProperties properties, List<ConsumerConfigCustomizer> customizers,
            String applicationName, Function<String, ListenerConnectionSettings> connections) {
        this.properties = properties;
        this.customizers = customizers;
        this.defaultOffsetStoreDir = defaultOffsetStoreDir(applicationName);
        this.connections = connections;
    }

    /** {@code ~/.nimbusmq/offsets/<spring.application.name>}. */
    static Path defaultOffsetStoreDir(String applicationName) {
        return Path.of(System.getProperty("user.home"), ".nimbusmq", "offsets", applicationName);
    }

    @Override
    public ConsumerConfig create(MessageListenerEndpoint endpoint) {
        MqProperties.Consumer defaults = properties.getConsumer();
        MqProperties.ListenerOverride override = properties.getListeners().get(endpoint.group());
        int threads = firstSet(override != null ? override.getConsumeThreads() : null, endpoint.consumeThreads(),
                defaults.getConsumeThreads());
        int maxReconsumeTimes = firstSet(override != null ? override.getMaxReconsumeTimes() : null,
                endpoint.maxReconsumeTimes(), defaults.getMaxReconsumeTimes());
        ListenerConnectionSettings start = connections.apply(endpoint.group());
        ConsumerConfig.Builder builder = ConsumerConfig.builder(endpoint.group())
                .subscribe(endpoint.subscription())
                .messageModel(endpoint.messageModel())
                .consumeMode(endpoint.consumeMode())
                .consumeFromWhere(start.consumeFromWhere() != null ? start.consumeFromWhere()
                        : defaults.getConsumeFromWhere())
                .consumeTimestamp(start.consumeTimestamp() != null ? start.consumeTimestamp()
                        : ListenerConnectionSettings.parseTimestamp("mq.consumer.consume-timestamp",
                                defaults.getConsumeTimestamp()))
                .maxReconsumeTimes(maxReconsumeTimes)
                .consumeThreads(threads)
                .pullBatchSize(Math.max(defaults.getPullBatchSize(), endpoint.batchSize()))
                .consumeBatchSize(endpoint.batchSize())
                .shutdownDrainTimeout(defaults.getShutdownTimeout());
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

    private static int firstSet(Integer override, int annotation, int fallback) {
        if (override != null) {
            return override;
        }
        return annotation >= 0 ? annotation : fallback;
    }
}
