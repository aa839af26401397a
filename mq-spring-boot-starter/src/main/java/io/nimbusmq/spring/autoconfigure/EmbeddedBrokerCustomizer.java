package io.nimbusmq.spring.autoconfigure;

import io.nimbusmq.broker.EmbeddedBroker;

/** Adjusts the embedded broker (for example its clock) after the {@code mq.embedded.*} properties are applied. */
@FunctionalInterface
public interface EmbeddedBrokerCustomizer {

    void customize(EmbeddedBroker.Builder builder);
}
