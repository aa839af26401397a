package io.nimbusmq.client.consumer;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.protocol.body.client.MessageModel;

/**
 * A consumer group as the brokers know it from its members' heartbeats (GET_CONSUMER_CONNECTION_LIST, 203): the live
 * members and what the group subscribes to. A broker keeps one subscription table per group, the latest heartbeat's,
 * not one per member.
 *
 * @param clientIds     the live members' client ids ({@code ip@instanceName})
 * @param messageModel  CLUSTERING or BROADCASTING, as the latest heartbeat said
 * @param subscriptions topic to selector, the group's retry topic ({@code %RETRY%<group>}) included as brokers list it
 */
public record ConsumerGroupMembers(String group, Set<String> clientIds, MessageModel messageModel,
        Map<String, Subscription> subscriptions) {

    public ConsumerGroupMembers {
        Objects.requireNonNull(group, "group");
        clientIds = Set.copyOf(clientIds);
        subscriptions = Map.copyOf(subscriptions);
    }

    /** The subscriptions without retry topics (which every CLUSTERING member subscribes to), sorted by topic. */
    public Map<String, Subscription> userSubscriptions() {
        Map<String, Subscription> user = new TreeMap<>(subscriptions);
        user.keySet().removeIf(SystemTopics::isRetryTopic);
        return user;
    }
}
