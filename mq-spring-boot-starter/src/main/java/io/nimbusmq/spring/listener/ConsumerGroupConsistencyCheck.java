package io.nimbusmq.spring.listener;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nimbusmq.client.MqClient;
import io.nimbusmq.client.MqClientException;
import io.nimbusmq.client.consumer.ConsumerGroupMembers;
import io.nimbusmq.client.consumer.SelectorType;
import io.nimbusmq.client.consumer.Subscription;

/**
 * Before a listener joins its consumer group, asks the brokers who is in the group already
 * ({@link MqClient#consumerGroupMembers}) and refuses to start it ({@link InconsistentConsumerGroupException}) when
 * live members of other applications subscribe differently: other topics, another selector, or another message
 * model. The broker would rebalance the group's queues as if every member subscribed alike, and a member drops what
 * its own selector filters out, so those messages would be lost.
 *
 * <p>Runs before the listener's first heartbeat, so the group's subscriptions are the other members' alone. When the
 * brokers cannot be asked, the listener starts and a warning is logged.
 */
public final class ConsumerGroupConsistencyCheck {

    private static final Logger log = LoggerFactory.getLogger(ConsumerGroupConsistencyCheck.class);

    private final MqClient client;

    public ConsumerGroupConsistencyCheck(MqClient client) {
        this.client = client;
    }

    /** @throws InconsistentConsumerGroupException when live members of the group subscribe differently */
    public void check(MessageListenerEndpoint endpoint) {
        check(endpoint, client);
    }

    /**
     * The same, asking through {@code client}: the listener's own (its connection and namespace).
     *
     * @throws InconsistentConsumerGroupException when live members of the group subscribe differently
     */
    public void check(MessageListenerEndpoint endpoint, MqClient client) {
        Optional<ConsumerGroupMembers> found;
        try {
            found = client.consumerGroupMembers(endpoint.group(), endpoint.topic());
        } catch (MqClientException e) {
            log.warn("Could not check the other members of consumer group {} before starting listener {}: {}",
                    endpoint.group(), endpoint.id(), e.getMessage());
            return;
        }
        if (found.isEmpty()) {
            return;
        }
        ConsumerGroupMembers members = found.get();
        Set<String> others = new TreeSet<>(members.clientIds());
        others.remove(client.clientId());
        Map<String, Subscription> theirs = members.userSubscriptions();
        if (others.isEmpty() || theirs.isEmpty() || consistent(endpoint, members, theirs)) {
            return;
        }
        String described = theirs.values().stream().map(ConsumerGroupConsistencyCheck::describe)
                .collect(Collectors.joining(", ")) + " " + members.messageModel();
        throw new InconsistentConsumerGroupException(endpoint, others, described);
    }

    private static boolean consistent(MessageListenerEndpoint endpoint, ConsumerGroupMembers members,
            Map<String, Subscription> theirs) {
        boolean sameModel = members.messageModel() == null || members.messageModel() == endpoint.messageModel();
        return sameModel && theirs.size() == endpoint.subscriptions().size() && endpoint.subscriptions().stream()
                .allMatch(ours -> sameSelector(theirs.get(ours.topic()), ours));
    }

    /** Same topic and type, and the same tags ({@code a || b} = {@code b||a}) or the same SQL92 text. */
    static boolean sameSelector(Subscription a, Subscription b) {
        if (a == null || b == null || !a.topic().equals(b.topic()) || a.type() != b.type()) {
            return false;
        }
        if (a.type() == SelectorType.TAG) {
            return tags(a.expression()).equals(tags(b.expression()));
        }
        return a.expression().replaceAll("\\s+", " ").equals(b.expression().replaceAll("\\s+", " "));
    }

    private static Set<String> tags(String expression) {
        if (Subscription.ALL.equals(expression.trim())) {
            return Set.of();
        }
        return Arrays.stream(expression.split("\\|\\|")).map(String::trim).filter(tag -> !tag.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String describe(Subscription subscription) {
        return "topic " + subscription.topic() + " " + subscription.type() + " '" + subscription.expression() + "'";
    }
}
