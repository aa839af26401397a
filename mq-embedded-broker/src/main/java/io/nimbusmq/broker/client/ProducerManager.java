package io.nimbusmq.broker.client;

import io.netty.channel.Channel;
import io.nimbusmq.remoting.protocol.body.client.Connection;
import io.nimbusmq.remoting.protocol.body.client.ProducerConnection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The online producer groups: group name to its members' channels, fed by heartbeats. The broker needs them to send
 * CHECK_TRANSACTION_STATE (39) to some live member of a transactional producer's group (remoting-protocol.md
 * §4.6), and for GET_PRODUCER_CONNECTION_LIST (204). A group disappears with its last member.
 *
 * <p>Thread-safe. Changes to one group are serialized.
 */
public final class ProducerManager {

    private static final Logger log = LoggerFactory.getLogger(ProducerManager.class);

    private final ConcurrentMap<String, ConcurrentMap<Channel, ClientChannelInfo>> groups =
            new ConcurrentHashMap<>();

    /**
     * Records one producer group of a heartbeat, replacing the member's previous record on that channel.
     *
     * @return whether the member is new on this channel
     */
    public boolean register(String group, ClientChannelInfo client) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(client, "client");
        boolean[] added = new boolean[1];
        groups.compute(group, (name, members) -> {
            ConcurrentMap<Channel, ClientChannelInfo> target = members != null ? members : new ConcurrentHashMap<>();
            added[0] = target.put(client.channel(), client) == null;
            return target;
        });
        if (added[0]) {
            log.info("Producer {} joined group {} from {}", client.clientId(), group, client.clientAddress());
        }
        return added[0];
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
        ClientChannelInfo[] removed = new ClientChannelInfo[1];
        groups.computeIfPresent(group, (name, members) -> {
            removed[0] = members.remove(channel);
            return members.isEmpty() ? null : members;
        });
        if (removed[0] != null) {
            log.info("Producer {} left group {}", removed[0].clientId(), group);
        }
        return removed[0] != null;
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
            groups.computeIfPresent(group, (name, members) -> {
                for (ClientChannelInfo client : members.values()) {
                    if (client.isExpired(nowMillis, expiryMillis) && members.remove(client.channel(), client)) {
                        log.warn("Producer {} of group {} expired: silent for more than {} ms", client.clientId(),
                                name, expiryMillis);
                        expired.add(client);
                    }
                }
                return members.isEmpty() ? null : members;
            });
        }
        return expired;
    }

    /**
     * Some active channel of {@code group}, picked at random so that checks spread over the members; for
     * CHECK_TRANSACTION_STATE.
     */
    public Optional<Channel> anyChannel(String group) {
        List<Channel> active = members(group).keySet().stream().filter(Channel::isActive).toList();
        if (active.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(active.get(ThreadLocalRandom.current().nextInt(active.size())));
    }

    /** The channel of the producer with {@code clientId}, in any group. */
    public Optional<Channel> findChannel(String clientId) {
        return groups.values().stream()
                .flatMap(members -> members.values().stream())
                .filter(client -> client.clientId().equals(clientId))
                .map(ClientChannelInfo::channel)
                .findFirst();
    }

    /** The members of {@code group}; empty when it is offline. */
    public List<ClientChannelInfo> connections(String group) {
        return List.copyOf(members(group).values());
    }

    /** The group as GET_PRODUCER_CONNECTION_LIST (204) reports it. */
    public ProducerConnection producerConnection(String group) {
        Set<Connection> connections = new LinkedHashSet<>();
        members(group).values().forEach(client -> connections.add(client.toConnection()));
        return new ProducerConnection(connections);
    }

    /** The names of the online groups, sorted. */
    public Set<String> groups() {
        return new TreeSet<>(groups.keySet());
    }

    private Map<Channel, ClientChannelInfo> members(String group) {
        Map<Channel, ClientChannelInfo> members = group == null ? null : groups.get(group);
        return members == null ? Map.of() : members;
    }
}
