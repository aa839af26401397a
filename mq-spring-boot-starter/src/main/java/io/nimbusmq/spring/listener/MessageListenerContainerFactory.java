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
 * {@link io.nimbusmq.client.ReceivedMessage}, {@link Acknowledgement} and batch {@code List<T>} parameters.
 *
 * <p>An application may have several, with different {@link #setDefaults defaults} and interceptors, chosen by
 * {@code @MessageListener(containerFactory = "beanName")}; {@link #copy()} of the auto-configured one
 * ({@code mqMessageListenerContainerFactory}) starts from everything it has:
 *
 * <pre>{@code
 * @Bean
 * MessageListenerContainerFactory bulkListeners(MessageListenerContainerFactory mqMessageListenerContainerFactory) {
 *     MessageListenerContainerFactory factory = mqMessageListenerContainerFactory.copy();
 *     factory.setDefaults(ListenerSettings.builder().consumeThreads(4).rateLimit(200.0).build());
 *     factory.addInterceptor(new TenantInterceptor());
 *     return factory;
 * }
 * }</pre>
 */
public class MessageListenerContainerFactory {

    /** The client's default for CONCURRENTLY consumers. */
    static final int DEFAULT_MAX_RECONSUME_TIMES = 16;

    private final Function<MessageListenerEndpoint, MqClient> clients;
    private final ConsumerConfigFactory consumerConfigs;
    private final MqMessageConverter converter;
    private final Function<MessageListenerEndpoint, Producer> replyProducers;
    private final MqMetrics metrics;
    private final BeanFactory beanFactory;
    private ListenerFailurePolicy failurePolicy = ListenerFailurePolicy.defaults();
    private MqObservations observations = MqObservations.NONE;
    private ListenerSettings defaults = ListenerSettings.NONE;
    private ListenerInterceptors interceptors = ListenerInterceptors.NONE;
    private final DefaultMessageHandlerMethodFactory singleMethods;
    private final DefaultMessageHandlerMethodFactory batchMethods;

    public MessageListenerContainerFactory(MqClient client, ConsumerConfigFactory consumerConfigs,
            MqMessageConverter converter, Supplier<Producer> replyProducer, MqMetrics metrics,
            BeanFactory beanFactory) {
        this(endpoint -> client, consumerConfigs, converter, endpoint -> replyProducer.get(), metrics, beanFactory);
    }

    /**
     * With the client of each endpoint chosen by {@code clients} (listeners with a connection, access key or
     * namespace of their own), and the producer its replies go through chosen by {@code replyProducers} (asked
     * at each reply).
     */
    public MessageListenerContainerFactory(Function<MessageListenerEndpoint, MqClient> clients,
            ConsumerConfigFactory consumerConfigs, MqMessageConverter converter,
            Function<MessageListenerEndpoint, Producer> replyProducers, MqMetrics metrics, BeanFactory beanFactory) {
        this.clients = clients;
        this.consumerConfigs = consumerConfigs;
        this.converter = converter;
        this.replyProducers = replyProducers;
        this.metrics = metrics;
        this.beanFactory = beanFactory;
        this.singleMethods = methodFactory(List.of(new ReceivedMessageArgumentResolver(),
                new AcknowledgementArgumentResolver()), beanFactory);
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

    /**
     * The settings of this factory's listeners where neither {@code mq.listeners.<group>.*} nor the annotation sets
     * them (then {@code mq.consumer.*} and the client's defaults apply).
     *
     * @throws InvalidListenerSettingException for a bad value
     */
    public void setDefaults(ListenerSettings defaults) {
        this.defaults = defaults.validate(setting -> "container factory default " + setting);
    }

    public ListenerSettings getDefaults() {
        return defaults;
    }

    /** Runs around each call of this factory's (non-batch) listeners, after the ones added before. */
    public void addInterceptor(MqMessageInterceptor interceptor) {
        interceptors = interceptors.plus(interceptor);
    }

    /** Runs around each call of this factory's batch listeners, after the ones added before. */
    public void addBatchInterceptor(MqBatchInterceptor interceptor) {
        interceptors = interceptors.plus(interceptor);
    }

    /** A factory with this one's clients, converter, failure policy, observations, defaults and interceptors. */
    public MessageListenerContainerFactory copy() {
        MessageListenerContainerFactory copy = new MessageListenerContainerFactory(clients, consumerConfigs,
                converter, replyProducers, metrics, beanFactory);
        copy.failurePolicy = failurePolicy;
        copy.observations = observations;
        copy.defaults = defaults;
        copy.interceptors = interceptors;
        return copy;
    }

    /** A container for the endpoint, its settings completed with this factory's defaults. */
    public MessageListenerContainer create(MessageListenerEndpoint listener) {
        MessageListenerEndpoint endpoint = listener.withSettings(listener.settings().orElse(defaults));
        DefaultMessageHandlerMethodFactory methods = endpoint.batch() ? batchMethods : singleMethods;
        InvocableHandlerMethod method = methods.createInvocableHandlerMethod(endpoint.bean(), endpoint.method());
        ConsumerConfig config = consumerConfigs.create(endpoint);
        ListenerFailures failures = new ListenerFailures(endpoint, failurePolicy, maxReconsumeTimes(config),
                metrics);
        ListenerActivity activity = new ListenerActivity(System::nanoTime);
        ListenerInvoker invoker = new ListenerInvoker(endpoint, method, converter,
                () -> replyProducers.apply(endpoint), metrics,
                observations, errorHandler(endpoint), failures, interceptors, activity);
        return new MessageListenerContainer(endpoint, config, clients.apply(endpoint), invoker, activity);
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
