package io.nimbusmq.spring.listener;

import java.util.Set;

/**
 * A listener would join a consumer group whose live members, in other applications, subscribe differently (see
 * {@link ConsumerGroupConsistencyCheck}); the application does not start rather than lose messages in the rebalance.
 */
public class InconsistentConsumerGroupException extends IllegalStateException {

    private final String group;

    public InconsistentConsumerGroupException(MessageListenerEndpoint endpoint, Set<String> otherMembers,
            String theirSubscriptions) {
        super("Consumer group '" + endpoint.group() + "' has live members " + otherMembers + " that subscribe to "
                + theirSubscriptions + ", but listener " + endpoint.id() + " subscribes to "
                + endpoint.describeSubscription() + ". Members of a group must subscribe identically, or the "
                + "rebalance hands queues to members that drop what their selector filters out and those messages "
                + "are lost.");
        this.group = endpoint.group();
    }

    public String group() {
        return group;
    }
}
