package io.nimbusmq.broker.retry;

import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.Map;

import io.nimbusmq.broker.schedule.ScheduleTopics;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageIds;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.message.SystemTopics;

/**
 * The copies RocketMQ makes of a message a consumer failed: the retry copy, the dead letter, and the copy an operator
 * sends back to the original topic. Pure functions of the stored message.
 */
public final class RetryMessages {

    /** Back-off of the n-th retry when the consumer asks for none: level 3 + reconsume times (10 s, 30 s, 1 m ...). */
    public static final int FIRST_RETRY_LEVEL = 3;

    private RetryMessages() {
    }

    /** Whether a send-back goes to the dead-letter queue instead of being retried. */
    public static boolean isDeadLetter(int reconsumeTimes, int maxReconsumeTimes, int delayLevel) {
        return reconsumeTimes >= maxReconsumeTimes || delayLevel < 0;
    }

    /**
     * The copy stored for a send-back: to {@code %RETRY%group} with {@code DELAY} = the requested level or
     * {@code 3 + reconsumeTimes}, or to {@code %DLQ%group} with {@code DELAY} = 0. Reconsume times + 1, WAIT false,
     * RETRY_TOPIC (the original topic) and ORIGIN_MESSAGE_ID (the original offsetMsgId) unless already set; body,
     * flag, sysFlag, born time and host and every other property (UNIQ_KEY included) are kept.
     */
    public static MessageInput sendBackCopy(StoredMessage failed, String targetTopic, int queueId, boolean deadLetter,
            int delayLevel, InetSocketAddress storeHost) {
        Map<String, String> props = failed.propertyMap();
        props.putIfAbsent(MessageConst.RETRY_TOPIC, failed.topic());
        props.put(MessageConst.WAIT, "false");
        props.put(MessageConst.DELAY, Integer.toString(deadLetter ? 0
                : delayLevel == 0 ? FIRST_RETRY_LEVEL + failed.reconsumeTimes() : delayLevel));
        String originId = props.get(MessageConst.ORIGIN_MESSAGE_ID);
        if (originId == null || originId.isBlank()) {
            props.put(MessageConst.ORIGIN_MESSAGE_ID,
                    MessageIds.offsetMessageId(failed.storeHost(), failed.physicalOffset()));
        }
        return new MessageInput(targetTopic, queueId, failed.flag(), failed.body(), MessageProperties.encode(props),
                failed.sysFlag(), failed.bornTimestamp(), failed.bornHost(), storeHost, failed.reconsumeTimes() + 1,
                0);
    }

    /** The original topic of a retried or dead-lettered message (its RETRY_TOPIC), or null. */
    public static String originalTopic(StoredMessage message) {
        String topic = message.property(MessageConst.RETRY_TOPIC);
        return topic == null || topic.isBlank() || SystemTopics.isRetryTopic(topic) ? null : topic;
    }

    /**
     * A dead letter sent back to its original topic as a fresh message, delivered at once: reconsume times 0, the
     * retry bookkeeping (RETRY_TOPIC, WAIT) and every scheduling property (DELAY, TIMER_*, REAL_TOPIC, REAL_QID)
     * removed; UNIQ_KEY, KEYS, TAGS and ORIGIN_MESSAGE_ID kept.
     */
    public static MessageInput resendCopy(StoredMessage deadLetter, String originalTopic, int queueId,
            InetSocketAddress storeHost) {
        Map<String, String> props = deadLetter.propertyMap();
        props.remove(MessageConst.RETRY_TOPIC);
        props.remove(MessageConst.WAIT);
        props.keySet().removeAll(ScheduleTopics.SCHEDULING_PROPERTIES);
        return new MessageInput(originalTopic, queueId, deadLetter.flag(), deadLetter.body(),
                MessageProperties.encode(props), deadLetter.sysFlag(), deadLetter.bornTimestamp(),
                deadLetter.bornHost(), storeHost, 0, 0);
    }

    /** The commit log offset inside an offsetMsgId (32 hex chars for IPv4, 56 for IPv6), or -1 if it is not one. */
    public static long physicalOffsetOf(String offsetMessageId) {
        if (offsetMessageId == null || (offsetMessageId.length() != 32 && offsetMessageId.length() != 56)) {
            return -1;
        }
        try {
            byte[] bytes = HexFormat.of().parseHex(offsetMessageId);
            long offset = 0;
            for (int i = bytes.length - 8; i < bytes.length; i++) {
                offset = (offset << 8) | (bytes[i] & 0xFF);
            }
            return offset;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
