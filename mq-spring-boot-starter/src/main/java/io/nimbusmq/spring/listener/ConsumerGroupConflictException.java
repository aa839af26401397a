package io.nimbusmq.spring.listener;

/**
 * Two listeners of the application share a consumer group. The broker rebalances a group's queues among its members
 * as if they all subscribed alike; a member that subscribes to another topic or selector would be handed queues and
 * drop what it filters out, so this is refused at start-up.
 */
public class ConsumerGroupConflictException extends IllegalStateException {

    private final String group;

    /** The two listeners are named in the order of their ids (bean methods are found in no fixed order). */
    public ConsumerGroupConflictException(String group, MessageListenerEndpoint one, MessageListenerEndpoint other) {
        super(one.id().compareTo(other.id()) <= 0 ? message(group, one, other) : message(group, other, one));
        this.group = group;
    }

    private static String message(String group, MessageListenerEndpoint first, MessageListenerEndpoint second) {
        return "Consumer group '" + group + "' is used by two listeners: " + first.id() + " ("
                + first.describeSubscription() + ") and " + second.id() + " (" + second.describeSubscription() + "). "
                + (first.subscription().equals(second.subscription()) && first.messageModel() == second.messageModel()
                        ? "One application hosts one member per group; merge the two listeners."
                        : "Members of a group must subscribe identically, or messages are lost in the rebalance.")
                + " Give each listener its own consumerGroup.";
    }

    public String group() {
        return group;
    }
}
