package io.nimbusmq.remoting.protocol;

/**
 * Request codes of the RocketMQ 5.3.1 remoting protocol (remoting-protocol.md §2.1).
 *
 * <p>Comments name who sends each code to whom. Codes above 32767 (the POP family) cannot be expressed in the
 * binary ROCKETMQ header and travel in JSON only.
 */
public final class RequestCode {

    // Producer and consumer -> broker
    public static final int SEND_MESSAGE = 10;
    public static final int PULL_MESSAGE = 11;
    public static final int QUERY_MESSAGE = 12;
    public static final int QUERY_CONSUMER_OFFSET = 14;
    /** Oneway from 5.x clients. */
    public static final int UPDATE_CONSUMER_OFFSET = 15;
    public static final int SEARCH_OFFSET_BY_TIMESTAMP = 29;
    public static final int GET_MAX_OFFSET = 30;
    public static final int GET_MIN_OFFSET = 31;
    public static final int GET_EARLIEST_MSG_STORETIME = 32;
    public static final int VIEW_MESSAGE_BY_ID = 33;
    public static final int HEART_BEAT = 34;
    public static final int UNREGISTER_CLIENT = 35;
    public static final int CONSUMER_SEND_MSG_BACK = 36;
    /** Oneway. */
    public static final int END_TRANSACTION = 37;
    public static final int GET_CONSUMER_LIST_BY_GROUP = 38;
    public static final int LOCK_BATCH_MQ = 41;
    /** Oneway on rebalance, sync at shutdown. */
    public static final int UNLOCK_BATCH_MQ = 42;
    public static final int CHECK_CLIENT_CONFIG = 46;
    public static final int SEND_MESSAGE_V2 = 310;
    public static final int SEND_BATCH_MESSAGE = 320;
    public static final int SEND_REPLY_MESSAGE = 324;
    public static final int SEND_REPLY_MESSAGE_V2 = 325;
    public static final int LITE_PULL_MESSAGE = 361;
    public static final int QUERY_ASSIGNMENT = 400;
    public static final int SET_MESSAGE_REQUEST_MODE = 401;

    // Broker -> client (server-initiated, on the client's own connection)
    /** Oneway. */
    public static final int CHECK_TRANSACTION_STATE = 39;
    /** Oneway. */
    public static final int NOTIFY_CONSUMER_IDS_CHANGED = 40;
    public static final int RESET_CONSUMER_CLIENT_OFFSET = 220;
    public static final int GET_CONSUMER_STATUS_FROM_CLIENT = 221;
    public static final int GET_CONSUMER_RUNNING_INFO = 307;
    public static final int CONSUME_MESSAGE_DIRECTLY = 309;
    public static final int PUSH_REPLY_MESSAGE_TO_CLIENT = 326;

