package io.nimbusmq.client.internal.message;

/** The property names and flags the client itself reads or writes (remoting-protocol.md §5.5). */
public final class MessageConst {

    public static final String UNIQ_KEY = "UNIQ_KEY";
    public static final String WAIT = "WAIT";
    public static final String DELAY = "DELAY";
    public static final String RETRY_TOPIC = "RETRY_TOPIC";
    public static final String REAL_TOPIC = "REAL_TOPIC";
    public static final String REAL_QID = "REAL_QID";
    public static final String TRAN_MSG = "TRAN_MSG";
    public static final String PGROUP = "PGROUP";
    public static final String TRANSACTION_ID = "__transactionId__";
    public static final String RECONSUME_TIME = "RECONSUME_TIME";
    public static final String MAX_RECONSUME_TIMES = "MAX_RECONSUME_TIMES";
    public static final String ORIGIN_MESSAGE_ID = "ORIGIN_MESSAGE_ID";
    public static final String CORRELATION_ID = "CORRELATION_ID";
    public static final String REPLY_TO_CLIENT = "REPLY_TO_CLIENT";
    public static final String MESSAGE_TTL = "TTL";
    public static final String MSG_TYPE = "MSG_TYPE";
    public static final String REPLY_MESSAGE_TYPE = "reply";
    public static final String CLUSTER = "CLUSTER";
    public static final String CONSUME_START_TIME = "CONSUME_START_TIME";

    /** {@code <cluster>_REPLY_TOPIC}: where replies to requests are stored. */
    public static final String REPLY_TOPIC_SUFFIX = "_REPLY_TOPIC";
    public static final String RETRY_GROUP_TOPIC_PREFIX = "%RETRY%";
    public static final String DLQ_GROUP_TOPIC_PREFIX = "%DLQ%";

    private MessageConst() {
    }

    public static String retryTopic(String group) {
        return RETRY_GROUP_TOPIC_PREFIX + group;
    }
}
