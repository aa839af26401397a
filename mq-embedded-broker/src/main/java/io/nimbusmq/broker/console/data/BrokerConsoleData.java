package io.nimbusmq.broker.console.data;

import java.io.File;
import java.net.InetSocketAddress;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.netty.channel.Channel;
import io.nimbusmq.broker.BrokerConfig;
import io.nimbusmq.broker.BrokerRuntime;
import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.broker.client.ClientChannelInfo;
import io.nimbusmq.broker.console.ConsoleConfig;
import io.nimbusmq.broker.console.ConsoleData;
import io.nimbusmq.broker.console.model.GroupViews;
import io.nimbusmq.broker.console.model.MessageViews;
import io.nimbusmq.broker.console.model.Overview;
import io.nimbusmq.broker.console.model.PendingViews;
import io.nimbusmq.broker.console.model.TopicViews;
import io.nimbusmq.broker.stats.BrokerStats;
import io.nimbusmq.remoting.protocol.RemotingVersion;
import io.nimbusmq.store.MessageStore;

/**
 * {@link ConsoleData} over a running broker's parts: its topic, subscription-group and offset tables, client
 * registries, statistics ({@link BrokerStats}: traffic), consume progress and message track, store, timer and
 * transaction services; changes go through the broker's admin request processors ({@link LocalAdmin}). One class
 * per page does the work; this one wires them and owns the {@link LagHistory}.
 */
public final class BrokerConsoleData implements ConsoleData, AutoCloseable {

    private static final int TOP = 5;
    /** The overview's current rates: RocketMQ's shortest TPS window (brokerStatus putTps/getTransferredTps). */
    private static final int TRAFFIC_WINDOW_SECONDS = 10;

    private final BrokerRuntime runtime;
    private final BrokerConfig config;
    private final long startedAtMillis;
    private final TopicData topics;
    private final GroupData groups;
    private final MessageData messages;
    private final DeadLetterData deadLetters;
    private final PendingData pending;
    private final BrokerStats stats;
    private final int trafficStepSeconds;
    private final LagHistory lagHistory;

    /**
     * @param admin runs admin requests through the broker's processors
     * @param console how often lag is sampled and how many samples the charts show
     */
    public BrokerConsoleData(BrokerRuntime runtime, BrokerConfig config, LocalAdmin admin, ConsoleConfig console) {
        this.runtime = runtime;
        this.config = config;
        this.startedAtMillis = System.currentTimeMillis();
        MessageStore store = runtime.store();
        MessageReader reader = new MessageReader(store, runtime.topics());
        this.topics = new TopicData(store, runtime.topics(), admin, reader, config.clusterName());
        this.groups = new GroupData(new GroupData.Sources(runtime.subscriptionGroups(), runtime.offsets(),
                runtime.consumers(), runtime.consumeProgress(), runtime.messageTrack()), admin, topics);
        this.messages = new MessageData(store, runtime.consumers(), admin, reader, groups);
        this.deadLetters = new DeadLetterData(runtime.topics(), admin, reader, topics);
        this.pending = new PendingData(store, reader, runtime.timerService(), config.schedule().levels().maxLevel(),
                runtime.transactions(), config.transaction());
        this.stats = runtime.stats();
        this.trafficStepSeconds = (int) Math.max(1, console.sampleIntervalMillis() / 1000);
        this.lagHistory = new LagHistory(groups::lagByGroup, console.sampleIntervalMillis(), console.historySize());
        lagHistory.start();
    }

