package io.nimbusmq.broker.processor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.nimbusmq.broker.client.ConsumerManager;
import io.nimbusmq.broker.offset.ConsumerOffsetTable;
import io.nimbusmq.broker.stats.ConsumeProgress;
import io.nimbusmq.broker.topic.TopicConfigTable;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestProcessor;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.protocol.body.admin.ConsumeStats;
import io.nimbusmq.remoting.protocol.body.admin.ResetOffsetBody;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import io.nimbusmq.remoting.protocol.header.GetConsumeStatsRequestHeader;
import io.nimbusmq.remoting.protocol.header.ResetOffsetRequestHeader;
import io.nimbusmq.store.MessageStore;
import io.nimbusmq.store.read.BoundaryType;

/**
 * Where consumer groups are, and moving them: GET_CONSUME_STATS (208, {@code mqadmin consumerProgress}, the
 * dashboard's consumer page; {@link ConsumeProgress} per topic) and INVOKE_BROKER_TO_RESET_OFFSET (222,
 * {@code resetOffsetByTime}, {@code skipAccumulatedMessage}, the dashboard's reset and skip).
 *
 * <p>A reset, as RocketMQ's {@code Broker2Client.resetOffset} computes it: each queue goes to the first message
 * stored at or after the timestamp (its max offset for timestamp -1, "skip the backlog"), but only backwards unless
 * the request says {@code isForce}; the answer lists the new offsets. The broker commits them (a group that is
 * offline finds them when it comes back) and serves the group's next pull of each queue from there
 * ({@link ConsumerOffsetTable#reset}; pulls held by long polling are answered at once), so live consumers move
 * within one pull. It does not send
 * RESET_CONSUMER_CLIENT_OFFSET as RocketMQ does: the official client suspends itself for 10 s on it, then pulls the
 * rewound messages a second time.
 */
public final class ConsumerProgressProcessor implements RequestProcessor {

    private final MessageStore store;
    private final TopicConfigTable topics;
    private final ConsumerOffsetTable offsets;
    private final ConsumerManager consumers;
    private final String brokerName;
    private final ConsumeProgress progress;
    private final HeldPullWaker heldPulls;

    /** Answers the pulls held (long polling) on a queue now, so that a reset reaches them at once. */
    @FunctionalInterface
    public interface HeldPullWaker {
        void wake(String topic, int queueId);
    }

    /** What the processor reads and moves. */
    public record Tables(MessageStore store, TopicConfigTable topics, ConsumerOffsetTable offsets,
            ConsumerManager consumers, String brokerName) {
    }

    public ConsumerProgressProcessor(Tables tables, ConsumeProgress progress, HeldPullWaker heldPulls) {
        this.store = tables.store();
        this.topics = tables.topics();
        this.offsets = tables.offsets();
        this.consumers = tables.consumers();
        this.brokerName = tables.brokerName();
        this.progress = progress;
        this.heldPulls = heldPulls;
    }

    public static int[] requestCodes() {
        return new int[] {RequestCode.GET_CONSUME_STATS, RequestCode.INVOKE_BROKER_TO_RESET_OFFSET};
    }

    @Override
    public RemotingCommand processRequest(RequestContext context, RemotingCommand request) {
        return request.code() == RequestCode.GET_CONSUME_STATS ? consumeStats(request) : resetOffset(request);
    }

    private RemotingCommand consumeStats(RemotingCommand request) {
        GetConsumeStatsRequestHeader header = GetConsumeStatsRequestHeader.readFrom(request);
        String group = header.consumerGroup();
        Map<MessageQueue, ConsumeStats.OffsetWrapper> table = new LinkedHashMap<>();
        double consumeTps = 0;
        for (String topic : topicsOf(group, header.topic())) {
            ConsumeStats ofTopic = progress.of(group, topic);
            if (ofTopic != null) {
                table.putAll(ofTopic.offsetTable());
                consumeTps += ofTopic.consumeTps();
            }
        }
        return success(request).setBody(RemotingJson.encode(new ConsumeStats(consumeTps, table)));
    }

    private Set<String> topicsOf(String group, String topic) {
        if (topic != null && !topic.isBlank()) {
            return Set.of(topic);
        }
        return progress.reportedTopics(group,
                consumers.group(group).map(g -> g.subscriptions().keySet()).orElse(Set.of()));
    }

    private RemotingCommand resetOffset(RemotingCommand request) {
        ResetOffsetRequestHeader header = ResetOffsetRequestHeader.readFrom(request);
        String topic = header.topic();
        String group = header.group();
        TopicConfig config = topics.find(topic);
        if (config == null) {
            return RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR,
                    "[reset-offset] reset offset failed, no topic in this broker. topic=" + topic);
        }
        Map<MessageQueue, Long> table = new LinkedHashMap<>();
        for (int queueId = 0; queueId < config.readQueueNums(); queueId++) {
            long target = Math.max(0, header.timestamp() < 0 ? store.maxOffsetInQueue(topic, queueId)
                    : store.offsetForTimestamp(topic, queueId, header.timestamp(), BoundaryType.LOWER));
            long current = offsets.query(group, topic, queueId);
            long offset = header.force() || current < 0 || target < current ? target : current;
            offsets.reset(group, topic, queueId, offset);
            table.put(new MessageQueue(topic, brokerName, queueId), offset);
        }
        for (int queueId = 0; queueId < config.readQueueNums(); queueId++) {
            heldPulls.wake(topic, queueId);
        }
        return success(request).setBody(RemotingJson.encode(new ResetOffsetBody(table)));
    }

    private static RemotingCommand success(RemotingCommand request) {
        return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null);
    }
}
