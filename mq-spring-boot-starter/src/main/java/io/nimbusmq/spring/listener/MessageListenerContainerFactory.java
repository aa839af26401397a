package io.nimbusmq.spring.listener;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;

import io.nimbusmq.client.MqClient;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.spring.metrics.MqMetrics;
import io.nimbusmq.spring.support.MqMessageConverter;

/**
 * Creates the container of an endpoint: its consumer settings, and an invoker whose arguments are resolved by
 * spring-messaging ({@code @Payload}, {@code @Header}, {@code @Headers}, {@code Message<T>}) plus
 * {@link io.nimbusmq.client.ReceivedMessage} and batch {@code List<T>} parameters.
 */
public class MessageListenerContainerFactory {

    private final Function<MessageListenerEndpoint, MqClient> clients;
    private final ConsumerConfigFactory consumerConfigs;
    private final MqMessageConverter converter;
    private final Supplier<Producer> replyProducer;
    private final MqMetrics metrics;
    private final DefaultMessageHandlerMethodFactory singleMethods;
    private final DefaultMessageHandlerMethodFactory batchMethods;

    public MessageListenerContainerFactory(MqClient client, ConsumerConfigFactory consumerConfigs,
            MqMessageConverter converter, Supplier<Producer> replyProducer, MqMetrics metrics,
            BeanFactory beanFactory) {
        this(endpoint -> client, consumerConfigs, converter, replyProducer, metrics, beanFactory);
    }

    /** With the client of each endpoint chosen by {@code clients} (listeners with access keys of their own). */
    public MessageListenerContainerFactory(Function<MessageListenerEndpoint, MqClient> clients,
            ConsumerConfigFactory consumerConfigs, MqMessageConverter converter, Supplier<Producer> replyProducer,
            MqMetrics metrics, BeanFactory beanFactory) {
        this.clients = clients;
        this.consumerConfigs = consumerConfigs;
        this.converter = converter;
        this.replyProducer = replyProducer;
        this.metrics = metrics;
        this.singleMethods = methodFactory(List.of(new ReceivedMessageArgumentResolver()), beanFactory);
        this.batchMethods = methodFactory(List.of(new BatchPayloadArgumentResolver(converter)), beanFactory);
    }

    public MessageListenerContainer create(MessageListenerEndpoint endpoint) {
        DefaultMessageHandlerMethodFactory methods = endpoint.batch() ? batchMethods : singleMethods;
        InvocableHandlerMethod method = methods.createInvocableHandlerMethod(endpoint.bean(), endpoint.method());
        ListenerInvoker invoker = new ListenerInvoker(endpoint, method, converter, replyProducer, metrics);
        return new MessageListenerContainer(endpoint, consumerConfigs.create(endpoint), clients.apply(endpoint),
                invoker);
    }

    private DefaultMessageHandlerMethodFactory methodFactory(List<HandlerMethodArgumentResolver> custom,
            BeanFactory beanFactory) {
        DefaultMessageHandlerMethodFactory factory = new DefaultMessageHandlerMethodFactory();
        factory.setMessageConverter(converter.messageConverter());
        factory.setCustomArgumentResolvers(custom);
        if (beanFactory != null) {
            factory.setBeanFactory(beanFactory);
        }
        factory.afterPropertiesSet();
        return factory;
    }
}