    // Admin -> broker
    public static final int UPDATE_AND_CREATE_TOPIC = 17;
    /** Every topic of the broker with its configuration (the dashboard's topic list). */
    public static final int GET_ALL_TOPIC_CONFIG = 21;
    /** Changes broker settings at runtime; body = Java properties text. */
    public static final int UPDATE_BROKER_CONFIG = 25;
    /** Admin tools ask for a topic's config before reading its stats (5.x). */
    public static final int GET_TOPIC_CONFIG = 351;
    public static final int GET_BROKER_CONFIG = 26;
    public static final int GET_BROKER_RUNTIME_INFO = 28;
    public static final int UPDATE_AND_CREATE_SUBSCRIPTIONGROUP = 200;
    public static final int GET_ALL_SUBSCRIPTIONGROUP_CONFIG = 201;
    public static final int GET_TOPIC_STATS_INFO = 202;
    public static final int GET_CONSUMER_CONNECTION_LIST = 203;
    public static final int GET_PRODUCER_CONNECTION_LIST = 204;
    public static final int DELETE_SUBSCRIPTIONGROUP = 207;
    public static final int UPDATE_AND_CREATE_SUBSCRIPTIONGROUP_LIST = 225;
    /** One group's configuration. */
    public static final int GET_SUBSCRIPTIONGROUP_CONFIG = 352;
    public static final int GET_CONSUME_STATS = 208;
    public static final int DELETE_TOPIC_IN_BROKER = 215;
    public static final int INVOKE_BROKER_TO_RESET_OFFSET = 222;
    public static final int INVOKE_BROKER_TO_GET_CONSUMER_STATUS = 223;
    /** The consumer groups of a topic (the admin tools' message track, statsAll, the dashboard). */
    public static final int QUERY_TOPIC_CONSUME_BY_WHO = 300;
    /** The broker's system topics. */
    public static final int GET_SYSTEM_TOPIC_LIST_FROM_BROKER = 305;
    /** One statistic of one key over the last minute, hour and day. */
    public static final int VIEW_BROKER_STATS_DATA = 315;
    /** Every group's consume stats (RocketMQ's name: GET_BROKE_CONSUME_STATS). */
    public static final int GET_BROKER_CONSUME_STATS = 317;
    /** Every producer connection, by group. */
    public static final int GET_ALL_PRODUCER_INFO = 328;
    /** Nimbus MQ's own: store a dead letter again in its original topic (RocketMQ has no such call). */
    public static final int RESEND_DEAD_LETTER = 32001;

    // Admin -> broker: ACL 2.0 users and policies (mqadmin createUser ... listAcl); see docs/security.md
    public static final int AUTH_CREATE_USER = 3001;
    public static final int AUTH_UPDATE_USER = 3002;
    public static final int AUTH_DELETE_USER = 3003;
    public static final int AUTH_GET_USER = 3004;
    public static final int AUTH_LIST_USER = 3005;
    public static final int AUTH_CREATE_ACL = 3006;
    public static final int AUTH_UPDATE_ACL = 3007;
    public static final int AUTH_DELETE_ACL = 3008;
    public static final int AUTH_GET_ACL = 3009;
    public static final int AUTH_LIST_ACL = 3010;

    // Name server
    public static final int GET_KV_CONFIG = 101;
    public static final int REGISTER_BROKER = 103;
    public static final int UNREGISTER_BROKER = 104;
    public static final int GET_ROUTEINFO_BY_TOPIC = 105;
    public static final int GET_BROKER_CLUSTER_INFO = 106;
    public static final int GET_ALL_TOPIC_LIST_FROM_NAMESERVER = 206;
    public static final int DELETE_TOPIC_IN_NAMESRV = 216;
    /** Cluster and broker names, which RocketMQ treats as system topics. */
    public static final int GET_SYSTEM_TOPIC_LIST_FROM_NS = 304;
    /** Changes name-server settings at runtime; body = Java properties text. */
    public static final int UPDATE_NAMESRV_CONFIG = 318;
    public static final int GET_NAMESRV_CONFIG = 319;
    public static final int GET_TOPICS_BY_CLUSTER = 224;
    public static final int QUERY_DATA_VERSION = 322;
    public static final int BROKER_HEARTBEAT = 904;

    // POP (not used by default clients; JSON headers only)
    public static final int POP_MESSAGE = 200050;
    public static final int ACK_MESSAGE = 200051;
    public static final int PEEK_MESSAGE = 200052;
    public static final int CHANGE_MESSAGE_INVISIBLETIME = 200053;
    public static final int NOTIFICATION = 200054;
    public static final int POLLING_INFO = 200055;
    public static final int BATCH_ACK_MESSAGE = 200151;

    private static final CodeNames NAMES = new CodeNames(RequestCode.class);

    private RequestCode() {
    }

    /**
     * The request code as people read it in errors and logs: {@code GET_ROUTEINFO_BY_TOPIC (105)}; {@code code <n>} if unknown.
     */
    public static String describe(int code) {
        return NAMES.describe(code);
    }
}
