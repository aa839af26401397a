package io.nimbusmq.broker.console.data;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.nimbusmq.broker.client.ClientChannelInfo;
import io.nimbusmq.broker.client.ConsumerGroupInfo;
import io.nimbusmq.broker.client.ConsumerManager;
import io.nimbusmq.broker.console.model.GroupViews;
import io.nimbusmq.broker.console.model.MessageViews;
import io.nimbusmq.broker.offset.ConsumerOffsetTable;
import io.nimbusmq.broker.topic.TopicConfigTable;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.protocol.body.client.SubscriptionData;
import io.nimbusmq.remoting.protocol.header.ResetOffsetRequestHeader;
import io.nimbusmq.store.MessageStore;

/**
 * Consumer groups for the console: every group online now ({@link ConsumerManager}) or with committed offsets
 * ({@link ConsumerOffsetTable}), its members and lag. Lag is counted as GET_CONSUME_STATS counts it: per queue of
 * every topic the group subscribes to or committed on, the queue's max offset minus the committed offset (0 when none).
 */
final class GroupData {

    private final MessageStore store;
    private final TopicConfigTable topics;
    private final ConsumerOffsetTable offsets;
    private final ConsumerManager consumers;
    private final LocalAdmin admin;
    private final TopicData topicData;

    GroupData(MessageStore store, TopicConfigTable topics, ConsumerOffsetTable offsets, ConsumerManager consumers,
            LocalAdmin admin, TopicData topicData) {
        this.store = store;
        this.topics = topics;
        this.offsets = offsets;
        this.consumers = consumers;
        this.admin = admin;
        this.topicData = topicData;
    }

    Set<String> names() {
        Set<String> names = new TreeSet<>(offsets.groups());
        names.addAll(consumers.groups());
        return names;
    }

    List<GroupViews.Summary> summaries(Map<String, Double> outRates) {
        List<GroupViews.Summary> result = new ArrayList<>();
        for (String group : names()) {
            Optional<ConsumerGroupInfo> info = consumers.group(group);
            long lag = queues(group).stream().mapToLong(GroupViews.QueueLag::lag).sum();
            result.add(new GroupViews.Summary(group, info.isPresent(), info.map(i -> i.clients().size()).orElse(0),
                    info.map(i -> String.valueOf(i.messageModel())).orElse(null),
                    info.map(i -> String.valueOf(i.consumeType())).orElse(null), List.copyOf(topicsOf(group)), lag,
                    outRates.getOrDefault(group, 0.0), SystemNames.isSystemGroup(group)));
        }
        return result;
    }

    GroupViews.Detail detail(String group) {
        if (!names().contains(group)) {
            throw new NoSuchElementException("There is no consumer group " + group
                    + ": no member is online and it never committed an offset here.");
        }
        Optional<ConsumerGroupInfo> info = consumers.group(group);
        List<GroupViews.Member> members = info.map(i -> i.clients().stream().map(GroupData::member).toList())
                .orElse(List.of());
        List<GroupViews.Subscription> subscriptions = info.map(i -> i.subscriptions().values().stream()
                .map(GroupData::subscription).toList()).orElse(List.of());
        List<GroupViews.QueueLag> queues = queues(group);
        return new GroupViews.Detail(group, info.isPresent(),
                info.map(i -> String.valueOf(i.messageModel())).orElse(null),
                info.map(i -> String.valueOf(i.consumeType())).orElse(null),
                info.map(i -> String.valueOf(i.consumeFromWhere())).orElse(null), members, subscriptions, queues,
                queues.stream().mapToLong(GroupViews.QueueLag::lag).sum(),
                topicData.storedMessages(SystemTopics.dlqTopic(group)),
                topicData.storedMessages(SystemTopics.retryTopic(group)));
    }

    private static GroupViews.Member member(ClientChannelInfo client) {
        return new GroupViews.Member(client.clientId(), client.clientAddress(), client.language().name(),
                ClientVersions.name(client.version()), client.lastUpdateMillis());
    }

    private static GroupViews.Subscription subscription(SubscriptionData data) {
        return new GroupViews.Subscription(data.topic(), data.tagExpression() ? "TAG" : "SQL92", data.subString());
    }

    /** Topics the group subscribes to or committed offsets on. */
    Set<String> topicsOf(String group) {
        Set<String> result = new TreeSet<>(offsets.topicsOf(group));
        consumers.group(group).ifPresent(info -> result.addAll(info.subscriptions().keySet()));
        return result;
    }

