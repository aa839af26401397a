package io.nimbusmq.spring.autoconfigure;

import java.util.List;

import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.spring.listener.ConsumerConfigFactory;
import io.nimbusmq.spring.listener.MessageListenerEndpoint;

/**
 * A listener's consumer settings: the annotation, then {@code mq.listeners.<group>.*} overrides, with
 * {@code mq.consumer.*} for what neither sets, then the {@link ConsumerConfigCustomizer}s.
 */
final class PropertiesConsumerConfigFactory implements ConsumerConfigFactory {

    private final MqProperties properties;
    private final List<ConsumerConfigCustomizer> customizers;

    PropertiesConsumerConfigFactory(MqProperties properties, List<ConsumerConfigCustomizer> customizers) {
        this.properties = properties;
        this.customizers = customizers;
    }

    @Override
    public ConsumerConfig create(MessageListenerEndpoint endpoint) {
        MqProperties.Consumer defaults = properties.getConsumer();
        MqProperties.ListenerOverride override = properties.getListeners().get(endpoint.group());
        int threads = firstSet(override != null ? override.getConsumeThreads() : null, endpoint.consumeThreads(),
                defaults.getConsumeThreads());
        int maxReconsumeTimes = firstSet(override != null ? override.getMaxReconsumeTimes() : null,
                endpoint.maxReconsumeTimes(), defaults.getMaxReconsumeTimes());
        ConsumerConfig.Builder builder = ConsumerConfig.builder(endpoint.group())
                .subscribe(endpoint.subscription())
                .messageModel(endpoint.messageModel())
                .consumeMode(endpoint.consumeMode())
                .consumeFromWhere(defaults.getConsumeFromWhere())
                .maxReconsumeTimes(maxReconsumeTimes)
                .consumeThreads(threads)
                .pullBatchSize(Math.max(defaults.getPullBatchSize(), endpoint.batchSize()))
                .consumeBatchSize(endpoint.batchSize())
                .shutdownDrainTimeout(defaults.getShutdownTimeout());
        if (defaults.getOffsetStoreDir() != null) {
            builder.offsetStoreDir(defaults.getOffsetStoreDir());
        }
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
