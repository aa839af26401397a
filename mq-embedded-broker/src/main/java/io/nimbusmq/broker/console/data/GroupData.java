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
import io.nimbusmq.broker.stats.ConsumeProgress;
import io.nimbusmq.broker.stats.MessageTrack;
import io.nimbusmq.broker.subscription.SubscriptionGroupTable;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.body.admin.ConsumeStats;
import io.nimbusmq.remoting.protocol.body.client.SubscriptionData;
import io.nimbusmq.remoting.protocol.header.DeleteSubscriptionGroupRequestHeader;
import io.nimbusmq.remoting.protocol.header.ResetOffsetRequestHeader;

/**
 * Consumer groups for the console: every group of the subscription-group table ({@link SubscriptionGroupTable}),
 * online now ({@link ConsumerManager}) or with committed offsets ({@link ConsumerOffsetTable}), its members and lag.
 * Lag per queue is what GET_CONSUME_STATS reports ({@link ConsumeProgress}); whether a message was consumed is the
 * message track's answer ({@link MessageTrack}); changes go through the admin request codes ({@link LocalAdmin}).
 */
final class GroupData {

    /** The broker's parts the group pages read. */
    record Sources(SubscriptionGroupTable subscriptionGroups, ConsumerOffsetTable offsets,
            ConsumerManager consumers, ConsumeProgress progress, MessageTrack track) {
    }

    private final SubscriptionGroupTable subscriptionGroups;
    private final ConsumerOffsetTable offsets;
    private final ConsumerManager consumers;
    private final ConsumeProgress progress;
    private final MessageTrack track;
    private final LocalAdmin admin;
    private final TopicData topicData;

    GroupData(Sources sources, LocalAdmin admin, TopicData topicData) {
        this.subscriptionGroups = sources.subscriptionGroups();
        this.offsets = sources.offsets();
        this.consumers = sources.consumers();
        this.progress = sources.progress();
        this.track = sources.track();
        this.admin = admin;
        this.topicData = topicData;
    }

    Set<String> names() {
        return topicsByGroup().keySet();
    }

    /**
     * Every group (configured, online or with offsets) with the topics it subscribes to or committed on: one pass
     * over each table, for the lists.
     */
    private Map<String, Set<String>> topicsByGroup() {
        Map<String, Set<String>> result = new TreeMap<>(offsets.groupsAndTopics());
        for (String group : consumers.groups()) {
            consumers.group(group).ifPresent(info -> result.computeIfAbsent(group, g -> new TreeSet<>())
                    .addAll(info.subscriptions().keySet()));
        }
        subscriptionGroups.all().forEach(config -> result.computeIfAbsent(config.groupName(), g -> new TreeSet<>()));
        return result;
    }

    List<GroupViews.Summary> summaries(Map<String, Double> outRates) {
        List<GroupViews.Summary> result = new ArrayList<>();
        topicsByGroup().forEach((group, topics) -> {
            Optional<ConsumerGroupInfo> info = consumers.group(group);
            long lag = queues(group, topics).stream().mapToLong(GroupViews.QueueLag::lag).sum();
            result.add(new GroupViews.Summary(group, info.isPresent(), info.map(i -> i.clients().size()).orElse(0),
                    info.map(i -> String.valueOf(i.messageModel())).orElse(null),
                    info.map(i -> String.valueOf(i.consumeType())).orElse(null), List.copyOf(topics), lag,
                    outRates.getOrDefault(group, 0.0), SystemNames.isSystemGroup(group)));
        });
        return result;
    }

    /** Groups that read the topic (QUERY_TOPIC_CONSUME_BY_WHO). */
    Set<String> consumersOf(String topic) {
        return track.groupsConsuming(topic);
    }

    void require(String group) {
        if (!names().contains(group)) {
            throw new NoSuchElementException("There is no consumer group " + group
                    + ": it is not configured here, no member is online and it never committed an offset here.");
        }
    }

    GroupViews.Detail detail(String group) {
        require(group);
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
        return queues(group, topicsOf(group));
    }

    /** The group's total lag now. */
    long lag(String group) {
        return queues(group).stream().mapToLong(GroupViews.QueueLag::lag).sum();
    }

    private List<GroupViews.QueueLag> queues(String group, Set<String> topics) {
        List<GroupViews.QueueLag> result = new ArrayList<>();
        for (String topic : topics) {
            result.addAll(queues(group, topic));
        }
        return result;
    }

    private List<GroupViews.QueueLag> queues(String group, String topic) {
        ConsumeStats stats = progress.offsetsOf(group, topic);
        if (stats == null) {
            return List.of();
        }
        List<GroupViews.QueueLag> result = new ArrayList<>();
        stats.offsetTable().forEach((queue, offset) -> result.add(new GroupViews.QueueLag(topic, queue.queueId(),
                offset.brokerOffset(), offset.consumerOffset(),
                Math.max(0, offset.brokerOffset() - offset.consumerOffset()))));
        return result;
    }

    /** Total lag of every group, for the lag chart. */
    Map<String, Long> lagByGroup() {
        Map<String, Long> lag = new TreeMap<>();
        topicsByGroup().forEach((group, topics) -> lag.put(group,
                queues(group, topics).stream().mapToLong(GroupViews.QueueLag::lag).sum()));
        return lag;
    }

    /** How each group that reads the message's topic stands with it (the message track). */
    List<MessageViews.Consumption> consumption(StoredMessage message) {
        return track.track(message.topic(), message.queueId(), message.queueOffset(),
                message.property(MessageConst.TAGS)).stream().map(t -> new MessageViews.Consumption(t.group(),
                        t.type().name(), t.online(), t.committedOffset(), t.clientIds())).toList();
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
     * Forgets an offline group: its subscription-group configuration and committed offsets (DELETE_SUBSCRIPTIONGROUP
     * with cleanOffset, as {@code mqadmin deleteSubGroup -r}), and its retry and dead-letter topics
     * (DELETE_TOPIC_IN_BROKER).
     */
    void delete(String group, InetSocketAddress peer) {
        if (!names().contains(group)) {
            throw new NoSuchElementException("There is no consumer group " + group + ".");
        }
        if (SystemNames.isSystemGroup(group)) {
            throw new IllegalArgumentException("The group " + group + " is one of the broker's own; it cannot be "
                    + "deleted.");
        }
        Optional<ConsumerGroupInfo> online = consumers.group(group);
        if (online.isPresent()) {
            throw new IllegalStateException("The group " + group + " has " + online.get().clients().size()
                    + " member(s) online; stop its consumers before deleting it.");
        }
        RemotingCommand response = admin.invoke(RequestCode.DELETE_SUBSCRIPTIONGROUP,
                new DeleteSubscriptionGroupRequestHeader(group, true), null, peer);
        AdminAnswers.check(response, "delete the group " + group);
        for (String topic : List.of(SystemTopics.retryTopic(group), SystemTopics.dlqTopic(group))) {
            if (topicData.exists(topic)) {
                topicData.delete(topic, peer);
            }
        }
    }
}