    List<GroupViews.QueueLag> queues(String group) {
        List<GroupViews.QueueLag> result = new ArrayList<>();
        for (String topic : topicsOf(group)) {
            result.addAll(queues(group, topic));
        }
        return result;
    }

    private List<GroupViews.QueueLag> queues(String group, String topic) {
        TopicConfig config = topics.find(topic);
        if (config == null) {
            return List.of();
        }
        List<GroupViews.QueueLag> result = new ArrayList<>();
        for (int queueId = 0; queueId < config.writeQueueNums(); queueId++) {
            long brokerOffset = store.maxOffsetInQueue(topic, queueId);
            long consumerOffset = offsets.query(group, topic, queueId);
            result.add(new GroupViews.QueueLag(topic, queueId, brokerOffset, consumerOffset,
                    Math.max(0, brokerOffset - Math.max(0, consumerOffset))));
        }
        return result;
    }

    /** Total lag of every group, for the traffic samples. */
    Map<String, Long> lagByGroup() {
        Map<String, Long> lag = new TreeMap<>();
        for (String group : names()) {
            lag.put(group, queues(group).stream().mapToLong(GroupViews.QueueLag::lag).sum());
        }
        return lag;
    }

    /** The sum of every group's committed offsets, for the traffic samples. */
    Map<String, Long> consumedByGroup() {
        Map<String, Long> consumed = new TreeMap<>();
        for (String group : offsets.groups()) {
            long sum = 0;
            for (String topic : offsets.topicsOf(group)) {
                sum += offsets.offsets(group, topic).values().stream().mapToLong(Long::longValue).sum();
            }
            consumed.put(group, sum);
        }
        return consumed;
    }

    /** Whether each group that reads the message's topic consumed it. */
    List<MessageViews.Consumption> consumption(StoredMessage message) {
        List<MessageViews.Consumption> result = new ArrayList<>();
        for (String group : names()) {
            if (!topicsOf(group).contains(message.topic())) {
                continue;
            }
            long committed = offsets.query(group, message.topic(), message.queueId());
            result.add(new MessageViews.Consumption(group, committed > message.queueOffset() ? "CONSUMED"
                    : "NOT_CONSUMED_YET", committed, consumers.consumerIds(group)));
        }
        return result;
    }

    /** INVOKE_BROKER_TO_RESET_OFFSET: the group's committed offsets move and its online members are told. */
    List<GroupViews.QueueLag> resetOffset(String group, GroupViews.Reset reset, InetSocketAddress peer) {
        String topic = reset.topic();
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("Choose the topic whose offsets to reset.");
        }
        if (!topicsOf(group).contains(topic)) {
            throw new NoSuchElementException("The group " + group + " does not consume the topic " + topic + ".");
        }
        long timestamp;
        if ("end".equals(reset.to())) {
            timestamp = -1;
        } else if ("time".equals(reset.to())) {
            if (reset.timestampMillis() == null || reset.timestampMillis() < 0) {
                throw new IllegalArgumentException("Give the time to reset to (timestampMillis, 0 or later).");
            }
            timestamp = reset.timestampMillis();
        } else {
            throw new IllegalArgumentException("Reset 'to' must be \"end\" or \"time\", not " + reset.to() + ".");
        }
        RemotingCommand response = admin.invoke(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET,
                new ResetOffsetRequestHeader(topic, group, -1, null, timestamp, true), null, peer);
        AdminAnswers.check(response, "reset the offsets of " + group + " on " + topic);
        return queues(group, topic);
    }

    /**
     * Forgets an offline group: its committed offsets, and its retry and dead-letter topics (deleted through
     * DELETE_TOPIC_IN_BROKER). The broker keeps no subscription-group configuration yet; once it does, its
     * DELETE_SUBSCRIPTIONGROUP is the call to make here.
     */
    void delete(String group, InetSocketAddress peer) {
        if (!names().contains(group)) {
            throw new NoSuchElementException("There is no consumer group " + group + ".");
        }
        Optional<ConsumerGroupInfo> online = consumers.group(group);
        if (online.isPresent()) {
            throw new IllegalStateException("The group " + group + " has " + online.get().clients().size()
                    + " member(s) online; stop its consumers before deleting it.");
        }
        offsets.removeGroup(group);
        for (String topic : List.of(SystemTopics.retryTopic(group), SystemTopics.dlqTopic(group))) {
            if (topics.find(topic) != null) {
                topicData.delete(topic, peer);
            }
        }
    }
}
