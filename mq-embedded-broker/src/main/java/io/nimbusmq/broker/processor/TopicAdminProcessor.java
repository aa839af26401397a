package io.nimbusmq.broker.processor;

import java.util.LinkedHashMap;
import java.util.Map;

import io.nimbusmq.broker.offset.ConsumerOffsetTable;
import io.nimbusmq.broker.stats.ConsumeProgress;
import io.nimbusmq.broker.stats.MessageTrack;
import io.nimbusmq.broker.topic.TopicConfigTable;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.message.TopicValidator;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestProcessor;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.DataVersion;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.protocol.body.TopicConfigSerializeWrapper;
import io.nimbusmq.remoting.protocol.body.TopicList;
import io.nimbusmq.remoting.protocol.body.admin.GroupList;
import io.nimbusmq.remoting.protocol.body.admin.TopicStatsTable;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import io.nimbusmq.remoting.protocol.header.CreateTopicRequestHeader;
import io.nimbusmq.remoting.protocol.header.TopicRequestHeader;
import io.nimbusmq.store.MessageStore;

/**
 * Topic administration: UPDATE_AND_CREATE_TOPIC (17), DELETE_TOPIC_IN_BROKER (215), GET_TOPIC_STATS_INFO (202),
 * GET_TOPIC_CONFIG (351, which the 5.x admin tools send before reading topic or consumer stats), GET_ALL_TOPIC_CONFIG
 * (21, the dashboard's topic list), GET_SYSTEM_TOPIC_LIST_FROM_BROKER (305) and QUERY_TOPIC_CONSUME_BY_WHO (300: the
 * groups online on the topic and those with offsets on it, as RocketMQ answers; the admin tools build a message's
 * track, {@code statsAll} and the dashboard's consumer lists from it).
 */
public final class TopicAdminProcessor implements RequestProcessor {

    private final MessageStore store;
    private final TopicConfigTable topics;
    private final ConsumerOffsetTable offsets;
    private final String brokerName;
    private final MessageTrack track;
    private final Runnable topicsDeleted;

    /** @param topicsDeleted called after a deletion so that the name servers learn of it */
    public TopicAdminProcessor(MessageStore store, TopicConfigTable topics, ConsumerOffsetTable offsets,
            MessageTrack track, String brokerName, Runnable topicsDeleted) {
        this.store = store;
        this.topics = topics;
        this.offsets = offsets;
        this.track = track;
        this.brokerName = brokerName;
        this.topicsDeleted = topicsDeleted;
    }

    public static int[] requestCodes() {
        return new int[] {RequestCode.UPDATE_AND_CREATE_TOPIC, RequestCode.DELETE_TOPIC_IN_BROKER,
                RequestCode.GET_TOPIC_STATS_INFO, RequestCode.GET_TOPIC_CONFIG, RequestCode.GET_ALL_TOPIC_CONFIG,
                RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_BROKER, RequestCode.QUERY_TOPIC_CONSUME_BY_WHO};
    }

    @Override
    public RemotingCommand processRequest(RequestContext context, RemotingCommand request) {
        return switch (request.code()) {
            case RequestCode.UPDATE_AND_CREATE_TOPIC -> createOrUpdate(request);
            case RequestCode.DELETE_TOPIC_IN_BROKER -> delete(request);
            case RequestCode.GET_TOPIC_CONFIG -> topicConfig(request);
            case RequestCode.GET_ALL_TOPIC_CONFIG -> success(request).setBody(RemotingJson.encode(
                    TopicConfigSerializeWrapper.of(topics.all(),
                            new DataVersion(topics.dataVersion(), 0, System.currentTimeMillis()))));
            case RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_BROKER -> success(request).setBody(RemotingJson.encode(
                    TopicList.of(topics.all().stream().map(TopicConfig::topicName)
                            .filter(t -> SystemTopics.isSystemTopic(t) || t.equals(brokerName)).toList())));
            case RequestCode.QUERY_TOPIC_CONSUME_BY_WHO -> consumedBy(request);
            default -> stats(request);
        };
    }

