package io.nimbusmq.message;

import java.util.Set;

/**
 * The topic and group names RocketMQ reserves (remoting-protocol.md §7), and the names derived from a group or a
 * cluster. {@link TopicValidator} keeps the naming rules and uses these.
 *
 * <pre>
 * | constant                   | name                        | what it is                                          |
 * |----------------------------|-----------------------------|-----------------------------------------------------|
 * | AUTO_CREATE_TOPIC_KEY      | TBW102                      | template of auto-created topics; producers' fallback |
 * | RETRY_GROUP_TOPIC_PREFIX   | %RETRY%                     | + group: the group's retry topic                    |
 * | DLQ_GROUP_TOPIC_PREFIX     | %DLQ%                       | + group: the group's dead-letter topic              |
 * | REPLY_TOPIC_SUFFIX         | _REPLY_TOPIC                | cluster +: where replies to requests are stored     |
 * | SCHEDULE_TOPIC             | SCHEDULE_TOPIC_XXXX         | delayed messages, one queue per level               |
 * | TIMER_TOPIC                | rmq_sys_wheel_timer         | timer messages waiting                              |
 * | TRANS_HALF_TOPIC           | RMQ_SYS_TRANS_HALF_TOPIC    | transactional half messages                         |
 * | TRANS_OP_HALF_TOPIC        | RMQ_SYS_TRANS_OP_HALF_TOPIC | commit / rollback records of half messages          |
 * | TRANS_CHECK_MAX_TIME_TOPIC | TRANS_CHECK_MAX_TIME_TOPIC  | half messages past their check-backs                |
 * | SELF_TEST_TOPIC            | SELF_TEST_TOPIC             | reserved                                            |
 * | OFFSET_MOVED_EVENT         | OFFSET_MOVED_EVENT          | reserved                                            |
 * | TRACE_TOPIC                | RMQ_SYS_TRACE_TOPIC         | message traces                                      |
 * | TRANS_CHECK_GROUP          | CID_RMQ_SYS_TRANS           | the group that reads the half topics                |
 * | CLIENT_INNER_PRODUCER      | CLIENT_INNER_PRODUCER       | the producer group of every client's own sends      |
 * | TOOLS_CONSUMER_GROUP       | TOOLS_CONSUMER              | the consumer group of the admin tools               |
 * | SELF_TEST_CONSUMER_GROUP   | SELF_TEST_C_GROUP           | reserved                                            |
 * </pre>
 * {@link #SYSTEM_GROUPS} are the consumer groups a RocketMQ broker creates at start-up.
 */
public final class SystemTopics {

    public static final String AUTO_CREATE_TOPIC_KEY = "TBW102";
    public static final String RETRY_GROUP_TOPIC_PREFIX = "%RETRY%";
    public static final String DLQ_GROUP_TOPIC_PREFIX = "%DLQ%";
    public static final String REPLY_TOPIC_SUFFIX = "_REPLY_TOPIC";
    public static final String SCHEDULE_TOPIC = "SCHEDULE_TOPIC_XXXX";
    public static final String TIMER_TOPIC = "rmq_sys_wheel_timer";
    public static final String TRANS_HALF_TOPIC = "RMQ_SYS_TRANS_HALF_TOPIC";
    public static final String TRANS_OP_HALF_TOPIC = "RMQ_SYS_TRANS_OP_HALF_TOPIC";
    public static final String TRANS_CHECK_MAX_TIME_TOPIC = "TRANS_CHECK_MAX_TIME_TOPIC";
    public static final String SELF_TEST_TOPIC = "SELF_TEST_TOPIC";
    public static final String OFFSET_MOVED_EVENT = "OFFSET_MOVED_EVENT";
    public static final String TRACE_TOPIC = "RMQ_SYS_TRACE_TOPIC";
    public static final String TRANS_CHECK_GROUP = "CID_RMQ_SYS_TRANS";
    public static final String CLIENT_INNER_PRODUCER = "CLIENT_INNER_PRODUCER";
    public static final String TOOLS_CONSUMER_GROUP = "TOOLS_CONSUMER";
    public static final String SELF_TEST_CONSUMER_GROUP = "SELF_TEST_C_GROUP";

    /** The consumer groups every RocketMQ broker has from the start (RocketMQ's {@code SubscriptionGroupManager}). */
    public static final Set<String> SYSTEM_GROUPS = Set.of(TOOLS_CONSUMER_GROUP,
            "FILTERSRV_CONSUMER", SELF_TEST_CONSUMER_GROUP, "CID_ONS-HTTP-PROXY", "CID_ONSAPI_PULL",
            "CID_ONSAPI_PERMISSION", "CID_ONSAPI_OWNER", TRANS_CHECK_GROUP);

    private SystemTopics() {
    }

    /** {@code %RETRY%<group>}. */
    public static String retryTopic(String group) {
        return RETRY_GROUP_TOPIC_PREFIX + group;
    }

    /** {@code %DLQ%<group>}. */
    public static String dlqTopic(String group) {
        return DLQ_GROUP_TOPIC_PREFIX + group;
    }

    /** {@code <cluster>_REPLY_TOPIC}. */
    public static String replyTopic(String cluster) {
        return cluster + REPLY_TOPIC_SUFFIX;
    }

    /** RocketMQ's system-topic prefix ({@code rmq_sys_...}). */
    public static final String SYSTEM_TOPIC_PREFIX = "rmq_sys_";

    private static final Set<String> SYSTEM_TOPICS = Set.of(AUTO_CREATE_TOPIC_KEY, SCHEDULE_TOPIC, TIMER_TOPIC,
            TRANS_HALF_TOPIC, TRANS_OP_HALF_TOPIC, TRANS_CHECK_MAX_TIME_TOPIC, SELF_TEST_TOPIC, OFFSET_MOVED_EVENT,
            TRACE_TOPIC);

    /**
     * Whether RocketMQ counts {@code topic} as a system topic: one of the reserved names above, a {@code rmq_sys_}
     * topic or a cluster's reply topic. (A broker also counts its cluster's and its own name.)
     */
    public static boolean isSystemTopic(String topic) {
        return isReservedTopic(topic) || topic.endsWith(REPLY_TOPIC_SUFFIX);
    }

    /**
     * Whether {@code topic} is one of the reserved names above or a {@code rmq_sys_} topic: what a RocketMQ client
     * counts as a system topic ({@code TopicValidator.isSystemTopic} in a JVM without a broker), so that a client
     * puts reply topics in its namespace ({@code ns%<cluster>_REPLY_TOPIC}) and leaves these alone.
     */
    public static boolean isReservedTopic(String topic) {
        return SYSTEM_TOPICS.contains(topic) || topic.startsWith(SYSTEM_TOPIC_PREFIX);
    }

    public static boolean isRetryTopic(String topic) {
        return topic.startsWith(RETRY_GROUP_TOPIC_PREFIX);
    }
}
