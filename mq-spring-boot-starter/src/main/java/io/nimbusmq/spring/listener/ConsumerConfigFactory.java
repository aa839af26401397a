package io.nimbusmq.spring.listener;

import io.nimbusmq.client.consumer.ConsumerConfig;

/** Builds the push consumer settings of an endpoint (the auto-configuration applies properties and customizers). */
@FunctionalInterface
public interface ConsumerConfigFactory {

    ConsumerConfig create(MessageListenerEndpoint endpoint);
}
