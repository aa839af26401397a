package io.nimbusmq.spring.core;

/**
 * A listener bean: annotate the class with {@link io.nimbusmq.spring.annotation.MessageListener}. {@code T} is the
 * payload type, generics included ({@code MqListener<List<OrderDto>>}); {@code String}, {@code byte[]},
 * {@link io.nimbusmq.client.ReceivedMessage} and {@code org.springframework.messaging.Message<X>} work too.
 * Throwing an exception means the message is retried (up to the listener's max reconsume times, then dead-lettered).
 */
@FunctionalInterface
public interface MqListener<T> {

    void onMessage(T message);
}
