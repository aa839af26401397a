package io.nimbusmq.spring.autoconfigure;

import io.nimbusmq.client.producer.ProducerConfig;

/** Adjusts every producer's settings (the template's and transactional ones) after the properties are applied. */
@FunctionalInterface
public interface ProducerConfigCustomizer {

    void customize(String group, ProducerConfig.Builder builder);
}
