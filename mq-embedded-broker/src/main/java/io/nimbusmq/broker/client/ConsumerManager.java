package io.nimbusmq.broker.client;

import io.netty.channel.Channel;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;
import io.nimbusmq.remoting.protocol.body.client.ConsumeType;
import io.nimbusmq.remoting.protocol.body.client.MessageModel;
import io.nimbusmq.remoting.protocol.body.client.SubscriptionData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The online consumer groups: group name to {@link ConsumerGroupInfo}, fed by HEART_BEAT and UNREGISTER_CLIENT and
 * pruned when channels close or go silent (remoting-protocol.md §4.4). A group disappears with its last member.
 *
 * <p>Whenever a clustering group's membership changes, the {@link ConsumerIdsChangeListener} is told, after the
 * change and outside any lock, with the channels that remain. Broadcasting groups are not: their members read every
 * queue and never rebalance.
 *
 * <p>Thread-safe. Changes to one group are serialized; different groups change independently.
 */
public final class ConsumerManager {

    /** How long a channel may stay silent before it is expired: several missed 30 s heartbeats. */
    public static final long DEFAULT_CHANNEL_EXPIRY_MILLIS = 120_000;

    private static final Logger log = LoggerFactory.getLogger(ConsumerManager.class);

    private final ConcurrentMap<String, ConsumerGroupInfo> groups = new ConcurrentHashMap<>();
    private final ConsumerIdsChangeListener listener;

    public ConsumerManager(ConsumerIdsChangeListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** A manager that tells nobody about membership changes. */
    public ConsumerManager() {
        this(ConsumerIdsChangeListener.NONE);
    }

    /**
     * Records one consumer group of a heartbeat.
     *
     * @param client the member, stamped with the heartbeat's arrival time
     * @param subscriptions the member's subscriptions (see {@link ConsumerGroupInfo#updateSubscriptions} for the
     *     subVersion rule), or {@code null} to leave the group's subscriptions as they are (heartbeat v2
     *     {@code withoutSub})
     * @return whether the group's membership changed, i.e. the member is new on this channel
     */
    public boolean register(String group, ClientChannelInfo client, ConsumeType consumeType,
                            MessageModel messageModel, ConsumeFromWhere consumeFromWhere,
                            Collection<SubscriptionData> subscriptions) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(client, "client");
        MembershipChange[] change = new MembershipChange[1];
        groups.compute(group, (name, existing) -> {
            ConsumerGroupInfo info = existing != null ? existing
                    : new ConsumerGroupInfo(name, consumeType, messageModel, consumeFromWhere);
            if (info.updateChannel(client, consumeType, messageModel, consumeFromWhere)) {
                change[0] = MembershipChange.of(info);
            }
            if (subscriptions != null && info.updateSubscriptions(subscriptions)) {
                log.info("Consumer group {} now subscribes to {}", name, info.subscriptions().keySet());
            }
            return info;
        });
        if (change[0] == null) {
            return false;
        }
        log.info("Consumer {} joined group {} from {}", client.clientId(), group, client.clientAddress());
        notifyListener(change[0]);
        return true;
    }

    /**
     * Removes the member on {@code channel} from {@code group} (UNREGISTER_CLIENT).
     *
     * @return whether it was a member
     */
    public boolean unregister(String group, Channel channel) {
        if (group == null || channel == null) {
            return false;
        }
        List<ClientChannelInfo> removed = removeFromGroup(group, info -> {
            ClientChannelInfo client = info.removeChannel(channel);
            return client == null ? List.of() : List.of(client);
        });
        removed.forEach(client -> log.info("Consumer {} left group {}", client.clientId(), group));
        return !removed.isEmpty();
    }

    /**
     * Removes the closed {@code channel} from every group it was in.
     *
     * @return the groups it left
     */
    public List<String> onChannelClosed(Channel channel) {
        List<String> left = new ArrayList<>();
        for (String group : groups.keySet()) {
            if (unregister(group, channel)) {
                left.add(group);
            }
        }
        return left;
    }

    /**
     * Removes every member not heard from for more than {@code expiryMillis} before {@code nowMillis}. The caller
     * should close their channels.
     *
     * @return the expired members, one entry per group they were in
     */
    public List<ClientChannelInfo> scanExpired(long nowMillis, long expiryMillis) {
        List<ClientChannelInfo> expired = new ArrayList<>();
        for (String group : groups.keySet()) {
            List<ClientChannelInfo> removed = removeFromGroup(group,
                    info -> info.removeExpired(nowMillis, expiryMillis));
            removed.forEach(client -> log.warn("Consumer {} of group {} expired: silent for more than {} ms",
                    client.clientId(), group, expiryMillis));
            expired.addAll(removed);
        }
        return expired;
    }

    /** The subscription of {@code group} to {@code topic}, as its latest heartbeats reported it. */
    public Optional<SubscriptionData> findSubscription(String group, String topic) {
        return group(group).flatMap(info -> info.findSubscription(topic));
    }

    /** The online members' client ids, distinct and sorted; empty when the group is offline. */
    public List<String> consumerIds(String group) {
        return group(group).map(ConsumerGroupInfo::clientIds).orElse(List.of());
    }

    /** The group, while at least one member is online. */
    public Optional<ConsumerGroupInfo> group(String group) {
        return group == null ? Optional.empty() : Optional.ofNullable(groups.get(group));
    }

    /** The names of the online groups, sorted. */
    /** The online groups that subscribe to {@code topic}. */
    public Set<String> groupsSubscribing(String topic) {
        Set<String> subscribing = new TreeSet<>();
        for (String group : groups()) {
            if (findSubscription(group, topic).isPresent()) {
                subscribing.add(group);
            }
        }
        return subscribing;
    }

    public Set<String> groups() {
        return new TreeSet<>(groups.keySet());
    }

    /**
     * Applies {@code removal} to {@code group}, drops the group if that emptied it, and tells the listener when
     * members were removed.
     */
    private List<ClientChannelInfo> removeFromGroup(String group,
                                                    Function<ConsumerGroupInfo, List<ClientChannelInfo>> removal) {
        List<ClientChannelInfo> removed = new ArrayList<>();
        MembershipChange[] change = new MembershipChange[1];
        groups.computeIfPresent(group, (name, info) -> {
            removed.addAll(removal.apply(info));
            if (!removed.isEmpty()) {
                change[0] = MembershipChange.of(info);
            }
            return info.isEmpty() ? null : info;
        });
        if (change[0] != null) {
            notifyListener(change[0]);
        }
        return removed;
    }

    private void notifyListener(MembershipChange change) {
        if (change.messageModel() == MessageModel.BROADCASTING) {
            return;
        }
        try {
            listener.onConsumerIdsChanged(change.group(), change.channels());
        } catch (RuntimeException e) {
            log.warn("Consumer-ids listener failed for group {}", change.group(), e);
        }
    }

    /** A group's state right after its membership changed, captured under the group's lock. */
    private record MembershipChange(String group, MessageModel messageModel, List<Channel> channels) {

        static MembershipChange of(ConsumerGroupInfo info) {
            return new MembershipChange(info.groupName(), info.messageModel(), info.channels());
        }
    }
}
