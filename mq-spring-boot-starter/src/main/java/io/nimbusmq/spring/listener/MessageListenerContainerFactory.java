package io.nimbusmq.spring.listener;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;

import io.nimbusmq.client.MqClient;
import io.nimbusmq.client.consumer.ConsumeMode;
import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.spring.metrics.MqMetrics;
import io.nimbusmq.spring.metrics.MqObservations;
import io.nimbusmq.spring.support.MqMessageConverter;

/**
 * Creates the container of an endpoint: its consumer settings, and an invoker whose arguments are resolved by
 * spring-messaging ({@code @Payload}, {@code @Header}, {@code @Headers}, {@code Message<T>}) plus
 * {@link io.nimbusmq.client.ReceivedMessage} and batch {@code List<T>} parameters.
 */
public class MessageListenerContainerFactory {

    /** The client's default for CONCURRENTLY consumers. */
    static final int DEFAULT_MAX_RECONSUME_TIMES = 16;

    private final Function<MessageListenerEndpoint, MqClient> clients;
    private final ConsumerConfigFactory consumerConfigs;
    private final MqMessageConverter converter;
    private final Supplier<Producer> replyProducer;
    private final MqMetrics metrics;
    private final BeanFactory beanFactory;
    private ListenerFailurePolicy failurePolicy = ListenerFailurePolicy.defaults();
    private MqObservations observations = MqObservations.NONE;
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
        this.beanFactory = beanFactory;
        this.singleMethods = methodFactory(List.of(new ReceivedMessageArgumentResolver()), beanFactory);
        this.batchMethods = methodFactory(List.of(new BatchPayloadArgumentResolver(converter)), beanFactory);
    }

    /** Which failures are not retried and who hears of dead letters; the defaults until set. */
    public void setFailurePolicy(ListenerFailurePolicy failurePolicy) {
        this.failurePolicy = failurePolicy;
    }

    /** Observes each listener call, continuing the sender's trace; none by default. */
    public void setObservations(MqObservations observations) {
        this.observations = observations;
    }

    public MessageListenerContainer create(MessageListenerEndpoint endpoint) {
        DefaultMessageHandlerMethodFactory methods = endpoint.batch() ? batchMethods : singleMethods;
        InvocableHandlerMethod method = methods.createInvocableHandlerMethod(endpoint.bean(), endpoint.method());
        ConsumerConfig config = consumerConfigs.create(endpoint);
        ListenerFailures failures = new ListenerFailures(endpoint, failurePolicy, maxReconsumeTimes(config),
                metrics);
        ListenerInvoker invoker = new ListenerInvoker(endpoint, method, converter, replyProducer, metrics,
                observations, errorHandler(endpoint), failures);
        return new MessageListenerContainer(endpoint, config, clients.apply(endpoint), invoker);
    }

    /** The configured maximum, else the client's default: 16 concurrently, unbounded orderly. */
    static int maxReconsumeTimes(ConsumerConfig config) {
        if (config.maxReconsumeTimes() >= 0) {
            return config.maxReconsumeTimes();
        }
        return config.consumeMode() == ConsumeMode.ORDERLY ? Integer.MAX_VALUE : DEFAULT_MAX_RECONSUME_TIMES;
    }

    private MqListenerErrorHandler errorHandler(MessageListenerEndpoint endpoint) {
        if (endpoint.errorHandler().isEmpty()) {
            return null;
        }
        if (beanFactory == null) {
            throw new IllegalStateException("listener " + endpoint.id() + " names error handler "
                    + endpoint.errorHandler() + " but there is no bean factory to find it in");
        }
        return beanFactory.getBean(endpoint.errorHandler(), MqListenerErrorHandler.class);
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
