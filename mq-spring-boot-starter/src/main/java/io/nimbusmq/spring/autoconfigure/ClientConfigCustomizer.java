package io.nimbusmq.spring.autoconfigure;

import io.nimbusmq.client.ClientConfig;

/** Adjusts the client settings after the {@code mq.client.*} properties are applied. */
@FunctionalInterface
public interface ClientConfigCustomizer {

    void customize(ClientConfig.Builder builder);
}
