package io.nimbusmq.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.aot.hint.annotation.Reflective;
import org.springframework.stereotype.Component;

import io.nimbusmq.client.consumer.ConsumeMode;
import io.nimbusmq.client.consumer.SelectorType;
import io.nimbusmq.remoting.protocol.body.client.MessageModel;

/**
 * Consumes a topic with a push consumer of its own consumer group.
 *
 * <p>On a method of any bean: the method's parameters may be the payload (converted to the parameter's type,
 * generics included; optionally {@code @Payload}), {@code @Header("name")} values (message properties and the
 * {@code mq_*} headers of {@link io.nimbusmq.spring.support.MqHeaders}), {@code @Headers Map},
 * {@code org.springframework.messaging.Message<T>} and {@link io.nimbusmq.client.ReceivedMessage}.
 *
 * <pre>{@code
 * @MessageListener(topic = "orders", consumerGroup = "billing", selectorExpression = "created || paid")
 * void onOrder(OrderDto order, @Header(MqHeaders.KEYS) String keys) { ... }
 * }</pre>
 *
 * <p>On a class implementing {@link io.nimbusmq.spring.core.MqListener}, {@link io.nimbusmq.spring.core.MqReplyListener}
 * or {@link io.nimbusmq.spring.core.MqBatchListener}: its {@code onMessage}/{@code onMessages} method. The annotation
 * is a {@link Component @Component}, so component scanning makes such a class a bean without another stereotype; on
 * a method it changes nothing about its class (which must be a bean for its listeners to run).
 *
 * <pre>{@code
 * @MessageListener(topic = "orders", consumerGroup = "shipping")
 * class Shipping implements MqListener<OrderDto> {
 *     public void onMessage(OrderDto order) { ... }
 * }
 * }</pre>
 *
 * <p>An exception means retry: the message comes back later (CONCURRENTLY, after {@link #retryDelays()}) or the queue
 * pauses and retries (ORDERLY, after {@link #suspendTime()}), up to {@link #maxReconsumeTimes()}, then goes to the
 * group's dead-letter topic. A {@code DeadLetterNowException} sends the message there at once; a batch listener names
 * the message that failed with a {@code BatchListenerFailedException}, and the ones before it are acknowledged. Failures that cannot
 * succeed on a retry (a payload that does not convert, a validation failure,
 * {@code mq.listener.not-retryable-exceptions}) go to the dead-letter topic at once. A non-void return value answers a request sent with
 * {@code MqTemplate.sendAndReceive}.
 *
 * <p>String attributes accept {@code ${...}} placeholders and {@code #{...}} SpEL expressions; numbers and durations
 * are written as strings ({@code consumeThreads = "${orders.threads:4}"}, {@code consumeTimeout = "30s"}), and a
 * value that is not one fails the start-up, naming the attribute and the value. Properties
 * {@code mq.listeners.<group>.*} override the attributes (kebab-case: {@code consume-threads}, {@code rate-limit},
 * {@code selector-expression}, ...), and {@code mq.listeners.<group>.enabled=false} switches a listener off. Every
 * listener's group must be used by no other listener in the application: the context fails to start otherwise,
 * rather than lose messages to a group whose members subscribe differently.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
@Reflective(MessageListenerReflectiveProcessor.class)
public @interface MessageListener {

    /**
     * The listener's id, by which it is paused, resumed, stopped and started (from code through
     * {@code MessageListenerContainerRegistry}, or the {@code mqlisteners} Actuator endpoint); defaults to
     * {@code beanName#method}.
     */
    String id() default "";

    /** The topic to consume; or leave it empty and list {@link #subscriptions()}. */
    String topic() default "";

    /**
     * Several topics, each with its own selector, consumed by this one listener and its group (instead of
     * {@link #topic()}, {@link #selectorType()} and {@link #selectorExpression()}).
     */
    TopicSubscription[] subscriptions() default {};

    /** The consumer group; defaults to {@code <spring.application.name>-<topic>} (the first topic). */
    String consumerGroup() default "";

    SelectorType selectorType() default SelectorType.TAG;

    /** {@code *}, {@code tagA || tagB}, or for SQL92 a condition such as {@code region = 'eu' AND amount > 100}. */
    String selectorExpression() default "*";

    MessageModel messageModel() default MessageModel.CLUSTERING;

    ConsumeMode consumeMode() default ConsumeMode.CONCURRENTLY;

    /** Retries before dead-lettering; default {@code mq.consumer.max-reconsume-times} (16 concurrently). */
    String maxReconsumeTimes() default "";

    /**
     * CONCURRENTLY: the delay of each retry, the last one repeating, as delay levels ({@code "3, 5, 9"}) or durations
     * ({@code "10s, 1m, 10m"}, rounded up to the broker's delay levels; see {@code RetryDelays}); default the broker's
     * choice, level 3 + the number of retries so far (10 s, 30 s, 1 min, 2 min, ...).
     */
    String retryDelays() default "";

    /** ORDERLY: how long a queue pauses before a failed message is retried (1s by default). */
    String suspendTime() default "";

    /** Handler threads; default {@code mq.consumer.consume-threads} (20). */
    String consumeThreads() default "";

    /** A batch listener: its payload parameter is a {@code List} of up to {@link #batchSize()} messages. */
    boolean batch() default false;

    /** Messages per call of a batch listener (of one queue); 16 by default. */
    String batchSize() default "";

    /**
     * How long one call may take before a {@code ListenerNotResponsiveEvent}, and how long a deferred
     * {@code Acknowledgement} is waited for before the message is retried; 15m by default.
     */
    String consumeTimeout() default "";

    /** Pause after each pull that found messages, per queue; 0 by default. */
    String pullInterval() default "";

    /** At most this many messages per second go to the listener (all its queues together); no limit by default. */
    String rateLimit() default "";

    /** A queue is not pulled while this many of its messages wait (1000 by default). */
    String pullThresholdForQueue() default "";

    /** A queue is not pulled while this many MiB of its messages wait (100 by default). */
    String pullThresholdSizeForQueueMib() default "";

    /** A {@code ListenerIdleEvent} after this long without a message (and again after each further period). */
    String idleEventInterval() default "";

    /**
     * The bean name of the {@link io.nimbusmq.spring.listener.MessageListenerContainerFactory} that creates this
     * listener, with its defaults and interceptors; empty for the auto-configured one.
     */
    String containerFactory() default "";

    /**
     * The bean name of a {@link io.nimbusmq.spring.listener.MqListenerErrorHandler} that sees this listener's
     * failures first (it may consume the message, reply, or let the failure through); empty for none.
     */
    String errorHandler() default "";

    /**
     * Whether the listener starts with the others ({@code mq.listener.startup}); false: only when started by its id.
     * Accepts a {@code ${...}} placeholder resolving to true or false.
     */
    String autoStartup() default "true";

    /**
     * The connection to consume from, a name of {@code mq.connections.<name>} (another cluster, namespace or
     * credentials); empty for the default connection. An unknown name fails the start.
     */
    String connection() default "";

    /**
     * The RocketMQ namespace of this listener's topics and group ({@code ns%topic}, {@code ns%group} and
     * {@code %RETRY%ns%group} on the wire), as rocketmq-spring's {@code @RocketMQMessageListener(namespace)}: the
     * listener still sees its own names. Empty for its connection's namespace ({@code mq.namespace} or
     * {@code mq.connections.<name>.namespace}). Letters, digits, '_' and '-'; anything else fails the start.
     */
    String namespace() default "";

    /**
     * Where the group's queues start when it has no offset yet: {@code LAST_OFFSET}, {@code FIRST_OFFSET} or
     * {@code TIMESTAMP}; empty for {@code mq.consumer.consume-from-where}.
     */
    String consumeFromWhere() default "";

    /**
     * With {@code TIMESTAMP}: an ISO-8601 instant or RocketMQ's {@code yyyyMMddHHmmss}; empty for
     * {@code mq.consumer.consume-timestamp}, else 30 minutes before the listener starts.
     */
    String consumeTimestamp() default "";
}