    /**
     * The overview, without the lag of every group (what made it the slowest call of the console, a pass over every
     * group's queues): the busiest groups' lag is computed for them alone, and the most lagging groups are chosen by
     * the {@link LagHistory}'s last sample (at most one sample interval old, 5 s by default: the overview page
     * refreshes as often), then shown with their lag now.
     */
    @Override
    public Overview overview() {
        MessageStore store = runtime.store();
        Set<String> groupNames = groups.names();
        Map<String, Double> groupRates = groupRates();
        List<Overview.TopicRate> busiestTopics = topicRates().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(TOP)
                .map(e -> new Overview.TopicRate(e.getKey(), e.getValue())).toList();
        List<Overview.GroupRate> busiestGroups = groupRates.entrySet().stream()
                .filter(e -> e.getValue() > 0 && groupNames.contains(e.getKey()))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(TOP)
                .map(e -> new Overview.GroupRate(e.getKey(), e.getValue(), groups.lag(e.getKey()))).toList();
        List<Overview.GroupRate> laggingGroups = lagHistory.latest().entrySet().stream()
                .filter(e -> e.getValue() > 0 && !SystemNames.isSystemGroup(e.getKey())
                        && groupNames.contains(e.getKey()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP)
                .map(e -> new Overview.GroupRate(e.getKey(), groupRates.getOrDefault(e.getKey(), 0.0),
                        groups.lag(e.getKey())))
                .filter(g -> g.lag() > 0).sorted(Comparator.comparingLong(Overview.GroupRate::lag).reversed())
                .toList();
        InetSocketAddress address = runtime.address();
        return new Overview(config.brokerName(), config.clusterName(), version(),
                address.getHostString() + ":" + address.getPort(), startedAtMillis,
                System.currentTimeMillis() - startedAtMillis, disk(store), connections(), topics.count(),
                groupNames.size(), stats.putTps(TRAFFIC_WINDOW_SECONDS), stats.getTps(TRAFFIC_WINDOW_SECONDS),
                busiestTopics, busiestGroups, laggingGroups);
    }

    private static String version() {
        String version = EmbeddedBroker.class.getPackage().getImplementationVersion();
        return "Nimbus MQ " + (version != null ? version : "(development build)") + ", RocketMQ protocol "
                + ClientVersions.name(RemotingVersion.CURRENT);
    }

    /** The store's disk: File's space calls ask the file system directly (no walk of the mount table). */
    private Overview.Disk disk(MessageStore store) {
        File dir = config.messageStoreDir().toFile();
        return new Overview.Disk(config.storeDir().toAbsolutePath().toString(),
                store.commitLogMaxOffset() - store.commitLogMinOffset(), dir.getTotalSpace(), dir.getUsableSpace(),
                store.isWritable(), store.notWritableReason());
    }

    /** Client connections: each channel of a producer or consumer once. */
    private int connections() {
        Set<Channel> channels = new HashSet<>();
        for (String group : runtime.consumers().groups()) {
            runtime.consumers().group(group).ifPresent(info -> channels.addAll(info.channels()));
        }
        for (String group : runtime.producers().groups()) {
            runtime.producers().connections(group).stream().map(ClientChannelInfo::channel).forEach(channels::add);
        }
        return channels.size();
    }

    /** Messages stored per second by topic over the last minute (TOPIC_PUT_NUMS). */
    private Map<String, Double> topicRates() {
        Map<String, Double> rates = new HashMap<>();
        stats.forEachTopic((topic, counters) -> rates.put(topic, counters.nums().minute().tps()));
        return rates;
    }

    /** Messages delivered per second by group over the last minute, all topics (GROUP_GET_NUMS). */
    private Map<String, Double> groupRates() {
        Map<String, Double> rates = new HashMap<>();
        stats.forEachTopicAndGroup((topic, group, counters) -> rates.merge(group, counters.nums().minute().tps(),
                Double::sum));
        return rates;
    }

    @Override
    public List<Overview.TrafficPoint> traffic() {
        return stats.trafficHistory(trafficStepSeconds).stream()
                .map(s -> new Overview.TrafficPoint(s.timeMillis(), s.putTps(), s.getTps())).toList();
    }

    @Override
    public List<TopicViews.Summary> topics() {
        return topics.summaries();
    }

    @Override
    public TopicViews.Detail topic(String topic) {
        topics.require(topic);
        return topics.detail(topic, List.copyOf(groups.consumersOf(topic)));
    }

    @Override
    public void createTopic(TopicViews.Spec spec, InetSocketAddress peer) {
        topics.createOrUpdate(spec, true, peer);
    }

    @Override
    public void updateTopic(TopicViews.Spec spec, InetSocketAddress peer) {
        topics.createOrUpdate(spec, false, peer);
    }

    @Override
    public void deleteTopic(String topic, InetSocketAddress peer) {
        topics.delete(topic, peer);
    }

    @Override
    public TopicViews.Sent sendTestMessage(String topic, TopicViews.TestMessage message, InetSocketAddress peer) {
        return topics.send(topic, message, peer);
    }

    @Override
    public List<GroupViews.Summary> groups() {
        return groups.summaries(groupRates());
    }

    @Override
    public GroupViews.Detail group(String group) {
        return groups.detail(group);
    }

    @Override
    public List<GroupViews.LagPoint> lagHistory(String group) {
        groups.require(group);
        return lagHistory.of(group);
    }

    @Override
    public List<GroupViews.QueueLag> resetOffset(String group, GroupViews.Reset reset, InetSocketAddress peer) {
        groups.require(group);
        return groups.resetOffset(group, reset, peer);
    }

    @Override
    public void deleteGroup(String group, InetSocketAddress peer) {
        groups.delete(group, peer);
    }

    @Override
    public MessageViews.SearchResult messagesByTime(String topic, long beginMillis, long endMillis, int limit) {
        return messages.byTime(topic, beginMillis, endMillis, limit);
    }

    @Override
    public MessageViews.SearchResult messagesByKey(String topic, String key, int limit) {
        return messages.byKey(topic, key, limit);
    }

    @Override
    public MessageViews.SearchResult messagesById(String topic, String msgId) {
        return messages.byId(topic, msgId);
    }

    @Override
    public MessageViews.Detail message(String offsetMsgId) {
        return messages.detail(offsetMsgId);
    }

    @Override
    public MessageViews.ConsumeResult resendToGroup(String offsetMsgId, MessageViews.ResendToGroup request,
            InetSocketAddress peer) {
        return messages.resendToGroup(offsetMsgId, request, peer);
    }

    @Override
    public List<PendingViews.DeadLetterGroup> deadLetterGroups() {
        return deadLetters.groups();
    }

    @Override
    public MessageViews.SearchResult deadLetters(String group, int limit) {
        return deadLetters.deadLetters(group, limit);
    }

    @Override
    public MessageViews.SearchResult retries(String group, int limit) {
        return deadLetters.retries(group, limit);
    }

    @Override
    public PendingViews.Resent resendDeadLetter(String group, String msgId, InetSocketAddress peer) {
        return deadLetters.resend(group, msgId, peer);
    }

    @Override
    public List<PendingViews.Resent> resendAllDeadLetters(String group, InetSocketAddress peer) {
        return deadLetters.resendAll(group, peer);
    }

    @Override
    public void deleteDeadLetters(String group, InetSocketAddress peer) {
        deadLetters.delete(group, peer);
    }

    @Override
    public PendingViews.ScheduledPage scheduled(int limit) {
        return pending.scheduled(limit);
    }

    @Override
    public PendingViews.TransactionPage transactions(int limit) {
        return pending.transactions(limit);
    }

    @Override
    public void close() {
        lagHistory.close();
    }
}
