package io.nimbusmq.broker.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.nimbusmq.broker.client.ConsumerGroupInfo;
import io.nimbusmq.broker.client.ConsumerManager;
import io.nimbusmq.broker.offset.ConsumerOffsetTable;
import io.nimbusmq.remoting.protocol.body.client.ConsumeType;
import io.nimbusmq.remoting.protocol.body.client.MessageModel;
import io.nimbusmq.remoting.protocol.body.client.SubscriptionData;

/**
 * Which consumer groups read a topic and whether each consumed a given message: RocketMQ's message track. The
 * broker answers QUERY_TOPIC_CONSUME_BY_WHO (300) with {@link #groupsConsuming}; {@code mqadmin queryMsgById} and
 * the dashboard's {@code messageTrackDetail} then compare the message's queue offset with each group's committed
 * offset, which {@link #track} does here for the web console. Track types are RocketMQ's {@code TrackType} names:
 *
 * <pre>
 * | type                  | when                                                                         |
 * |-----------------------|------------------------------------------------------------------------------|
 * | PULL                  | an online group that pulls itself (CONSUME_ACTIVELY: a lite pull consumer)   |
 * | CONSUME_BROADCASTING  | an online broadcasting group with no offsets on the broker (its members keep |
 * |                       | their own, so GET_CONSUME_STATS reports none: {@link ConsumeProgress#reportedTopics}) |
 * | CONSUMED              | the group's committed offset on the message's queue is past the message      |
 * | CONSUMED_BUT_FILTERED | consumed, but the group's tags ({@code TagA || TagB}) do not name its tag    |
 * | NOT_CONSUME_YET       | the committed offset is not past the message (or the group never committed)  |
 * </pre>
 *
 * These are the types Apache's admin client ({@code DefaultMQAdminExtImpl.messageTrackDetail}, 5.3.1) computes from
 * this broker's answers, in its order: the consume type first, then broadcasting, then the offset, then the tags.
 * An SQL92 subscription has no tags, so a message its selector skipped is CONSUMED, as Apache says
 * ({@code ConsoleMessageTrackCompatibilityTests} runs each case against both brokers).
 *
 * <p>RocketMQ's tools say NOT_ONLINE for a group without members; the broker still knows its committed offset, so the
 * type here says whether it consumed and {@link Track#online} whether it has members.
 */
public final class MessageTrack {

    /** RocketMQ's {@code TrackType} values this broker can tell. */
    public enum TrackType { CONSUMED, CONSUMED_BUT_FILTERED, PULL, NOT_CONSUME_YET, CONSUME_BROADCASTING }

    /**
     * @param committedOffset the group's committed offset on the message's queue, -1 when it never committed one
     * @param clientIds the group's online members
     */
    public record Track(String group, TrackType type, boolean online, long committedOffset, List<String> clientIds) {
    }

    private final ConsumerManager consumers;
    private final ConsumerOffsetTable offsets;
    private final ConsumeProgress progress;

    public MessageTrack(ConsumerManager consumers, ConsumerOffsetTable offsets, ConsumeProgress progress) {
        this.consumers = consumers;
        this.offsets = offsets;
        this.progress = progress;
    }

    /** Groups subscribed to {@code topic} now or with offsets committed on it (QUERY_TOPIC_CONSUME_BY_WHO). */
    public Set<String> groupsConsuming(String topic) {
        Set<String> groups = new TreeSet<>(consumers.groupsSubscribing(topic));
        groups.addAll(offsets.groupsOf(topic));
        return groups;
    }

    /**
     * How every group consuming {@code topic} stands with the message at {@code queueOffset} of the queue.
     *
     * @param tags the message's tag (its TAGS property), or null
     */
    public List<Track> track(String topic, int queueId, long queueOffset, String tags) {
        List<Track> tracks = new ArrayList<>();
        for (String group : groupsConsuming(topic)) {
            Optional<ConsumerGroupInfo> online = consumers.group(group);
            long committed = offsets.query(group, topic, queueId);
            tracks.add(new Track(group, type(group, topic, online, committed > queueOffset, tags),
                    online.isPresent(), committed, consumers.consumerIds(group)));
        }
        return tracks;
    }

    private TrackType type(String group, String topic, Optional<ConsumerGroupInfo> online, boolean consumed,
            String tags) {
        if (online.isPresent() && online.get().consumeType() == ConsumeType.CONSUME_ACTIVELY) {
            return TrackType.PULL;
        }
        if (online.isPresent() && online.get().messageModel() == MessageModel.BROADCASTING
                && progress.reportedTopics(group, online.get().subscriptions().keySet()).isEmpty()) {
            return TrackType.CONSUME_BROADCASTING;
        }
        if (!consumed) {
            return TrackType.NOT_CONSUME_YET;
        }
        Optional<SubscriptionData> subscription = consumers.findSubscription(group, topic);
        Set<String> groupTags = subscription.map(SubscriptionData::tagsSet).orElse(Set.of());
        boolean filtered = !groupTags.isEmpty() && !groupTags.contains(SubscriptionData.SUB_ALL)
                && !groupTags.contains(tags);
        return filtered ? TrackType.CONSUMED_BUT_FILTERED : TrackType.CONSUMED;
    }
}
