package io.nimbusmq.message;

/**
 * The names of the properties RocketMQ gives a meaning to (remoting-protocol.md §5.5), named as their wire value is
 * (RocketMQ's {@code MessageConst} prefixes them with {@code PROPERTY_}). Client, broker and store read and write
 * them through these constants only; {@link MessageProperties} is the codec of the property string.
 *
 * <pre>
 * | constant                       | set by             | meaning                                                 |
 * |--------------------------------|--------------------|---------------------------------------------------------|
 * | KEYS                           | producer           | index keys, joined by {@link #KEY_SEPARATOR}            |
 * | TAGS                           | producer           | the tag; consume queues store its hash                  |
 * | UNIQ_KEY                       | producer / broker  | the client message id                                   |
 * | WAIT                           | producer           | wait for the store before answering ("true")            |
 * | DELAY                          | producer / broker  | delay level 1-18                                        |
 * | TIMER_DELIVER_MS, _DELAY_MS,   | producer           | timer message: absolute time, or delay in ms / s        |
 * |   _DELAY_SEC                   |                    |                                                         |
 * | TIMER_OUT_MS, TIMER_ROLL_TIMES | broker             | a timer message's due time and wheel rolls              |
 * | TIMER_ENQUEUE_MS, _DEQUEUE_MS  | broker             | when the timer took and released it                     |
 * | REAL_TOPIC, REAL_QID           | broker             | the destination of a delayed, timer or half message     |
 * | RETRY_TOPIC                    | broker / client    | the original topic of a retry                           |
 * | ORIGIN_MESSAGE_ID              | broker / client    | the original offsetMsgId of a retry                     |
 * | RECONSUME_TIME                 | client             | reconsume count of a client-side retry send             |
 * | MAX_RECONSUME_TIMES            | client             | the consumer's limit, for the broker's DLQ decision     |
 * | TRAN_MSG                       | producer           | a transactional half message ("true")                   |
 * | PGROUP                         | producer           | the producer group, for check-backs                     |
 * | __transactionId__              | broker             | the transaction id (the UNIQ_KEY)                       |
 * | TRANSACTION_CHECK_TIMES        | broker             | check-backs so far                                      |
 * | CHECK_IMMUNITY_TIME_IN_SECONDS | producer           | no check-back before this age                           |
 * | TRAN_PREPARED_QUEUE_OFFSET     | broker             | the half message's queue offset, on its op record       |
 * | CORRELATION_ID                 | requester          | pairs a reply with its request                          |
 * | REPLY_TO_CLIENT                | requester          | the client id a reply is pushed to                      |
 * | TTL                            | requester          | the request's timeout, ms                               |
 * | MSG_TYPE                       | replier            | {@link #MSG_TYPE_REPLY} on replies                      |
 * | PUSH_REPLY_TIME                | broker             | when the broker pushed a reply                          |
 * | CLUSTER                        | broker             | the cluster that stored the message                     |
 * | MSG_REGION, TRACE_ON           | broker             | region and trace switch; also send response ext fields  |
 * | CONSUME_START_TIME             | client, local only | when consumption started                                |
 * | MIN_OFFSET, MAX_OFFSET         | client, local only | the queue's offsets at pull time                        |
 * </pre>
 */
public final class MessageConst {

    public static final String KEYS = "KEYS";
    public static final String TAGS = "TAGS";
    public static final String UNIQ_KEY = "UNIQ_KEY";
    public static final String WAIT = "WAIT";
    public static final String DELAY = "DELAY";
    public static final String TIMER_DELIVER_MS = "TIMER_DELIVER_MS";
    public static final String TIMER_DELAY_MS = "TIMER_DELAY_MS";
    public static final String TIMER_DELAY_SEC = "TIMER_DELAY_SEC";
    public static final String TIMER_OUT_MS = "TIMER_OUT_MS";
    public static final String TIMER_ROLL_TIMES = "TIMER_ROLL_TIMES";
    public static final String TIMER_ENQUEUE_MS = "TIMER_ENQUEUE_MS";
    public static final String TIMER_DEQUEUE_MS = "TIMER_DEQUEUE_MS";
    public static final String REAL_TOPIC = "REAL_TOPIC";
    public static final String REAL_QID = "REAL_QID";
    public static final String RETRY_TOPIC = "RETRY_TOPIC";
    public static final String ORIGIN_MESSAGE_ID = "ORIGIN_MESSAGE_ID";
    public static final String RECONSUME_TIME = "RECONSUME_TIME";
    public static final String MAX_RECONSUME_TIMES = "MAX_RECONSUME_TIMES";
    public static final String TRAN_MSG = "TRAN_MSG";
    public static final String PGROUP = "PGROUP";
    public static final String TRANSACTION_ID = "__transactionId__";
    public static final String TRANSACTION_CHECK_TIMES = "TRANSACTION_CHECK_TIMES";
    public static final String CHECK_IMMUNITY_TIME_IN_SECONDS = "CHECK_IMMUNITY_TIME_IN_SECONDS";
    public static final String TRAN_PREPARED_QUEUE_OFFSET = "TRAN_PREPARED_QUEUE_OFFSET";
    public static final String CORRELATION_ID = "CORRELATION_ID";
    public static final String REPLY_TO_CLIENT = "REPLY_TO_CLIENT";
    public static final String TTL = "TTL";
    public static final String MSG_TYPE = "MSG_TYPE";
    public static final String PUSH_REPLY_TIME = "PUSH_REPLY_TIME";
    public static final String CLUSTER = "CLUSTER";
    public static final String MSG_REGION = "MSG_REGION";
    public static final String TRACE_ON = "TRACE_ON";
    public static final String CONSUME_START_TIME = "CONSUME_START_TIME";
    public static final String MIN_OFFSET = "MIN_OFFSET";
    public static final String MAX_OFFSET = "MAX_OFFSET";

    /** The {@link #MSG_TYPE} of a reply to a request. */
    public static final String MSG_TYPE_REPLY = "reply";
    /** Joins the keys in {@link #KEYS}. */
    public static final String KEY_SEPARATOR = " ";

    private MessageConst() {
    }
}
