package io.nimbusmq.spring.listener;

import java.lang.reflect.Method;
import java.util.Objects;

import io.nimbusmq.client.consumer.ConsumeMode;
import io.nimbusmq.client.consumer.SelectorType;
import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.remoting.protocol.body.client.MessageModel;

/**
 * One {@code @MessageListener}, placeholders resolved: what to consume, how, and the method to call.
 *
 * @param id                 a readable name, {@code beanName#method}
 * @param maxReconsumeTimes  -1 for the consumer default
 * @param consumeThreads     -1 for the consumer default
 * @param batchSize          messages per call; 1 unless {@code batch}
 * @param errorHandler       the bean name of the listener's {@link MqListenerErrorHandler}, or empty
 * @param autoStartup        whether the listener starts with the others, or only when started by its id
 */
public record MessageListenerEndpoint(String id, String topic, String group, SelectorType selectorType,
        String selectorExpression, MessageModel messageModel, ConsumeMode consumeMode, int maxReconsumeTimes,
        int consumeThreads, boolean batch, int batchSize, Object bean, Method method, String errorHandler,
        boolean autoStartup) {

    public MessageListenerEndpoint {
        Objects.requireNonNull(id, "id");
        errorHandler = errorHandler == null ? "" : errorHandler;
        requireText(topic, "topic", id);
        requireText(group, "consumerGroup", id);
        Objects.requireNonNull(bean, "bean");
        Objects.requireNonNull(method, "method");
        if (batch && batchSize < 1) {
            throw new IllegalArgumentException(id + ": batchSize must be >= 1");
        }
        batchSize = batch ? batchSize : 1;
    }

    public Subscription subscription() {
        return new Subscription(topic, selectorType, selectorExpression);
    }

    /** {@code topic [TAG *]}, for messages. */
    public String describeSubscription() {
        return "topic " + topic + " " + selectorType + " '" + subscription().expression() + "' " + messageModel;
    }

    private static void requireText(String value, String name, String id) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(id + ": @MessageListener " + name + " is empty");
        }
    }
}
