package io.nimbusmq.broker.console.data;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.nimbusmq.broker.console.model.MessageViews;
import io.nimbusmq.broker.console.model.PendingViews;
import io.nimbusmq.broker.topic.TopicConfigTable;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.protocol.header.ResendDeadLetterRequestHeader;
import io.nimbusmq.remoting.protocol.header.ResendDeadLetterResponseHeader;

/**
 * Dead letters ({@code %DLQ%<group>}) and retries ({@code %RETRY%<group>}) per group. A dead letter goes back to its
 * original topic through RESEND_DEAD_LETTER, the broker's own admin request for it; "delete" deletes the group's
 * dead-letter topic (the commit log is append-only: single messages cannot be removed).
 */
final class DeadLetterData {

    /** At most this many dead letters are sent back by one "resend all". */
    static final int MAX_RESEND_ALL = 10_000;

    private final TopicConfigTable topics;
    private final LocalAdmin admin;
    private final MessageReader reader;
    private final TopicData topicData;

    DeadLetterData(TopicConfigTable topics, LocalAdmin admin, MessageReader reader, TopicData topicData) {
        this.topics = topics;
        this.admin = admin;
        this.reader = reader;
        this.topicData = topicData;
    }

    List<PendingViews.DeadLetterGroup> groups() {
        Set<String> groups = new TreeSet<>();
        for (TopicConfig config : topics.all()) {
            String topic = config.topicName();
            if (topic.startsWith(SystemTopics.DLQ_GROUP_TOPIC_PREFIX)) {
                groups.add(topic.substring(SystemTopics.DLQ_GROUP_TOPIC_PREFIX.length()));
            } else if (topic.startsWith(SystemTopics.RETRY_GROUP_TOPIC_PREFIX)) {
                groups.add(topic.substring(SystemTopics.RETRY_GROUP_TOPIC_PREFIX.length()));
            }
        }
        List<PendingViews.DeadLetterGroup> result = new ArrayList<>();
        for (String group : groups) {
            result.add(new PendingViews.DeadLetterGroup(group,
                    topicData.storedMessages(SystemTopics.dlqTopic(group)),
                    topicData.storedMessages(SystemTopics.retryTopic(group))));
        }
        return result;
    }

    MessageViews.SearchResult deadLetters(String group, int limit) {
        return newestOf(SystemTopics.dlqTopic(group), limit);
    }

    MessageViews.SearchResult retries(String group, int limit) {
        return newestOf(SystemTopics.retryTopic(group), limit);
    }

    private MessageViews.SearchResult newestOf(String topic, int limit) {
        if (topics.find(topic) == null) {
            return new MessageViews.SearchResult(List.of(), false);
        }
        return reader.newest(topic, limit);
    }

    /** RESEND_DEAD_LETTER: the dead letter is stored again in its original topic as a fresh message. */
    PendingViews.Resent resend(String group, String msgId, InetSocketAddress peer) {
        if (msgId == null || msgId.isBlank()) {
            throw new IllegalArgumentException("Name the dead letter to resend (msgId).");
        }
        RemotingCommand response = admin.invoke(RequestCode.RESEND_DEAD_LETTER,
                new ResendDeadLetterRequestHeader(group, msgId), null, peer);
        AdminAnswers.check(response, "resend the dead letter " + msgId + " of " + group);
        ResendDeadLetterResponseHeader sent = ResendDeadLetterResponseHeader.readFrom(response);
        return new PendingViews.Resent(msgId, sent.topic(), sent.msgId());
    }

    /** Resends every dead letter of the group once (copies with the same id count once), oldest first. */
    List<PendingViews.Resent> resendAll(String group, InetSocketAddress peer) {
        String dlq = SystemTopics.dlqTopic(group);
        TopicConfig config = topics.find(dlq);
        if (config == null) {
            throw new java.util.NoSuchElementException("The group " + group + " has no dead letters.");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int queueId = 0; queueId < Math.max(config.readQueueNums(), config.writeQueueNums()); queueId++) {
            for (StoredMessage message : reader.read(dlq, queueId, 0, Long.MAX_VALUE, MAX_RESEND_ALL)) {
                String id = message.property(MessageConst.UNIQ_KEY);
                ids.add(id != null ? id : MessageReader.offsetMsgId(message));
            }
        }
        List<PendingViews.Resent> resent = new ArrayList<>();
        for (String id : ids) {
            resent.add(resend(group, id, peer));
        }
        return resent;
    }

    /** Deletes the group's dead-letter topic through DELETE_TOPIC_IN_BROKER. */
    void delete(String group, InetSocketAddress peer) {
        String dlq = SystemTopics.dlqTopic(group);
        if (topics.find(dlq) == null) {
            throw new java.util.NoSuchElementException("The group " + group + " has no dead letters.");
        }
        topicData.delete(dlq, peer);
    }
}
