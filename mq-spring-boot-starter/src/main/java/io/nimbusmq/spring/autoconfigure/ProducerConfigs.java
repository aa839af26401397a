package io.nimbusmq.spring.autoconfigure;

import java.util.List;

import io.nimbusmq.client.producer.ProducerConfig;

/** Producer settings of a group: {@code mq.producer.*}, then the {@link ProducerConfigCustomizer}s. */
final class ProducerConfigs {

    private final MqProperties.Producer properties;
    private final List<ProducerConfigCustomizer> customizers;
    private final String defaultGroup;

    ProducerConfigs(MqProperties.Producer properties, List<ProducerConfigCustomizer> customizers,
            String applicationName) {
        this.properties = properties;
        this.customizers = customizers;
        this.defaultGroup = properties.getGroup() != null ? properties.getGroup() : applicationName + "-producer";
    }

    String defaultGroup() {
        return defaultGroup;
    }

    String transactionGroup() {
        return properties.getTransactionGroup() != null ? properties.getTransactionGroup() : defaultGroup + "-tx";
    }

    ProducerConfig forGroup(String group) {
        ProducerConfig.Builder builder = ProducerConfig.builder(group)
                .sendTimeout(properties.getSendTimeout())
                .retryTimesWhenSendFailed(properties.getRetryTimesWhenSendFailed())
                .retryTimesWhenSendAsyncFailed(properties.getRetryTimesWhenSendAsyncFailed())
                .compressThreshold((int) properties.getCompressThreshold().toBytes())
                .maxMessageSize((int) properties.getMaxMessageSize().toBytes());
        customizers.forEach(customizer -> customizer.customize(group, builder));
        return builder.build();
    }
}
