package io.nimbusmq.broker.console.data;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.nimbusmq.broker.console.model.TopicViews;
import io.nimbusmq.broker.topic.TopicConfigTable;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageIds;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.message.TopicValidator;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.protocol.header.CreateTopicRequestHeader;
import io.nimbusmq.remoting.protocol.header.DeleteTopicFromNamesrvRequestHeader;
import io.nimbusmq.remoting.protocol.header.SendMessageRequestHeader;
import io.nimbusmq.remoting.protocol.header.SendMessageResponseHeader;
import io.nimbusmq.remoting.protocol.header.TopicRequestHeader;
import io.nimbusmq.store.MessageStore;

/**
 * Topics for the console: the list with queue counts and offsets, and the changes, each made through the admin
 * request a tool would send ({@link LocalAdmin}): UPDATE_AND_CREATE_TOPIC, DELETE_TOPIC_IN_BROKER, and SEND_MESSAGE
 * for a test message.
 */
final class TopicData {

    /** The producer group the console's test messages carry. */
    static final String PRODUCER_GROUP = "NIMBUS_CONSOLE_PRODUCER";
    private static final int MAX_QUEUES = 1024;

    private final MessageStore store;
    private final TopicConfigTable topics;
    private final LocalAdmin admin;
    private final MessageReader reader;
    private final String clusterName;

    TopicData(MessageStore store, TopicConfigTable topics, LocalAdmin admin, MessageReader reader,
            String clusterName) {
        this.store = store;
        this.topics = topics;
        this.admin = admin;
        this.reader = reader;
        this.clusterName = clusterName;
    }

    List<TopicViews.Summary> summaries() {
        List<TopicViews.Summary> result = new ArrayList<>();
        for (TopicConfig config : topics.all()) {
            String topic = config.topicName();
            result.add(new TopicViews.Summary(topic, SystemNames.isSystemTopic(topic), config.readQueueNums(),
                    config.writeQueueNums(), config.perm(), config.order(), storedMessages(config)));
        }
        result.sort(Comparator.comparing(TopicViews.Summary::topic));
        return result;
    }

    int count() {
        return topics.all().size();
    }

    TopicViews.Detail detail(String topic, List<String> consumerGroups) {
        TopicConfig config = require(topic);
        List<TopicViews.Queue> queues = new ArrayList<>();
        for (int queueId = 0; queueId < queueCount(config); queueId++) {
            queues.add(new TopicViews.Queue(queueId, store.minOffsetInQueue(topic, queueId),
                    store.maxOffsetInQueue(topic, queueId), lastStoreTime(topic, queueId)));
        }
        return new TopicViews.Detail(topic, SystemNames.isSystemTopic(topic), config.readQueueNums(),
                config.writeQueueNums(), config.perm(), config.order(), config.attributes(), queues, consumerGroups);
    }

    private long lastStoreTime(String topic, int queueId) {
        long max = store.maxOffsetInQueue(topic, queueId);
        List<StoredMessage> last = max <= store.minOffsetInQueue(topic, queueId) ? List.of()
                : reader.read(topic, queueId, max - 1, max, 1);
        return last.isEmpty() ? 0 : last.get(0).storeTimestamp();
    }

    boolean exists(String topic) {
        return topics.find(topic) != null;
    }

    TopicConfig require(String topic) {
        TopicConfig config = topic == null ? null : topics.find(topic);
        if (config == null) {
            throw new NoSuchElementException("There is no topic " + topic + " on this broker.");
        }
        return config;
    }

    private static int queueCount(TopicConfig config) {
        return Math.max(config.readQueueNums(), config.writeQueueNums());
    }

    /** Messages a topic holds (max minus min offset over its queues); 0 for an unknown topic. */
    long storedMessages(String topic) {
        TopicConfig config = topics.find(topic);
        return config == null ? 0 : storedMessages(config);
    }

    private long storedMessages(TopicConfig config) {
        long sum = 0;
        for (int queueId = 0; queueId < queueCount(config); queueId++) {
            sum += store.maxOffsetInQueue(config.topicName(), queueId)
                    - store.minOffsetInQueue(config.topicName(), queueId);
        }
        return sum;
    }

