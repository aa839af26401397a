package io.nimbusmq.broker.processor;

import java.time.Clock;

import io.nimbusmq.broker.filter.FilterUnavailableException;
import io.nimbusmq.broker.filter.SubscriptionFilters;
import io.nimbusmq.broker.filter.TagSubscription;
import io.nimbusmq.broker.longpolling.PullRequest;
import io.nimbusmq.broker.longpolling.PullRequestHoldService;
import io.nimbusmq.broker.offset.ConsumerOffsetTable;
import io.nimbusmq.broker.stats.BrokerStats;
import io.nimbusmq.broker.subscription.SubscriptionGroupTable;
import io.nimbusmq.broker.topic.TopicConfigTable;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestProcessor;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.protocol.body.admin.SubscriptionGroupConfig;
import io.nimbusmq.remoting.protocol.body.client.ExpressionType;
import io.nimbusmq.remoting.protocol.header.PullMessageRequestHeader;
import io.nimbusmq.remoting.protocol.header.PullMessageResponseHeader;
import io.nimbusmq.remoting.protocol.header.PullSysFlag;
import io.nimbusmq.store.MessageStore;
import io.nimbusmq.store.read.GetMessageResult;
import io.nimbusmq.store.read.MessageFilter;

/**
 * PULL_MESSAGE (11) and LITE_PULL_MESSAGE (361), with long polling.
 *
 * <p>After an admin reset the group's offsets ({@link ConsumerOffsetTable#reset}), its next pull of each queue is
 * served from the reset offset rather than the one it asked for, and answered at once: the client follows the
 * {@code nextBeginOffset} it gets, so a live consumer moves within one pull (the official client, told to reset by
 * RESET_CONSUMER_CLIENT_OFFSET instead, suspends itself for 10 s first).
 *
 * <p>A pull that finds messages is answered with the stored bytes, written from the mapped commit log without a copy
 * ({@link PullResponseWriter}). A pull that finds nothing and allows suspension is handed to the
 * {@link PullRequestHoldService}, which re-runs it (without suspension) when a message arrives or its time is up.
 */
public final class PullMessageProcessor implements RequestProcessor {

    private static final int MAX_MESSAGES_PER_PULL = 32;
    private static final int MAX_BYTES_PER_PULL = 256 * 1024;

    private final MessageStore store;
    private final TopicConfigTable topics;
    private final ConsumerOffsetTable offsets;
    private final SubscriptionLookup subscriptions;
    private final SubscriptionFilters filters;
    private final SubscriptionGroupTable groups;
    private final BrokerStats stats;
    private final Clock clock;
    private volatile PullRequestHoldService holdService;

    /**
     * @param consumers what a pull checks about its consumer group: the group's configuration (may it consume?),
     *     the subscriptions registered by heartbeat (for pulls that do not carry theirs) and the filters compiled
     *     from them
     * @param stats counts what each group pulls (GROUP_GET_NUMS / GROUP_GET_SIZE)
     */
    public PullMessageProcessor(MessageStore store, TopicConfigTable topics, ConsumerOffsetTable offsets,
            ConsumerChecks consumers, BrokerStats stats, Clock clock) {
        this.store = store;
        this.topics = topics;
        this.offsets = offsets;
        this.subscriptions = consumers.subscriptions();
        this.filters = consumers.filters();
        this.groups = consumers.groups();
        this.stats = stats;
        this.clock = clock;
    }

    public void setHoldService(PullRequestHoldService holdService) {
        this.holdService = holdService;
    }

    @Override
    public RemotingCommand processRequest(RequestContext context, RemotingCommand request) {
        return process(context, request, true);
    }

    /** Re-runs a held pull: never suspends again, always answers. */
    public void rerun(PullRequest held) {
        RemotingCommand response = process(held.context(), held.context().request(), false);
        if (response != null) {
            held.context().writeResponse(response);
        }
    }

    private RemotingCommand process(RequestContext context, RemotingCommand request, boolean suspendAllowed) {
        PullMessageRequestHeader header = PullMessageRequestHeader.readFrom(request);
        String group = header.consumerGroup();
        String topicName = header.topic();
        int queueId = header.queueId();
        long queueOffset = header.queueOffset();
        RemotingCommand response = RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR, null);

