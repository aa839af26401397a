package io.nimbusmq.spring.autoconfigure;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

import io.micrometer.core.instrument.MeterRegistry;
import io.nimbusmq.client.MqClient;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.spring.annotation.MessageListenerAnnotationBeanPostProcessor;
import io.nimbusmq.spring.listener.ConsumerGroupConsistencyCheck;
import io.nimbusmq.spring.listener.ExceptionClassifier;
import io.nimbusmq.spring.listener.ListenerFailurePolicy;
import io.nimbusmq.spring.listener.MessageListenerContainerFactory;
import io.nimbusmq.spring.listener.MessageListenerContainerRegistry;
import io.nimbusmq.spring.listener.MessageListenerEndpointRegistrar;
import io.nimbusmq.spring.listener.MqBatchInterceptor;
import io.nimbusmq.spring.listener.MqDeadLetterHandler;
import io.nimbusmq.spring.listener.MqMessageInterceptor;
import io.nimbusmq.spring.metrics.ListenerLagMetrics;
import io.nimbusmq.spring.metrics.MqMetrics;
import io.nimbusmq.spring.metrics.MqObservations;
import io.nimbusmq.spring.support.MqMessageConverter;

/** The {@code @MessageListener} chain: post-processor, registrar, container factory, registry; listener lag. */
@Configuration(proxyBeanMethods = false)
class MqListenerConfiguration {

    /** The auto-configured container factory; {@code @MessageListener(containerFactory)} names others. */
    static final String DEFAULT_CONTAINER_FACTORY = "mqMessageListenerContainerFactory";

    /** {@code mq.listener.lag} gauges when the application has a MeterRegistry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class LagConfiguration {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        ListenerLagMetrics mqListenerLagMetrics(ObjectProvider<MeterRegistry> meterRegistry,
                MessageListenerContainerRegistry listeners, MqProperties properties) {
            return new ListenerLagMetrics(meterRegistry.getIfUnique(), listeners::containers,
                    properties.getListener().getLagInterval());
        }
    }

    @Bean
    static MessageListenerAnnotationBeanPostProcessor mqMessageListenerAnnotationBeanPostProcessor() {
        return new MessageListenerAnnotationBeanPostProcessor();
    }

    @Bean
    @ConditionalOnMissingBean
    MessageListenerEndpointRegistrar mqMessageListenerEndpointRegistrar(MqProperties properties) {
        MessageListenerEndpointRegistrar registrar = new MessageListenerEndpointRegistrar();
        registrar.setOverrides(new ListenerOverrides(properties.getListeners()));
        return registrar;
    }

    @Bean
    PropertiesConsumerConfigFactory mqConsumerConfigFactory(MqProperties properties,
            ObjectProvider<ConsumerConfigCustomizer> customizers, Environment environment,
            MessageListenerEndpointRegistrar registrar) {
        return new PropertiesConsumerConfigFactory(properties, customizers.orderedStream().toList(),
                MqClientConfiguration.applicationName(environment), registrar::connection,
                virtualThreads(environment));
    }

    /** Spring Boot's switch, which only takes effect on Java 21+ (as Boot's own {@code Threading.VIRTUAL}). */
    static boolean virtualThreads(Environment environment) {
        return environment.getProperty("spring.threads.virtual.enabled", Boolean.class, false)
                && Runtime.version().feature() >= 21;
    }

    /**
     * The default container factory, with the message and batch interceptor beans; {@link Primary}, so that other
     * factories (often {@code copy()}s of this one) can sit beside it.
     */
    @Bean(DEFAULT_CONTAINER_FACTORY)
    @Primary
    @ConditionalOnMissingBean(name = DEFAULT_CONTAINER_FACTORY)
    MessageListenerContainerFactory mqMessageListenerContainerFactory(MqClients clients, MqProperties properties,
            PropertiesConsumerConfigFactory consumerConfigs, MqMessageConverter converter, MqMetrics metrics,
            ObjectProvider<MqDeadLetterHandler> deadLetterHandlers, MqObservations observations,
            ObjectProvider<MqMessageInterceptor> interceptors, ObjectProvider<MqBatchInterceptor> batchInterceptors,
            BeanFactory beanFactory, MessageListenerEndpointRegistrar registrar,
            NamespacedProducers namespacedProducers) {
        MessageListenerContainerFactory factory = new MessageListenerContainerFactory(
                endpoint -> clients.client(registrar.connection(endpoint.group()).connection(),
                        properties.getListeners().get(endpoint.group()),
                        registrar.connection(endpoint.group()).namespace(),
                        "@MessageListener(" + endpoint.id() + ").connection"), consumerConfigs,
                converter,
                endpoint -> namespacedProducers.producer(registrar.connection(endpoint.group()).connection(),
                        registrar.connection(endpoint.group()).namespace(),
                        "@MessageListener(" + endpoint.id() + ").connection"), metrics,
                beanFactory);
        factory.setFailurePolicy(new ListenerFailurePolicy(new ExceptionClassifier(
                properties.getListener().getNotRetryableExceptions()), deadLetterHandlers.orderedStream().toList()));
        factory.setObservations(observations);
        interceptors.orderedStream().forEach(factory::addInterceptor);
        batchInterceptors.orderedStream().forEach(factory::addBatchInterceptor);
        return factory;
    }

    @Bean
    @ConditionalOnMissingBean
    MessageListenerContainerRegistry mqMessageListenerContainerRegistry(MessageListenerEndpointRegistrar registrar,
            PropertiesConsumerConfigFactory consumerConfigs, MqProperties properties, MqClient client,
            BeanFactory beanFactory) {
        return new MessageListenerContainerRegistry(registrar,
                name -> beanFactory.getBean(name.isEmpty() ? DEFAULT_CONTAINER_FACTORY : name,
                        MessageListenerContainerFactory.class),
                properties.getListener().getStartup(),
                properties.getConsumer().getShutdownTimeout(), consumerConfigs::isEnabled,
                properties.getConsumer().isCheckGroupConsistency() ? new ConsumerGroupConsistencyCheck(client) : null);
    }
}