    /** UPDATE_AND_CREATE_TOPIC; {@code create} refuses an existing topic, an update a missing one. */
    void createOrUpdate(TopicViews.Spec spec, boolean create, InetSocketAddress peer) {
        String topic = spec.topic() == null ? null : spec.topic().trim();
        String problem = TopicValidator.validate(topic);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (SystemNames.isSystemTopic(topic)) {
            throw new IllegalArgumentException("The topic " + topic + " is a system topic; the console does not "
                    + "create or change those.");
        }
        TopicConfig existing = topics.find(topic);
        if (create && existing != null) {
            throw new IllegalStateException("The topic " + topic + " already exists.");
        }
        if (!create && existing == null) {
            throw new NoSuchElementException("There is no topic " + topic + " on this broker.");
        }
        int read = queues("readQueues", spec.readQueues(), existing == null ? 4 : existing.readQueueNums());
        int write = queues("writeQueues", spec.writeQueues(), existing == null ? 4 : existing.writeQueueNums());
        int perm = spec.perm() == null ? existing == null ? 6 : existing.perm() : spec.perm();
        if (perm != 2 && perm != 4 && perm != 6) {
            throw new IllegalArgumentException("perm must be 6 (read and write), 4 (read only) or 2 (write only), "
                    + "not " + perm + ".");
        }
        boolean order = spec.order() != null ? spec.order() : existing != null && existing.order();
        RemotingCommand response = admin.invoke(RequestCode.UPDATE_AND_CREATE_TOPIC, new CreateTopicRequestHeader(
                topic, SystemTopics.AUTO_CREATE_TOPIC_KEY, read, write, perm, TopicConfig.SINGLE_TAG, 0, order, null,
                false), null, peer);
        AdminAnswers.check(response, (create ? "create" : "update") + " the topic " + topic);
    }

    private static int queues(String name, Integer value, int otherwise) {
        int queues = value == null ? otherwise : value;
        if (queues < 1 || queues > MAX_QUEUES) {
            throw new IllegalArgumentException(name + " must be between 1 and " + MAX_QUEUES + ", not " + queues
                    + ".");
        }
        return queues;
    }

    /**
     * DELETE_TOPIC_IN_BROKER (the topic, its queues and the offsets committed on it), then, as {@code mqadmin
     * deleteTopic} does, DELETE_TOPIC_IN_NAMESRV for the broker's cluster when the broker serves its name server.
     * External name servers keep the route until they are told with {@code mqadmin deleteTopic}.
     */
    void delete(String topic, InetSocketAddress peer) {
        require(topic);
        RemotingCommand response = admin.invoke(RequestCode.DELETE_TOPIC_IN_BROKER, new TopicRequestHeader(topic),
                null, peer);
        AdminAnswers.check(response, "delete the topic " + topic);
        if (admin.supports(RequestCode.DELETE_TOPIC_IN_NAMESRV)) {
            AdminAnswers.check(admin.invoke(RequestCode.DELETE_TOPIC_IN_NAMESRV,
                    new DeleteTopicFromNamesrvRequestHeader(topic, clusterName), null, peer),
                    "remove the route of " + topic + " from the name server");
        }
    }

    /** SEND_MESSAGE, as a producer sends it; the topic must exist (the console never creates one by sending). */
    TopicViews.Sent send(String topic, TopicViews.TestMessage message, InetSocketAddress peer) {
        require(topic);
        if (message.body() == null || message.body().isEmpty()) {
            throw new IllegalArgumentException("The message body is empty; RocketMQ does not store empty messages.");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        if (message.properties() != null) {
            message.properties().forEach((name, value) -> properties.put(checkedProperty(name, "name"),
                    checkedProperty(value, "value of " + name)));
        }
        if (message.tag() != null && !message.tag().isBlank()) {
            properties.put(MessageConst.TAGS, checkedProperty(message.tag().trim(), "tag"));
        }
        if (message.keys() != null && !message.keys().isBlank()) {
            properties.put(MessageConst.KEYS, checkedProperty(message.keys().trim(), "keys"));
        }
        String msgId = MessageIds.newUniqueId();
        properties.put(MessageConst.UNIQ_KEY, msgId);
        properties.putIfAbsent(MessageConst.WAIT, "true");
        SendMessageRequestHeader header = new SendMessageRequestHeader(PRODUCER_GROUP, topic,
                SystemTopics.AUTO_CREATE_TOPIC_KEY, 4, -1, 0, System.currentTimeMillis(), 0,
                MessageProperties.encode(properties), 0, false, null, false, null);
        RemotingCommand response = admin.invoke(RequestCode.SEND_MESSAGE, header,
                message.body().getBytes(StandardCharsets.UTF_8), peer);
        AdminAnswers.check(response, "store the message in " + topic);
        SendMessageResponseHeader sent = SendMessageResponseHeader.readFrom(response);
        return new TopicViews.Sent(msgId, sent.msgId(), sent.queueId(), sent.queueOffset());
    }

    private static String checkedProperty(String text, String what) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("The property " + what + " is empty.");
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == MessageProperties.NAME_VALUE_SEPARATOR
                    || text.charAt(i) == MessageProperties.PROPERTY_SEPARATOR) {
                throw new IllegalArgumentException("The property " + what + " contains a control character "
                        + "RocketMQ uses as a separator.");
            }
        }
        return text;
    }
}
