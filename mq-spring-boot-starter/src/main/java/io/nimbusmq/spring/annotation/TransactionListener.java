package io.nimbusmq.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.stereotype.Component;

/**
 * Marks a class implementing {@link io.nimbusmq.spring.core.MqTransactionListener} and binds it to topics and a
 * producer group. An application may have several: each topic is bound to one listener, and a listener bound to no
 * topic handles every other topic of its producer group. It is a {@link Component @Component}: component scanning
 * makes the class a bean, as rocketmq-spring's {@code @RocketMQTransactionListener} does.
 *
 * <pre>{@code
 * @TransactionListener(topics = "orders")
 * class OrderTransactions implements MqTransactionListener<OrderDto> { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface TransactionListener {

    /** The topics whose transactional sends this listener runs and checks; none: any topic not bound elsewhere. */
    String[] topics() default {};

    /** The transactional producer group; defaults to {@code mq.producer.transaction-group}. */
    String producerGroup() default "";
}
