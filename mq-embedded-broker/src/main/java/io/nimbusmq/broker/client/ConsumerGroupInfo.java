package io.nimbusmq.broker.client;

import io.netty.channel.Channel;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;
import io.nimbusmq.remoting.protocol.body.client.ConsumeType;
import io.nimbusmq.remoting.protocol.body.client.Connection;
import io.nimbusmq.remoting.protocol.body.client.ConsumerConnection;
import io.nimbusmq.remoting.protocol.body.client.MessageModel;
import io.nimbusmq.remoting.protocol.body.client.SubscriptionData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What the broker knows about one consumer group from its members' heartbeats: the members' channels, the group's
 * subscriptions (topic to {@link SubscriptionData}) and how it consumes.
 *
 * <p>Only {@link ConsumerManager} changes a group, one change at a time per group; the package-private mutators are
 * synchronized for that. Readers may call the public methods from any thread and see a recent state.
 */
public final class ConsumerGroupInfo {

    private final String groupName;
    private final ConcurrentMap<Channel, ClientChannelInfo> channels = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, SubscriptionData> subscriptions = new ConcurrentHashMap<>();
    private volatile ConsumeType consumeType;
    private volatile MessageModel messageModel;
    private volatile ConsumeFromWhere consumeFromWhere;
    private volatile long lastUpdateMillis;

    ConsumerGroupInfo(String groupName, ConsumeType consumeType, MessageModel messageModel,
                      ConsumeFromWhere consumeFromWhere) {
        this.groupName = groupName;
        this.consumeType = consumeType;
        this.messageModel = messageModel;
        this.consumeFromWhere = consumeFromWhere;
    }

    /**
     * Records a member's heartbeat: its channel info (replacing the previous one on that channel) and the group
     * settings it reports, which the latest heartbeat wins.
     *
     * @return whether the group's membership changed: a new channel, or a known channel with another client id
     */
    synchronized boolean updateChannel(ClientChannelInfo client, ConsumeType consumeType, MessageModel messageModel,
                                       ConsumeFromWhere consumeFromWhere) {
        this.consumeType = consumeType;
        this.messageModel = messageModel;
        this.consumeFromWhere = consumeFromWhere;
        this.lastUpdateMillis = client.lastUpdateMillis();
        ClientChannelInfo previous = channels.put(client.channel(), client);
        return previous == null || !previous.clientId().equals(client.clientId());
    }

    /**
     * Replaces the subscription table with a member's heartbeat subscriptions: a new topic is added, a known topic
     * is replaced only by a strictly newer {@code subVersion}, and topics the heartbeat no longer lists are dropped.
     *
     * @return whether the set of subscribed topics changed
     */
    synchronized boolean updateSubscriptions(Collection<SubscriptionData> incoming) {
        boolean topicsChanged = false;
        Set<String> incomingTopics = new HashSet<>();
        for (SubscriptionData subscription : incoming) {
            if (subscription.topic() == null) {
                continue;
            }
            incomingTopics.add(subscription.topic());
            SubscriptionData current = subscriptions.get(subscription.topic());
            if (current == null) {
                subscriptions.put(subscription.topic(), subscription);
                topicsChanged = true;
            } else if (subscription.subVersion() > current.subVersion()) {
                subscriptions.put(subscription.topic(), subscription);
            }
        }
        topicsChanged |= subscriptions.keySet().retainAll(incomingTopics);
        return topicsChanged;
    }

    /** @return the removed member, or {@code null} when the channel was not a member */
    synchronized ClientChannelInfo removeChannel(Channel channel) {
        return channels.remove(channel);
    }

    /** Removes and returns the members not heard from for more than {@code expiryMillis}. */
    synchronized List<ClientChannelInfo> removeExpired(long nowMillis, long expiryMillis) {
        List<ClientChannelInfo> expired = new ArrayList<>();
        for (ClientChannelInfo client : channels.values()) {
            if (client.isExpired(nowMillis, expiryMillis) && channels.remove(client.channel(), client)) {
                expired.add(client);
            }
        }
        return expired;
    }

    public String groupName() {
        return groupName;
    }

    public ConsumeType consumeType() {
        return consumeType;
    }

    public MessageModel messageModel() {
        return messageModel;
    }

    public ConsumeFromWhere consumeFromWhere() {
        return consumeFromWhere;
    }

    /** When the latest member heartbeat arrived, epoch milliseconds. */
    public long lastUpdateMillis() {
        return lastUpdateMillis;
    }

    public boolean isEmpty() {
        return channels.isEmpty();
    }

    /** The members' channels. */
    public List<Channel> channels() {
        return List.copyOf(channels.keySet());
    }

    /** The members. */
    public List<ClientChannelInfo> clients() {
        return List.copyOf(channels.values());
    }

    /** The members' client ids, distinct and sorted (the order clients sort them in for rebalancing). */
    public List<String> clientIds() {
        Set<String> ids = new TreeSet<>();
        channels.values().forEach(client -> ids.add(client.clientId()));
        return List.copyOf(ids);
    }

    /** The member with {@code clientId}, if it is online. */
    public Optional<ClientChannelInfo> findClient(String clientId) {
        return channels.values().stream().filter(client -> client.clientId().equals(clientId)).findFirst();
    }

    public Optional<SubscriptionData> findSubscription(String topic) {
        return Optional.ofNullable(subscriptions.get(topic));
    }

    /** The subscriptions, by topic, sorted. */
    public Map<String, SubscriptionData> subscriptions() {
        return new TreeMap<>(subscriptions);
    }

    /** The group as GET_CONSUMER_CONNECTION_LIST (203) reports it. */
    public ConsumerConnection toConsumerConnection() {
        Set<Connection> connections = new LinkedHashSet<>();
        channels.values().forEach(client -> connections.add(client.toConnection()));
        return new ConsumerConnection(connections, consumeFromWhere, consumeType, messageModel, subscriptions());
    }

    @Override
    public String toString() {
        return "ConsumerGroupInfo[group=" + groupName + ", clients=" + clientIds() + ", topics="
                + subscriptions.keySet() + ", " + consumeType + ", " + messageModel + "]";
    }
}
