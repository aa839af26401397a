package io.nimbusmq.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.nimbusmq.client.consumer.SelectorType;

/**
 * One topic of a {@link MessageListener} that consumes several, with its own selector:
 *
 * <pre>{@code
 * @MessageListener(consumerGroup = "audit", subscriptions = {
 *         @TopicSubscription(topic = "orders", selectorExpression = "created || paid"),
 *         @TopicSubscription(topic = "refunds", selectorType = SelectorType.SQL92, selectorExpression = "amount > 100")})
 * void audit(String event, @Header(MqHeaders.TOPIC) String topic) { ... }
 * }</pre>
 * Strings accept {@code ${...}} placeholders and {@code #{...}} expressions.
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TopicSubscription {

    String topic();

    SelectorType selectorType() default SelectorType.TAG;

    String selectorExpression() default "*";
}
