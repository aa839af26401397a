package io.nimbusmq.spring.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.store.flush.FlushMode;

/**
 * An embedded broker (with its name server) inside the application when {@code mq.name-server} is not set, or when
 * {@code mq.embedded.enabled=true}: the application starts with zero set-up. Logged as a development broker.
 */
@AutoConfiguration
@ConditionalOnClass(EmbeddedBroker.class)
@Conditional(EmbeddedBrokerCondition.class)
@EnableConfigurationProperties(MqProperties.class)
public class MqEmbeddedBrokerAutoConfiguration {

    public MqEmbeddedBrokerAutoConfiguration() {
        SpringBootVersions.check();
    }

    @Bean
    @ConditionalOnMissingBean
    DevBroker mqEmbeddedBroker(MqProperties properties, ObjectProvider<EmbeddedBrokerCustomizer> customizers) {
        MqProperties.Embedded embedded = properties.getEmbedded();
        EmbeddedBroker.Builder builder = EmbeddedBroker.builder().port(embedded.getPort())
                .bindHost(embedded.getBindHost()).flushMode(FlushMode.valueOf(embedded.getFlushMode().name()));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return new DevBroker(builder, embedded.getStoreDir(), embedded.getTopics());
    }

    @Bean
    @ConditionalOnMissingBean(MqConnectionDetails.class)
    MqConnectionDetails mqEmbeddedConnectionDetails(DevBroker broker) {
        return broker::address;
    }
}