        SubscriptionGroupConfig groupConfig = groups.findOrCreate(group).orElse(null);
        if (groupConfig == null) {
            return fail(response, ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST, "subscription group [" + group
                    + "] does not exist");
        }
        if (!groupConfig.consumeEnable()) {
            response.writeHeader(PullMessageResponseHeader.forbidden(PullMessageResponseHeader.GROUP_FORBIDDEN));
            return fail(response, ResponseCode.NO_PERMISSION, "subscription group no permission, " + group);
        }
        TopicConfig topic = topics.find(topicName);
        if (topic == null) {
            return fail(response, ResponseCode.TOPIC_NOT_EXIST, "topic[" + topicName + "] not exist, apply first "
                    + "please!");
        }
        if (!topic.isReadable()) {
            response.writeHeader(PullMessageResponseHeader.forbidden(PullMessageResponseHeader.TOPIC_FORBIDDEN));
            return fail(response, ResponseCode.NO_PERMISSION, "the topic[" + topicName + "] pulling message is "
                    + "forbidden");
        }
        if (queueId < 0 || queueId >= topic.readQueueNums()) {
            return fail(response, ResponseCode.SYSTEM_ERROR, "queueId[" + queueId + "] is illegal, topic:["
                    + topicName + "] topicConfig.readQueueNums:[" + topic.readQueueNums() + "]");
        }
        MessageFilter filter = filter(header, response);
        if (filter == null) {
            return response;
        }
        if (PullSysFlag.hasCommitOffset(header.sysFlag()) && suspendAllowed && header.commitOffset() >= 0) {
            offsets.commit(group, topicName, queueId, header.commitOffset());
        }
        int maxBytes = header.maxMsgBytes() == null ? MAX_BYTES_PER_PULL
                : Math.min(MAX_BYTES_PER_PULL, header.maxMsgBytes());
        long reset = offsets.takePendingReset(group, topicName, queueId);
        if (reset >= 0 && reset != queueOffset) {
            // an admin reset the group: serve from there at once, whatever offset the client asked for
            queueOffset = reset;
            suspendAllowed = false;
        }
        long readStarted = System.nanoTime();
        GetMessageResult result = store.getMessages(topicName, queueId, queueOffset,
                Math.min(Math.max(header.maxMsgNums(), 1), MAX_MESSAGES_PER_PULL), Math.max(maxBytes, 1), filter);
        stats.onPull(result.messageCount() > 0, (System.nanoTime() - readStarted) / 1_000_000);
        PullStatusMapping.Mapped mapped = PullStatusMapping.map(result, queueOffset);
        response.setCode(mapped.responseCode());
        response.setRemark(result.status().name());
        response.writeHeader(new PullMessageResponseHeader(0L, mapped.nextBeginOffset(), result.minOffset(),
                result.maxOffset(), null));
        offsets.recordPull(group, topicName, queueId, mapped.nextBeginOffset());
        if (mapped.responseCode() == ResponseCode.SUCCESS) {
            stats.onGet(group, topicName, result.messageCount(), result.totalBytes());
            PullResponseWriter.write(context, response, result);
            return null;
        }
        result.release();
        boolean suspend = PullSysFlag.hasSuspend(header.sysFlag()) && suspendAllowed && holdService != null;
        if (mapped.responseCode() == ResponseCode.PULL_NOT_FOUND && suspend) {
            holdService.hold(new PullRequest(context, topicName, queueId, queueOffset, filter,
                    clock.millis() + Math.max(header.suspendTimeoutMillis(), 0)));
            return null;
        }
        return response;
    }

    private MessageFilter filter(PullMessageRequestHeader header, RemotingCommand response) {
        String group = header.consumerGroup();
        String topic = header.topic();
        String type;
        String expression;
        boolean fromRequest = PullSysFlag.hasSubscription(header.sysFlag());
        if (fromRequest) {
            type = header.expressionType() == null ? ExpressionType.TAG : header.expressionType();
            expression = header.subscription() == null ? TagSubscription.SUB_ALL : header.subscription();
        } else {
            SubscriptionLookup.Subscription subscription = subscriptions.find(group, topic);
            if (subscription == null) {
                fail(response, ResponseCode.SUBSCRIPTION_NOT_EXIST, "the consumer's subscription not exist, group: "
                        + group + ", topic: " + topic);
                return null;
            }
            if (subscription.subVersion() < header.subVersion()) {
                fail(response, ResponseCode.SUBSCRIPTION_NOT_LATEST, "the consumer's subscription not latest");
                return null;
            }
            type = subscription.expressionType();
            expression = subscription.expression();
        }
        try {
            return filters.filter(group, topic, type, expression);
        } catch (FilterUnavailableException e) {
            // RocketMQ: a pull's own expression that does not parse is SUBSCRIPTION_PARSE_FAILED; a heartbeat
            // subscription that did not compile left no filter data, FILTER_DATA_NOT_EXIST. Both retry in 3 s.
            int code = e.unsupported() ? ResponseCode.SYSTEM_ERROR
                    : fromRequest ? ResponseCode.SUBSCRIPTION_PARSE_FAILED : ResponseCode.FILTER_DATA_NOT_EXIST;
            fail(response, code, e.getMessage());
            return null;
        }
    }

    private static RemotingCommand fail(RemotingCommand response, int code, String remark) {
        response.setCode(code);
        response.setRemark(remark);
        return response;
    }
}
