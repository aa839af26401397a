package io.nimbusmq.broker.topic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.nimbusmq.broker.internal.JsonFiles;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's topics, persisted to {@code config/topics.json} on every change (the system topics a start creates are
 * written with the next change).
 *
 * <p>Auto-creation follows RocketMQ: while {@code autoCreateTopicEnable}, the inheritable topic TBW102 exists (8
 * queues, perm 7) and a send to an unknown topic naming it as default topic creates the topic with
 * {@code min(requested, TBW102 write queues)} queues and TBW102's permission without INHERIT. Retry topics are created
 * on demand with one queue. Listeners hear about every created or updated topic (the broker re-registers with the name
 * servers at once).
 */
public final class TopicConfigTable {

    private static final Logger log = LoggerFactory.getLogger(TopicConfigTable.class);
    private static final int AUTO_CREATE_TOPIC_QUEUES = 8;
    private static final int SCHEDULE_QUEUES = 18;
    private static final int CLUSTER_TOPIC_QUEUES = 16;

    private final Path file;
    private volatile boolean autoCreateTopicEnable;
    private final Map<String, TopicConfig> topics = new ConcurrentHashMap<>();
    private final List<Consumer<TopicConfig>> changeListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong dataVersion = new AtomicLong();

    /** The file's shape. */
    record TopicsFile(List<TopicConfig> topics) {
    }

    /** @param file where topics are persisted, or null to keep them in memory only */
    public TopicConfigTable(Path file, boolean autoCreateTopicEnable) {
        this.file = file;
        this.autoCreateTopicEnable = autoCreateTopicEnable;
    }

    public void load() throws IOException {
        if (file != null) {
            TopicsFile stored = JsonFiles.read(file, TopicsFile.class);
            if (stored != null && stored.topics() != null) {
                stored.topics().forEach(t -> topics.put(t.topicName(), t));
            }
        }
        if (autoCreateTopicEnable) {
            topics.putIfAbsent(SystemTopics.AUTO_CREATE_TOPIC_KEY, autoCreateTemplate());
        } else {
            topics.remove(SystemTopics.AUTO_CREATE_TOPIC_KEY);
        }
        dataVersion.incrementAndGet();
    }

    private static TopicConfig autoCreateTemplate() {
        return new TopicConfig(SystemTopics.AUTO_CREATE_TOPIC_KEY, AUTO_CREATE_TOPIC_QUEUES, AUTO_CREATE_TOPIC_QUEUES,
                TopicConfig.PERM_READ | TopicConfig.PERM_WRITE | TopicConfig.PERM_INHERIT, TopicConfig.SINGLE_TAG, 0,
                false, Map.of());
    }

    /**
     * Turns auto-creation on or off at runtime ({@code mqadmin updateBrokerConfig -k autoCreateTopicEnable}), as
     * RocketMQ does: TBW102 stays (created if it was not there) but is inheritable only while auto-creation is on, so
     * sends to unknown topics are refused with TOPIC_NOT_EXIST while it is off. Listeners hear of the new TBW102.
     */
    public synchronized void setAutoCreateTopicEnable(boolean value) {
        autoCreateTopicEnable = value;
        TopicConfig template = autoCreateTemplate();
        createOrUpdate(value ? template : new TopicConfig(template.topicName(), template.readQueueNums(),
                template.writeQueueNums(), template.perm() & ~TopicConfig.PERM_INHERIT, template.topicFilterType(),
                0, false, Map.of()));
    }

