package io.nimbusmq.spring.listener;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.nimbusmq.client.consumer.ConsumeMode;
import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.remoting.protocol.body.client.MessageModel;

/**
 * One {@code @MessageListener}, placeholders and SpEL resolved, {@code mq.listeners.<group>.*} applied: what to
 * consume, how, and the method to call.
 *
 * @param id               a readable name, {@code beanName#method}
 * @param subscriptions    the topics and their selectors, at least one, each topic once
 * @param settings         the listener's own tuning; its container factory's defaults fill what is not set
 * @param errorHandler     the bean name of the listener's {@link MqListenerErrorHandler}, or empty
 * @param autoStartup      whether the listener starts with the others, or only when started by its id
 * @param containerFactory the bean name of its {@link MessageListenerContainerFactory}, or empty for the default one
 */
public record MessageListenerEndpoint(String id, List<Subscription> subscriptions, String group,
        MessageModel messageModel, ConsumeMode consumeMode, boolean batch, ListenerSettings settings, Object bean,
        Method method, String errorHandler, boolean autoStartup, String containerFactory) {

    /** Messages per call of a batch listener when {@code batchSize} is not set. */
    public static final int DEFAULT_BATCH_SIZE = 16;

    public MessageListenerEndpoint {
        Objects.requireNonNull(id, "id");
        errorHandler = errorHandler == null ? "" : errorHandler;
        containerFactory = containerFactory == null ? "" : containerFactory;
        settings = settings == null ? ListenerSettings.NONE : settings;
        subscriptions = List.copyOf(subscriptions);
        if (subscriptions.isEmpty()) {
            throw new IllegalArgumentException(id + ": @MessageListener needs a topic or subscriptions");
        }
        Set<String> topics = new HashSet<>();
        for (Subscription subscription : subscriptions) {
            requireText(subscription.topic(), "topic", id);
            if (!topics.add(subscription.topic())) {
                throw new IllegalArgumentException(id + ": @MessageListener subscribes to topic "
                        + subscription.topic() + " twice; a consumer has one selector per topic");
            }
        }
        requireText(group, "consumerGroup", id);
        Objects.requireNonNull(bean, "bean");
        Objects.requireNonNull(method, "method");
    }

    /** The first topic (the only one, for most listeners). */
    public String topic() {
        return subscriptions.get(0).topic();
    }

    public List<String> topics() {
        return subscriptions.stream().map(Subscription::topic).toList();
    }

    /** The first subscription. */
    public Subscription subscription() {
        return subscriptions.get(0);
    }

    /** Messages per call: the batch size of a batch listener, else 1. */
    public int batchSize() {
        if (!batch) {
            return 1;
        }
        return settings.batchSize() != null ? settings.batchSize() : DEFAULT_BATCH_SIZE;
    }

    /** The same listener with other settings. */
    public MessageListenerEndpoint withSettings(ListenerSettings newSettings) {
        return new MessageListenerEndpoint(id, subscriptions, group, messageModel, consumeMode, batch, newSettings,
                bean, method, errorHandler, autoStartup, containerFactory);
    }

    /** {@code topic t TAG '*' CLUSTERING}, topics joined by commas, for messages. */
    public String describeSubscription() {
        return subscriptions.stream().map(s -> "topic " + s.topic() + " " + s.type() + " '" + s.expression() + "'")
                .collect(Collectors.joining(", ")) + " " + messageModel;
    }

    private static void requireText(String value, String name, String id) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(id + ": @MessageListener " + name + " is empty");
        }
    }
}
