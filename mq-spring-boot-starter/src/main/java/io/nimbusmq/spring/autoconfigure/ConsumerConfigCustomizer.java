package io.nimbusmq.spring.autoconfigure;

import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.spring.listener.MessageListenerEndpoint;

/** Adjusts a listener's consumer settings after the annotation and the properties are applied. */
@FunctionalInterface
public interface ConsumerConfigCustomizer {

    void customize(MessageListenerEndpoint endpoint, ConsumerConfig.Builder builder);
}
