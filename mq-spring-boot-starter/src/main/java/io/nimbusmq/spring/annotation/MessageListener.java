package io.nimbusmq.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

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
 * <p>An exception means retry: the message comes back later (CONCURRENTLY) or the queue pauses and retries
 * (ORDERLY), up to {@link #maxReconsumeTimes()}, then goes to the group's dead-letter topic. Failures that cannot
 * succeed on a retry (a payload that does not convert, a validation failure,
 * {@code mq.listener.not-retryable-exceptions}) go to the dead-letter topic at once. A non-void return value answers a request sent with
 * {@code MqTemplate.sendAndReceive}.
 *
 * <p>String attributes accept {@code ${...}} placeholders. Every listener's group must be used by no other listener
 * in the application: the context fails to start otherwise, rather than lose messages to a group whose members
 * subscribe differently. {@code mq.listeners.<group>.enabled=false} switches a listener off.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface MessageListener {

    /**
     * The listener's id, by which it is paused, resumed, stopped and started (from code through
     * {@code MessageListenerContainerRegistry}, or the {@code mqlisteners} Actuator endpoint); defaults to
     * {@code beanName#method}.
     */
    String id() default "";

    /** The topic to consume. */
    String topic();

    /** The consumer group; defaults to {@code <spring.application.name>-<topic>}. */
    String consumerGroup() default "";

    SelectorType selectorType() default SelectorType.TAG;

    /** {@code *}, {@code tagA || tagB}, or for SQL92 a condition such as {@code region = 'eu' AND amount > 100}. */
    String selectorExpression() default "*";

    MessageModel messageModel() default MessageModel.CLUSTERING;

    ConsumeMode consumeMode() default ConsumeMode.CONCURRENTLY;

    /** Retries before dead-lettering; -1 for {@code mq.consumer.max-reconsume-times} (16 concurrently). */
    int maxReconsumeTimes() default -1;

    /** Handler threads; -1 for {@code mq.consumer.consume-threads} (20). */
    int consumeThreads() default -1;

    /** A batch listener: its payload parameter is a {@code List} of up to {@link #batchSize()} messages. */
    boolean batch() default false;

    /** Messages per call of a batch listener (of one queue). */
    int batchSize() default 16;

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
