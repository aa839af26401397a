package io.nimbusmq.broker.processor;

/**
 * Finds the subscription a consumer group registered by heartbeat for a topic; push consumers pull without sending
 * their subscription, so the broker must remember it.
 */
@FunctionalInterface
public interface SubscriptionLookup {

    /** What a group subscribed to on one topic. */
    record Subscription(String expressionType, String expression, long subVersion) {
    }

    /** The group's subscription to {@code topic}, or null if the group did not register one. */
    Subscription find(String group, String topic);
}
