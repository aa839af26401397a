package io.nimbusmq.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

import io.nimbusmq.client.MqClient;

/**
 * Nimbus MQ for a Spring Boot application: the client ({@link MqClientConfiguration}), the template and
 * transactional producers ({@link MqProducerConfiguration}) and {@code @MessageListener} containers
 * ({@link MqListenerConfiguration}). Every bean backs off when the application declares its own.
 */
@AutoConfiguration(after = MqEmbeddedBrokerAutoConfiguration.class,
        afterName = {"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
                "org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration"})
@ConditionalOnClass(MqClient.class)
@EnableConfigurationProperties(MqProperties.class)
@Import({MqClientConfiguration.class, MqProducerConfiguration.class, MqListenerConfiguration.class,
        MqAdminConfiguration.class})
public class MqAutoConfiguration {

    public MqAutoConfiguration() {
        SpringBootVersions.check();
    }
}
