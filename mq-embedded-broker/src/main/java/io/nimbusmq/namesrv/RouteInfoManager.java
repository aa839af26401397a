package io.nimbusmq.namesrv;

import io.netty.channel.Channel;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.protocol.body.BrokerData;
import io.nimbusmq.remoting.protocol.body.ClusterInfo;
import io.nimbusmq.remoting.protocol.body.DataVersion;
import io.nimbusmq.remoting.protocol.body.QueueData;
import io.nimbusmq.remoting.protocol.body.RegisterBrokerBody;
import io.nimbusmq.remoting.protocol.body.TopicList;
import io.nimbusmq.remoting.protocol.body.TopicRouteData;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name server's routing tables (remoting-protocol.md §3):
 * <ul>
 *   <li>cluster name → broker names;</li>
 *   <li>broker name → its group ({@link BrokerData}: broker id → address, 0 = master);</li>
 *   <li>topic → broker name → {@link QueueData}; only a master (broker id 0) writes it;</li>
 *   <li>live brokers: {@link BrokerAddress} → last registration time, heartbeat timeout, {@link DataVersion},
 *       channel and HA address;</li>
 *   <li>filter servers per broker address.</li>
 * </ul>
 * A broker is removed when it unregisters, when its channel closes ({@link #onChannelClosed}) or when it has not
 * registered for longer than its heartbeat timeout ({@link #expireInactiveBrokers}). A broker name left without
 * addresses leaves its cluster and every topic; a topic left without queue data disappears.
 *
 * <p>Thread-safe: one read-write lock guards all tables; readers get immutable snapshots. Times come from the
 * {@link Clock} given at construction, so tests move time instead of sleeping.
 */
public final class RouteInfoManager {

    /** How long a broker may stay silent by default (RocketMQ's 120 s). */
    public static final long DEFAULT_HEARTBEAT_TIMEOUT_MILLIS = 120_000;

    private static final Logger log = LoggerFactory.getLogger(RouteInfoManager.class);

    private final Clock clock;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Set<String>> clusterAddrTable = new HashMap<>();
    private final Map<String, BrokerGroup> brokerAddrTable = new HashMap<>();
    private final Map<String, Map<String, QueueData>> topicQueueTable = new HashMap<>();
    private final Map<BrokerAddress, BrokerLiveInfo> brokerLiveTable = new HashMap<>();
    private final Map<BrokerAddress, List<String>> filterServerTable = new HashMap<>();

    /** A registered broker's liveness; replaced, never mutated. */
    private record BrokerLiveInfo(long lastUpdateMillis, long heartbeatTimeoutMillis, DataVersion dataVersion,
                                  Channel channel, String haServerAddr) {

        boolean isExpired(long nowMillis) {
            return lastUpdateMillis + heartbeatTimeoutMillis < nowMillis;
        }
    }

    /** The mutable form of {@link BrokerData}, guarded by the lock. */
    private static final class BrokerGroup {
        final String clusterName;
        final String brokerName;
        final TreeMap<Long, String> brokerAddrs = new TreeMap<>();
        boolean enableActingMaster;

        BrokerGroup(String clusterName, String brokerName) {
            this.clusterName = clusterName;
            this.brokerName = brokerName;
        }

        BrokerData snapshot() {
            return new BrokerData(brokerAddrs, brokerName, clusterName, enableActingMaster);
        }
    }

    public RouteInfoManager(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public RouteInfoManager() {
        this(Clock.systemUTC());
    }

    /**
     * Records a broker and, for a master, the queue data of every topic in {@code body}. Topics the master no
     * longer lists are kept (as RocketMQ does by default); they go with DELETE_TOPIC_IN_NAMESRV.
     *
     * @param channel the connection the registration came on, closed-watched for liveness; {@code null} for an
     *                in-process broker, which then lives by re-registering only
     * @return the master's addresses for a registering slave, {@link RegisterBrokerResult#NONE} otherwise
     */
    public RegisterBrokerResult registerBroker(BrokerRegistration registration, RegisterBrokerBody body,
                                               Channel channel) {
        BrokerAddress address = registration.address();
        String brokerName = registration.brokerName();
        return write(() -> {
            clusterAddrTable.computeIfAbsent(address.clusterName(), cluster -> new TreeSet<>()).add(brokerName);
            BrokerGroup group = brokerAddrTable.computeIfAbsent(brokerName,
                    name -> new BrokerGroup(address.clusterName(), name));
            group.enableActingMaster = registration.enableActingMaster();
            // One address has one id: a slave promoted to master re-registers its address under id 0.
            group.brokerAddrs.entrySet().removeIf(entry -> entry.getValue().equals(address.brokerAddr())
                    && entry.getKey() != registration.brokerId());
            group.brokerAddrs.put(registration.brokerId(), address.brokerAddr());
            if (registration.isMaster()) {
                updateQueueData(brokerName, body.topicConfigSerializeWrapper().topicConfigTable().values());
            }
            BrokerLiveInfo previous = brokerLiveTable.put(address, new BrokerLiveInfo(clock.millis(),
                    registration.heartbeatTimeoutMillis(), body.topicConfigSerializeWrapper().dataVersion(), channel,
                    registration.haServerAddr()));
            if (previous == null) {
                log.info("New broker registered: {} {} id {}, HA {}", address, brokerName, registration.brokerId(),
                        registration.haServerAddr());
            }
            if (body.filterServerList().isEmpty()) {
                filterServerTable.remove(address);
            } else {
                filterServerTable.put(address, List.copyOf(body.filterServerList()));
            }
            return registration.isMaster() ? RegisterBrokerResult.NONE : masterOf(group);
        });
    }

    /**
     * Removes the broker at {@code address} from group {@code brokerName}, as UNREGISTER_BROKER does.
     *
     * @return whether the broker was registered
     */
    public boolean unregisterBroker(BrokerAddress address, String brokerName) {
        return write(() -> removeBroker(address, brokerName));
    }

    /** The route of {@code topic}: its queue data and broker groups; empty when no live broker serves it. */
    public Optional<TopicRouteData> topicRoute(String topic) {
        return read(() -> {
            Map<String, QueueData> queues = topicQueueTable.get(topic);
            if (queues == null || queues.isEmpty()) {
                return Optional.empty();
            }
            List<BrokerData> groups = new ArrayList<>();
            Map<String, List<String>> filterServers = new HashMap<>();
            for (String brokerName : new TreeSet<>(queues.keySet())) {
                BrokerGroup group = brokerAddrTable.get(brokerName);
                if (group == null) {
                    continue;
                }
                groups.add(group.snapshot());
                for (String brokerAddr : group.brokerAddrs.values()) {
                    List<String> servers = filterServerTable.get(new BrokerAddress(group.clusterName, brokerAddr));
                    if (servers != null) {
                        filterServers.put(brokerAddr, servers);
                    }
                }
            }
            if (groups.isEmpty()) {
                return Optional.empty();
            }
            List<QueueData> queueDatas = new ArrayList<>(queues.values());
            queueDatas.sort(Comparator.comparing(QueueData::brokerName));
            return Optional.of(new TopicRouteData(groups, filterServers, queueDatas));
        });
    }

    /** Every broker group and cluster. */
    public ClusterInfo clusterInfo() {
        return read(() -> {
            Map<String, BrokerData> groups = new HashMap<>();
            brokerAddrTable.forEach((name, group) -> groups.put(name, group.snapshot()));
            return new ClusterInfo(groups, clusterAddrTable);
        });
    }

    /**
     * What RocketMQ calls the system topics of a name server (GET_SYSTEM_TOPIC_LIST_FROM_NS, 304): every cluster name
     * and every broker name, with the address of one broker, which the admin tools then ask for its own system
     * topics.
     */
    public TopicList systemTopics() {
        return read(() -> {
            Set<String> names = new HashSet<>();
            clusterAddrTable.forEach((cluster, brokerNames) -> {
                names.add(cluster);
                names.addAll(brokerNames);
            });
            String brokerAddr = brokerAddrTable.values().stream()
                    .flatMap(group -> group.snapshot().brokerAddrs().values().stream()).findFirst().orElse(null);
            return new TopicList(names, brokerAddr);
        });
    }

    /** Every topic that has queue data. */
    public TopicList allTopics() {
        return read(() -> TopicList.of(topicQueueTable.keySet()));
    }

    /** The topics with queue data on at least one broker group of {@code clusterName}; empty for an unknown one. */
    public TopicList topicsByCluster(String clusterName) {
        return read(() -> {
            Set<String> brokerNames = clusterAddrTable.getOrDefault(clusterName, Set.of());
            List<String> topics = new ArrayList<>();
            topicQueueTable.forEach((topic, queues) -> {
                if (queues.keySet().stream().anyMatch(brokerNames::contains)) {
                    topics.add(topic);
                }
            });
            return TopicList.of(topics);
        });
    }

    /** Forgets {@code topic} everywhere; returns whether it existed. */
    public boolean deleteTopic(String topic) {
        return write(() -> topicQueueTable.remove(topic) != null);
    }

    /** Forgets {@code topic}'s queue data on the broker groups of {@code clusterName}; returns whether any existed. */
    public boolean deleteTopic(String topic, String clusterName) {
        return write(() -> {
            Map<String, QueueData> queues = topicQueueTable.get(topic);
            if (queues == null) {
                return false;
            }
            boolean removed = queues.keySet().removeAll(clusterAddrTable.getOrDefault(clusterName, Set.of()));
            if (queues.isEmpty()) {
                topicQueueTable.remove(topic);
            }
            return removed;
        });
    }

    /** The data version the broker at {@code address} last registered with. */
    public Optional<DataVersion> brokerDataVersion(BrokerAddress address) {
        return read(() -> Optional.ofNullable(brokerLiveTable.get(address)).map(BrokerLiveInfo::dataVersion));
    }

    /** Whether {@code dataVersion} differs from the broker's registered one (true for an unknown broker). */
    public boolean isDataVersionChanged(BrokerAddress address, DataVersion dataVersion) {
        return !brokerDataVersion(address).map(dataVersion::equals).orElse(false);
    }

    /**
     * Records that the broker is alive now, without re-registration (QUERY_DATA_VERSION, BROKER_HEARTBEAT).
     *
     * @return whether the broker is registered
     */
    public boolean touchBroker(BrokerAddress address) {
        return write(() -> {
            BrokerLiveInfo live = brokerLiveTable.get(address);
            if (live == null) {
                return false;
            }
            brokerLiveTable.put(address, new BrokerLiveInfo(clock.millis(), live.heartbeatTimeoutMillis(),
                    live.dataVersion(), live.channel(), live.haServerAddr()));
            return true;
        });
    }

    /**
     * Removes (and closes the channel of) every broker that has been silent for longer than its heartbeat timeout
     * at {@code nowMillis}.
     *
     * @return how many brokers were removed
     */
    public int expireInactiveBrokers(long nowMillis) {
        return write(() -> {
            List<Map.Entry<BrokerAddress, BrokerLiveInfo>> expired = brokerLiveTable.entrySet().stream()
                    .filter(entry -> entry.getValue().isExpired(nowMillis))
                    .toList();
            for (Map.Entry<BrokerAddress, BrokerLiveInfo> entry : expired) {
                BrokerLiveInfo live = entry.getValue();
                log.warn("Broker {} silent for {} ms (timeout {} ms); removing it", entry.getKey(),
                        nowMillis - live.lastUpdateMillis(), live.heartbeatTimeoutMillis());
                if (live.channel() != null) {
                    live.channel().close();
                }
                removeBroker(entry.getKey(), brokerNameOf(entry.getKey()));
            }
            return expired.size();
        });
    }

    /**
     * Removes every broker that registered on {@code channel}, which has closed.
     *
     * @return how many brokers were removed
     */
    public int onChannelClosed(Channel channel) {
        if (channel == null) {
            return 0;
        }
        return write(() -> {
            List<BrokerAddress> gone = brokerLiveTable.entrySet().stream()
                    .filter(entry -> entry.getValue().channel() == channel)
                    .map(Map.Entry::getKey)
                    .toList();
            for (BrokerAddress address : gone) {
                log.info("Channel of broker {} closed; removing it", address);
                removeBroker(address, brokerNameOf(address));
            }
            return gone.size();
        });
    }

    /** How many broker processes are registered. */
    public int liveBrokerCount() {
        return read(brokerLiveTable::size);
    }

    private void updateQueueData(String brokerName, Collection<TopicConfig> topics) {
        for (TopicConfig topic : topics) {
            QueueData queueData = new QueueData(brokerName, topic.perm(), topic.readQueueNums(),
                    topic.topicSysFlag(), topic.writeQueueNums());
            QueueData previous = topicQueueTable.computeIfAbsent(topic.topicName(), name -> new HashMap<>())
                    .put(brokerName, queueData);
            if (!queueData.equals(previous)) {
                log.debug("Topic {} on {}: {}", topic.topicName(), brokerName, queueData);
            }
        }
    }

    private RegisterBrokerResult masterOf(BrokerGroup group) {
        String masterAddr = group.brokerAddrs.get(BrokerData.MASTER_ID);
        BrokerLiveInfo master = masterAddr == null ? null
                : brokerLiveTable.get(new BrokerAddress(group.clusterName, masterAddr));
        return master == null ? RegisterBrokerResult.NONE
                : new RegisterBrokerResult(master.haServerAddr(), masterAddr);
    }

    /** The broker name whose group in the address's cluster lists the address, or {@code null}. */
    private String brokerNameOf(BrokerAddress address) {
        for (BrokerGroup group : brokerAddrTable.values()) {
            if (group.clusterName.equals(address.clusterName())
                    && group.brokerAddrs.containsValue(address.brokerAddr())) {
                return group.brokerName;
            }
        }
        return null;
    }

    private boolean removeBroker(BrokerAddress address, String brokerName) {
        boolean wasLive = brokerLiveTable.remove(address) != null;
        filterServerTable.remove(address);
        BrokerGroup group = brokerName == null ? null : brokerAddrTable.get(brokerName);
        if (group == null) {
            return wasLive;
        }
        boolean wasListed = group.brokerAddrs.values().removeIf(address.brokerAddr()::equals);
        if (group.brokerAddrs.isEmpty()) {
            brokerAddrTable.remove(brokerName);
            Set<String> names = clusterAddrTable.get(group.clusterName);
            if (names != null && names.remove(brokerName) && names.isEmpty()) {
                clusterAddrTable.remove(group.clusterName);
            }
            topicQueueTable.values().removeIf(queues -> {
                queues.remove(brokerName);
                return queues.isEmpty();
            });
            log.info("Broker group {} has no broker left; removed from cluster {} and all topics", brokerName,
                    group.clusterName);
        }
        return wasLive || wasListed;
    }

    private <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
