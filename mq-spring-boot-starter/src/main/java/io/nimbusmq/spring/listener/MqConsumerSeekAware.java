package io.nimbusmq.spring.listener;

import io.nimbusmq.client.consumer.QueueAssignmentListener;

/**
 * Implemented by a {@code @MessageListener} bean to hear when its consumer is given queues (and loses them), and to
 * decide where new queues start, as spring-kafka's {@code ConsumerSeekAware}:
 *
 * <pre>{@code
 * @MessageListener(topic = "orders", consumerGroup = "replay")
 * class Replay implements MqListener<Order>, MqConsumerSeekAware {
 *     public void onQueuesAssigned(Collection<MessageQueue> queues, QueueSeeker seeker) {
 *         seeker.seekToTimestamp(queues, Instant.parse("2026-01-31T00:00:00Z"));
 *     }
 *     public void onMessage(Order order) { ... }
 * }
 * }</pre>
 *
 * A running listener is moved from anywhere through {@link MessageListenerContainerRegistry#seeker(String)}.
 */
public interface MqConsumerSeekAware extends QueueAssignmentListener {
}
