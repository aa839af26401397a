package io.nimbusmq.broker.processor;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

import io.nimbusmq.broker.offset.ConsumerOffsetTable;
import io.nimbusmq.broker.stats.BrokerStats;
import io.nimbusmq.broker.stats.ConsumeProgress;
import io.nimbusmq.broker.stats.RuntimeInfo;
import io.nimbusmq.broker.stats.StatsItem;
import io.nimbusmq.broker.stats.StatsSnapshot;
import io.nimbusmq.broker.subscription.SubscriptionGroupTable;
import io.nimbusmq.broker.topic.TopicConfigTable;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestProcessor;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.KvTable;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.protocol.body.admin.BrokerStatsData;
import io.nimbusmq.remoting.protocol.body.admin.ConsumeStats;
import io.nimbusmq.remoting.protocol.body.admin.ConsumeStatsList;
import io.nimbusmq.remoting.protocol.header.GetConsumeStatsInBrokerRequestHeader;
import io.nimbusmq.remoting.protocol.header.ViewBrokerStatsDataRequestHeader;

/**
 * The broker's statistics, as RocketMQ answers them: GET_BROKER_RUNTIME_INFO (28, {@code mqadmin brokerStatus} and
 * {@code clusterList}; {@link RuntimeInfo}), VIEW_BROKER_STATS_DATA (315, {@code statsAll} and the dashboard's
 * trends; one {@link BrokerStats} item over a minute, an hour and a day, or SYSTEM_ERROR when it does not exist) and
 * GET_BROKER_CONSUME_STATS (317, {@code brokerConsumeStats}; every group's progress on every topic it committed
 * offsets on).
 */
public final class BrokerStatsProcessor implements RequestProcessor {

    private final RuntimeInfo runtimeInfo;
    private final BrokerStats stats;
    private final ConsumeProgress progress;
    private final SubscriptionGroupTable groups;
    private final ConsumerOffsetTable offsets;
    private final TopicConfigTable topics;
    private final Supplier<InetSocketAddress> address;

    /** What the processor reads. */
    public record Sources(RuntimeInfo runtimeInfo, BrokerStats stats, ConsumeProgress progress,
            SubscriptionGroupTable groups, ConsumerOffsetTable offsets, TopicConfigTable topics) {
    }

    public BrokerStatsProcessor(Sources sources, Supplier<InetSocketAddress> address) {
        this.runtimeInfo = sources.runtimeInfo();
        this.stats = sources.stats();
        this.progress = sources.progress();
        this.groups = sources.groups();
        this.offsets = sources.offsets();
        this.topics = sources.topics();
        this.address = address;
    }

    public static int[] requestCodes() {
        return new int[] {RequestCode.GET_BROKER_RUNTIME_INFO, RequestCode.VIEW_BROKER_STATS_DATA,
            RequestCode.GET_BROKER_CONSUME_STATS};
    }

    @Override
    public RemotingCommand processRequest(RequestContext context, RemotingCommand request) {
        return switch (request.code()) {
            case RequestCode.GET_BROKER_RUNTIME_INFO -> success(request)
                    .setBody(RemotingJson.encode(new KvTable(runtimeInfo.table())));
            case RequestCode.VIEW_BROKER_STATS_DATA -> statsData(request);
            default -> consumeStatsOfAllGroups(request);
        };
    }

    private RemotingCommand statsData(RemotingCommand request) {
        ViewBrokerStatsDataRequestHeader header = ViewBrokerStatsDataRequestHeader.readFrom(request);
        return stats.item(header.statsName(), header.statsKey())
                .map(item -> success(request).setBody(RemotingJson.encode(toBody(item))))
                .orElseGet(() -> RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR,
                        String.format("The stats <%s> <%s> not exist", header.statsName(), header.statsKey())));
    }

    private static BrokerStatsData toBody(StatsItem item) {
        return new BrokerStatsData(window(item.minute()), window(item.hour()), window(item.day()));
    }

    private static BrokerStatsData.Item window(StatsSnapshot snapshot) {
        return new BrokerStatsData.Item(snapshot.sum(), snapshot.tps(), snapshot.avgpt());
    }

    private RemotingCommand consumeStatsOfAllGroups(RemotingCommand request) {
        boolean orderOnly = GetConsumeStatsInBrokerRequestHeader.readFrom(request).order();
        Map<String, Set<String>> topicsByGroup = offsets.groupsAndTopics();
        List<Map<String, List<ConsumeStats>>> list = new ArrayList<>();
        long totalDiff = 0;
        long totalInflight = 0;
        Set<String> groupNames = new TreeSet<>(topicsByGroup.keySet());
        groups.all().forEach(g -> groupNames.add(g.groupName()));
        for (String group : groupNames) {
            List<ConsumeStats> perTopic = new ArrayList<>();
            for (String topic : topicsByGroup.getOrDefault(group, Set.of())) {
                TopicConfig config = topics.find(topic);
                ConsumeStats consumeStats = config == null || (orderOnly && !config.order()) ? null
                        : progress.of(group, topic);
                if (consumeStats != null) {
                    perTopic.add(consumeStats);
                    totalDiff += consumeStats.totalDiff();
                    totalInflight += consumeStats.totalInflight();
                }
            }
            list.add(new TreeMap<>(Map.of(group, perTopic)));
        }
        InetSocketAddress broker = address.get();
        return success(request).setBody(RemotingJson.encode(new ConsumeStatsList(list,
                broker.getHostString() + ":" + broker.getPort(), totalDiff, totalInflight)));
    }

    private static RemotingCommand success(RemotingCommand request) {
        return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null);
    }
}