    private RemotingCommand createOrUpdate(RemotingCommand request) {
        CreateTopicRequestHeader header = CreateTopicRequestHeader.readFrom(request);
        String topic = header.topic();
        String problem = TopicValidator.validate(topic);
        if (problem != null) {
            return RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR, problem);
        }
        if (topic.equals(SystemTopics.AUTO_CREATE_TOPIC_KEY) || TopicValidator.isNotAllowedToSend(topic)) {
            return RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR,
                    "The topic[" + topic + "] is conflict with system topic.");
        }
        int read = header.readQueueNums();
        int write = header.writeQueueNums();
        if (read <= 0 || write <= 0 || read > 1024 || write > 1024) {
            return RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR,
                    "queue numbers must be in 1..1024: read " + read + ", write " + write);
        }
        topics.createOrUpdate(new TopicConfig(topic, read, write, header.perm(), header.topicFilterType(),
                header.topicSysFlag() == null ? 0 : header.topicSysFlag(), header.order(),
                parseAttributes(header.attributes())));
        return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null);
    }

    /** Attributes travel as {@code +key=value,+key2=value2}. */
    private static Map<String, String> parseAttributes(String attributes) {
        Map<String, String> parsed = new LinkedHashMap<>();
        if (attributes == null || attributes.isBlank()) {
            return parsed;
        }
        for (String part : attributes.split(",")) {
            String entry = part.startsWith("+") || part.startsWith("-") ? part.substring(1) : part;
            int eq = entry.indexOf('=');
            if (eq > 0 && !part.startsWith("-")) {
                parsed.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return parsed;
    }

    private RemotingCommand delete(RemotingCommand request) {
        String topic = TopicRequestHeader.readFrom(request).topic();
        if (topic.equals(SystemTopics.AUTO_CREATE_TOPIC_KEY)) {
            return RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR,
                    "The topic[" + topic + "] is a system topic and cannot be deleted.");
        }
        topics.delete(topic);
        store.deleteTopic(topic);
        offsets.removeTopic(topic);
        topicsDeleted.run();
        return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null);
    }

    private RemotingCommand consumedBy(RemotingCommand request) {
        String topic = TopicRequestHeader.readFrom(request).topic();
        return success(request).setBody(RemotingJson.encode(new GroupList(track.groupsConsuming(topic))));
    }

    private static RemotingCommand success(RemotingCommand request) {
        return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null);
    }

    private RemotingCommand topicConfig(RemotingCommand request) {
        String topic = TopicRequestHeader.readFrom(request).topic();
        TopicConfig config = topics.find(topic);
        if (config == null) {
            return RemotingCommand.createResponse(request, ResponseCode.TOPIC_NOT_EXIST,
                    "No topic in this broker. topic: " + topic);
        }
        return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null)
                .setBody(RemotingJson.encode(config));
    }

    private RemotingCommand stats(RemotingCommand request) {
        String topic = TopicRequestHeader.readFrom(request).topic();
        TopicConfig config = topics.find(topic);
        if (config == null) {
            return RemotingCommand.createResponse(request, ResponseCode.TOPIC_NOT_EXIST,
                    "topic[" + topic + "] not exist");
        }
        Map<MessageQueue, TopicStatsTable.TopicOffset> table = new LinkedHashMap<>();
        for (int queueId = 0; queueId < config.writeQueueNums(); queueId++) {
            long max = store.maxOffsetInQueue(topic, queueId);
            long lastUpdate = max > 0 ? ConsumeProgress.storeTimeAt(store, topic, queueId, max - 1) : 0;
            table.put(new MessageQueue(topic, brokerName, queueId),
                    new TopicStatsTable.TopicOffset(store.minOffsetInQueue(topic, queueId), max, lastUpdate));
        }
        return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null)
                .setBody(RemotingJson.encode(new TopicStatsTable(table)));
    }
}