    /**
     * Creates the system topics a RocketMQ broker creates at start-up, those that are missing: the cluster's reply
     * topic (request-reply), the trace topic, the schedule, timer and transaction topics, SELF_TEST_TOPIC,
     * OFFSET_MOVED_EVENT, and a topic named after the cluster (16 queues) and one after the broker (1 queue), both
     * inheritable as in RocketMQ. Not announced to listeners (the first registration carries them), and not written
     * to the file by themselves: they follow from the configuration and are created again at every start, so a start
     * that creates only them writes nothing (and loads no JSON classes); the next change writes them with the rest.
     */
    public void createSystemTopics(String clusterName, String brokerName) {
        int readWrite = TopicConfig.PERM_READ | TopicConfig.PERM_WRITE;
        int inheritable = readWrite | TopicConfig.PERM_INHERIT;
        List<TopicConfig> system = List.of(
                systemTopic(SystemTopics.replyTopic(clusterName), 1, readWrite),
                systemTopic(SystemTopics.TRACE_TOPIC, 1, readWrite),
                systemTopic(SystemTopics.SCHEDULE_TOPIC, SCHEDULE_QUEUES, readWrite),
                systemTopic(SystemTopics.TIMER_TOPIC, 1, readWrite),
                systemTopic(SystemTopics.TRANS_HALF_TOPIC, 1, readWrite),
                systemTopic(SystemTopics.TRANS_OP_HALF_TOPIC, 1, readWrite),
                systemTopic(SystemTopics.SELF_TEST_TOPIC, 1, readWrite),
                systemTopic(SystemTopics.OFFSET_MOVED_EVENT, 1, readWrite),
                systemTopic(clusterName, CLUSTER_TOPIC_QUEUES, inheritable),
                systemTopic(brokerName, 1, inheritable));
        boolean created = false;
        for (TopicConfig topic : system) {
            created |= topics.putIfAbsent(topic.topicName(), topic) == null;
        }
        if (created) {
            dataVersion.incrementAndGet();
        }
    }

    private static TopicConfig systemTopic(String name, int queues, int perm) {
        return new TopicConfig(name, queues, queues, perm, TopicConfig.SINGLE_TAG, 0, false, Map.of());
    }

    public void addChangeListener(Consumer<TopicConfig> listener) {
        changeListeners.add(listener);
    }

    public TopicConfig find(String topic) {
        return topics.get(topic);
    }

    public Collection<TopicConfig> all() {
        return List.copyOf(topics.values());
    }

    /** Increases on every change; the name server compares it. */
    public long dataVersion() {
        return dataVersion.get();
    }

    public boolean isAutoCreateTopicEnable() {
        return autoCreateTopicEnable;
    }

    /** Creates or replaces a topic. */
    public TopicConfig createOrUpdate(TopicConfig config) {
        topics.put(config.topicName(), config);
        changed(config);
        return config;
    }

    /**
     * Creates {@code topic} from the inheritable {@code defaultTopic} as a send to an unknown topic does; returns null
     * when that is not allowed.
     */
    public TopicConfig autoCreate(String topic, String defaultTopic, int requestedQueueNums) {
        TopicConfig existing = topics.get(topic);
        if (existing != null) {
            return existing;
        }
        TopicConfig template = defaultTopic == null ? null : topics.get(defaultTopic);
        if (!autoCreateTopicEnable || template == null || !template.isInheritable()) {
            return null;
        }
        int queues = Math.max(1, Math.min(requestedQueueNums, template.writeQueueNums()));
        TopicConfig created = new TopicConfig(topic, queues, queues, template.perm() & ~TopicConfig.PERM_INHERIT,
                TopicConfig.SINGLE_TAG, 0, false, Map.of());
        TopicConfig raced = topics.putIfAbsent(topic, created);
        if (raced != null) {
            return raced;
        }
        log.info("Auto-created topic {} with {} queues", topic, queues);
        changed(created);
        return created;
    }

    /** Creates a topic with one read-write queue if absent (retry and dead-letter topics). */
    public TopicConfig createSingleQueueTopicIfAbsent(String topic) {
        TopicConfig existing = topics.get(topic);
        if (existing != null) {
            return existing;
        }
        TopicConfig created = TopicConfig.of(topic, 1);
        TopicConfig raced = topics.putIfAbsent(topic, created);
        if (raced != null) {
            return raced;
        }
        changed(created);
        return created;
    }

    public boolean delete(String topic) {
        TopicConfig removed = topics.remove(topic);
        if (removed != null) {
            dataVersion.incrementAndGet();
            persistQuietly();
        }
        return removed != null;
    }

    private void changed(TopicConfig config) {
        dataVersion.incrementAndGet();
        persistQuietly();
        changeListeners.forEach(l -> l.accept(config));
    }

    private void persistQuietly() {
        try {
            persist();
        } catch (IOException e) {
            log.error("Could not persist topics to {}", file, e);
        }
    }

    public synchronized void persist() throws IOException {
        if (file == null) {
            return;
        }
        List<TopicConfig> sorted = new ArrayList<>(topics.values());
        sorted.sort((a, b) -> a.topicName().compareTo(b.topicName()));
        JsonFiles.write(file, new TopicsFile(sorted));
    }
}
