package io.nimbusmq.spring.admin;

import java.util.Map;
import java.util.Objects;

/**
 * A topic the application declares, like Kafka's {@code NewTopic}: as a bean, or as {@code mq.topics.<name>.*}.
 * {@link MqAdmin} creates it at start-up on brokers that allow it and checks it on the others.
 *
 * <pre>{@code
 * @Bean MqTopic orders() { return MqTopic.named("orders").queues(8); }
 * @Bean MqTopic ledger() { return MqTopic.named("ledger").type(MqTopic.MessageType.FIFO); }
 * }</pre>
 *
 * @param name   the topic
 * @param queues read and write queues per broker
 * @param type   the RocketMQ 5 message type, written as the {@code message.type} attribute
 */
public record MqTopic(String name, int queues, MessageType type) {

    /** The attribute RocketMQ 5 brokers keep a topic's message type in. */
    public static final String MESSAGE_TYPE_ATTRIBUTE = "message.type";

    public MqTopic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (queues < 1 || queues > 1024) {
            throw new IllegalArgumentException("topic " + name + ": queues must be in 1..1024, not " + queues);
        }
    }

    /** A NORMAL topic with 4 queues per broker (RocketMQ's default). */
    public static MqTopic named(String name) {
        return new MqTopic(name, 4, MessageType.NORMAL);
    }

    public MqTopic queues(int value) {
        return new MqTopic(name, value, type);
    }

    public MqTopic type(MessageType value) {
        return new MqTopic(name, queues, value);
    }

    /** The attributes the topic is created with. */
    public Map<String, String> attributes() {
        return Map.of(MESSAGE_TYPE_ATTRIBUTE, type.name());
    }

    /** RocketMQ 5's message types: which sends a topic accepts (brokers that check it refuse the others). */
    public enum MessageType {
        NORMAL, FIFO, DELAY, TRANSACTION
    }
}
