package io.nimbusmq.spring.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.nimbusmq.client.MqClient;
import io.nimbusmq.spring.actuate.Boot3MqHealthIndicator;
import io.nimbusmq.spring.actuate.Boot4MqHealthIndicator;
import io.nimbusmq.spring.actuate.MqHealth;
import io.nimbusmq.spring.actuate.MqListenersEndpoint;
import io.nimbusmq.spring.listener.MessageListenerContainerRegistry;

/**
 * With Spring Boot Actuator: the {@code mq} health indicator and the {@code mqlisteners} endpoint. Health moved
 * packages between Boot 3 ({@code org.springframework.boot.actuate.health}) and Boot 4
 * ({@code org.springframework.boot.health.contributor}); one small indicator per generation, each behind
 * {@code @ConditionalOnClass}, turns the Boot-neutral {@link MqHealth} into its {@code Health}.
 * {@code management.health.mq.enabled=false} switches the indicator off.
 */
@AutoConfiguration(after = MqAutoConfiguration.class)
@ConditionalOnBean(MqClient.class)
public class MqActuatorAutoConfiguration {

    static final String BOOT4_HEALTH = "org.springframework.boot.health.contributor.HealthIndicator";
    static final String BOOT3_HEALTH = "org.springframework.boot.actuate.health.HealthIndicator";

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "management.health.mq.enabled", matchIfMissing = true)
    static class Health {

        @Bean
        @ConditionalOnMissingBean
        MqHealth mqHealth(MqClient client, ObjectProvider<MessageListenerContainerRegistry> listeners,
                MqProperties properties) {
            return new MqHealth(client, listeners.getIfAvailable(), properties.getClient().getRequestTimeout());
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = BOOT4_HEALTH)
        static class Boot4 {

            @Bean
            @ConditionalOnMissingBean(name = "mqHealthIndicator")
            Boot4MqHealthIndicator mqHealthIndicator(MqHealth health) {
                return new Boot4MqHealthIndicator(health);
            }
        }

        /** Boot 3.5; where Boot 4's health API is present too, that is Boot 4's and its indicator is used. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = BOOT3_HEALTH)
        @ConditionalOnMissingClass(BOOT4_HEALTH)
        static class Boot3 {

            @Bean
            @ConditionalOnMissingBean(name = "mqHealthIndicator")
            Boot3MqHealthIndicator mqHealthIndicator(MqHealth health) {
                return new Boot3MqHealthIndicator(health);
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    @ConditionalOnBean(MessageListenerContainerRegistry.class)
    static class ListenersEndpoint {

        @Bean
        @ConditionalOnMissingBean
        MqListenersEndpoint mqListenersEndpoint(MessageListenerContainerRegistry registry) {
            return new MqListenersEndpoint(registry);
        }
    }
}
