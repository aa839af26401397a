package io.nimbusmq.client.internal.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.nimbusmq.client.MqClientException;
import io.nimbusmq.client.internal.remoting.ClientRemoting;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.BrokerData;
import io.nimbusmq.remoting.protocol.body.QueueData;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.TopicRouteData;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import io.nimbusmq.remoting.protocol.header.GetRouteInfoRequestHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topic-route cache: routes from the name servers (GET_ROUTEINFO_BY_TOPIC), the broker-name to members (broker id
 * to address) table merged from them, and what producers (writable queues of groups with a master) and consumers
 * (readable queues) derive from a route. {@link #refreshAll()} runs every 30 s; a failed send or pull calls
 * {@link #refresh(String)} at once. A refreshed route replaces the members of its broker groups, so a master the name
 * server dropped is gone from here too: producers leave its queues, and consumers read them from a slave
 * ({@link BrokerChoice}).
 *
 * <p>Thread-safe: the maps are concurrent and a route is replaced whole.
 */
public final class TopicRouteTable {

    private static final int PERM_READ = 4;
    private static final int PERM_WRITE = 2;
    private static final Logger log = LoggerFactory.getLogger(TopicRouteTable.class);

    private final ClientRemoting remoting;
    private final long timeoutMillis;
    private final Map<String, TopicRouteData> routes = new ConcurrentHashMap<>();
    private final Map<String, TopicPublishInfo> publishInfos = new ConcurrentHashMap<>();
    private final Map<String, BrokerData> brokers = new ConcurrentHashMap<>();
    private final Set<String> topicsInUse = ConcurrentHashMap.newKeySet();
    private final Consumer<String> newBrokerListener;

    /** @param newBrokerListener called with the address of each broker seen for the first time (to heartbeat it) */
    public TopicRouteTable(ClientRemoting remoting, long timeoutMillis, Consumer<String> newBrokerListener) {
        this.remoting = remoting;
        this.timeoutMillis = timeoutMillis;
        this.newBrokerListener = newBrokerListener;
    }

    /** The topic's route, fetched now if not cached; empty when the name server knows no such topic. */
    public Optional<TopicRouteData> route(String topic) {
        topicsInUse.add(topic);
        TopicRouteData route = routes.get(topic);
        if (route == null) {
            route = refresh(topic).orElse(null);
        }
        return Optional.ofNullable(route);
    }

    /**
     * Where to send to {@code topic}: its writable master queues, or, for a topic nobody created yet, TBW102's
     * brokers with {@code min(defaultQueueNums, readQueueNums)} queues each, as the official producer does.
     *
     * @throws MqClientException when neither route exists
     */
    public TopicPublishInfo publishInfo(String topic, int defaultQueueNums) {
        return publishInfo(topic, defaultQueueNums, Long.MAX_VALUE);
    }

    /**
     * {@link #publishInfo(String, int)} within a send's budget: a route lookup waits at most until
     * {@code deadlineMillis} (epoch millis) and is tried again within it after a timeout.
     *
     * @throws MqClientException when neither route exists, or the name servers did not answer in time
     */
    public TopicPublishInfo publishInfo(String topic, int defaultQueueNums, long deadlineMillis) {
        TopicPublishInfo cached = publishInfos.get(topic);
        if (cached != null && !cached.isEmpty() && !cached.fromDefaultTopic()) {
            return cached;
        }
        topicsInUse.add(topic);
        Optional<TopicRouteData> route = routes.containsKey(topic) ? Optional.of(routes.get(topic))
                : store(topic, fetch(topic, deadlineMillis));
        if (route.isPresent()) {
            TopicPublishInfo info = new TopicPublishInfo(writableQueues(topic, route.get(), Integer.MAX_VALUE), false);
            if (!info.isEmpty()) {
                publishInfos.put(topic, info);
                return info;
            }
        }
        if (cached != null && !cached.isEmpty()) {
            return cached;
        }
        TopicRouteData defaultRoute = fetch(SystemTopics.AUTO_CREATE_TOPIC_KEY, deadlineMillis)
                .orElseThrow(() -> noRoute(topic));
        rememberBrokers(defaultRoute);
        TopicPublishInfo info = new TopicPublishInfo(writableQueues(topic, defaultRoute, defaultQueueNums), true);
        if (info.isEmpty()) {
            throw noRoute(topic);
        }
        publishInfos.put(topic, info);
        return info;
    }

    /** The topic's readable queues, sorted; empty when there is no route. */
    public List<MessageQueue> subscribeQueues(String topic) {
        List<MessageQueue> queues = new ArrayList<>();
        route(topic).ifPresent(route -> {
            for (QueueData data : route.queueDatas()) {
                if ((data.perm() & PERM_READ) != 0) {
                    for (int id = 0; id < data.readQueueNums(); id++) {
                        queues.add(new MessageQueue(topic, data.brokerName(), id));
                    }
                }
            }
        });
        queues.sort(null);
        return queues;
    }

    /** The master of {@code brokerName}, from any route seen so far. */
    public Optional<String> masterAddress(String brokerName) {
        BrokerData broker = brokers.get(brokerName);
        return broker == null ? Optional.empty() : broker.masterAddr();
    }

    /**
     * The member of {@code brokerName} a consumer request goes to, by {@link BrokerChoice}'s rule; empty when no
     * route seen so far has the group, or (with {@code onlyThisBroker}) it lacks the wanted member.
     */
    public Optional<BrokerChoice> subscribeAddress(String brokerName, long brokerId, boolean onlyThisBroker) {
        BrokerData broker = brokers.get(brokerName);
        return broker == null ? Optional.empty()
                : BrokerChoice.inSubscribe(broker.brokerAddrs(), brokerId, onlyThisBroker);
    }

    /** The cluster of {@code brokerName}, from any route seen so far. */
    public Optional<String> cluster(String brokerName) {
        BrokerData broker = brokers.get(brokerName);
        return broker == null ? Optional.empty() : Optional.ofNullable(broker.cluster());
    }

    /** Every master address seen so far, sorted. */
    public Set<String> masterAddresses() {
        Set<String> addresses = new TreeSet<>();
        brokers.values().forEach(b -> b.masterAddr().ifPresent(addresses::add));
        return addresses;
    }

    /** Every broker address seen so far, masters and slaves, sorted (consumers heartbeat slaves too). */
    public Set<String> allAddresses() {
        Set<String> addresses = new TreeSet<>();
        brokers.values().forEach(b -> addresses.addAll(b.brokerAddrs().values()));
        return addresses;
    }

    /** A master holding {@code topic}, for group-wide calls such as GET_CONSUMER_LIST_BY_GROUP. */
    public Optional<String> anyMasterOf(String topic) {
        return route(topic).flatMap(route -> route.brokerDatas().stream()
                .map(BrokerData::masterAddr).flatMap(Optional::stream).findFirst());
    }

    /** Fetches {@code topic}'s route now; keeps the cached one when the name servers cannot be reached. */
    public Optional<TopicRouteData> refresh(String topic) {
        try {
            return store(topic, fetch(topic, Long.MAX_VALUE));
        } catch (MqClientException e) {
            log.debug("Route refresh of {} failed: {}", topic, e.getMessage());
            return Optional.ofNullable(routes.get(topic));
        }
    }

    /**
     * Looks the routes of {@code topics} up now (the producer's start, for topics the application declares), so that
     * their first sends do not spend their budget on it. A topic without a route is left for its first send.
     */
    public void lookUpAhead(Iterable<String> topics) {
        for (String topic : topics) {
            topicsInUse.add(topic);
            refresh(topic);
        }
    }

    private Optional<TopicRouteData> store(String topic, Optional<TopicRouteData> route) {
        route.ifPresentOrElse(r -> {
            routes.put(topic, r);
            rememberBrokers(r);
            TopicPublishInfo current = publishInfos.get(topic);
            List<MessageQueue> writable = writableQueues(topic, r, Integer.MAX_VALUE);
            if (!writable.isEmpty() && (current == null || current.fromDefaultTopic()
                    || !current.queues().equals(writable))) {
                publishInfos.put(topic, new TopicPublishInfo(writable, false));
            }
        }, () -> routes.remove(topic));
        return route;
    }

    /** No route for {@code topic} and none to create it with: what to do about it. */
    private MqClientException noRoute(String topic) {
        return new MqClientException(ResponseCode.TOPIC_NOT_EXIST, "No route info of this topic: " + topic
                + ". The name servers " + remoting.nameServerAddresses() + " know no broker with topic " + topic
                + ", and no broker creates topics on their first send (autoCreateTopicEnable=false). Create it, e.g. "
                + "mqadmin updateTopic -n <name server> -c <cluster> -t " + topic + ", or declare it in the "
                + "application (mq.topics." + topic + ".queues=4, or an MqTopic bean) on a broker that lets the "
                + "application create topics");
    }

    /** Refreshes every topic in use; run periodically. */
    public void refreshAll() {
        topicsInUse.forEach(this::refresh);
    }

    private Optional<TopicRouteData> fetch(String topic, long deadlineMillis) {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.GET_ROUTEINFO_BY_TOPIC,
                new GetRouteInfoRequestHeader(topic, null));
        RemotingCommand response;
        try {
            response = remoting.invokeNameServer(request, timeoutMillis, deadlineMillis);
        } catch (MqClientException e) {
            throw new MqClientException("route lookup of " + topic + " failed: " + e.getMessage(), e);
        }
        if (response.code() == ResponseCode.TOPIC_NOT_EXIST) {
            return Optional.empty();
        }
        if (response.code() != ResponseCode.SUCCESS) {
            throw new MqClientException(response.code(), "route lookup of " + topic + " answered "
                    + ResponseCode.describe(response.code()) + ": " + response.remark());
        }
        return Optional.of(RemotingJson.decode(response.body(), TopicRouteData.class));
    }

    private void rememberBrokers(TopicRouteData route) {
        for (BrokerData broker : route.brokerDatas()) {
            BrokerData previous = brokers.put(broker.brokerName(), broker);
            broker.brokerAddrs().forEach((id, address) -> {
                if (previous == null || !address.equals(previous.brokerAddrs().get(id))) {
                    newBrokerListener.accept(address);
                }
            });
        }
    }

    private List<MessageQueue> writableQueues(String topic, TopicRouteData route, int maxPerBroker) {
        List<MessageQueue> queues = new ArrayList<>();
        List<QueueData> datas = new ArrayList<>(route.queueDatas());
        datas.sort((a, b) -> a.brokerName().compareTo(b.brokerName()));
        for (QueueData data : datas) {
            boolean hasMaster = route.brokerDatas().stream()
                    .anyMatch(b -> b.brokerName().equals(data.brokerName()) && b.masterAddr().isPresent());
            if ((data.perm() & PERM_WRITE) == 0 || !hasMaster) {
                continue;
            }
            int count = Math.min(data.writeQueueNums(), maxPerBroker);
            if (maxPerBroker != Integer.MAX_VALUE) {
                count = Math.min(maxPerBroker, data.readQueueNums());
            }
            for (int id = 0; id < count; id++) {
                queues.add(new MessageQueue(topic, data.brokerName(), id));
            }
        }
        return queues;
    }
}
