package io.nimbusmq.broker.transaction;

import java.util.List;
import java.util.Map;

import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.message.MessageSysFlag;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.message.SystemTopics;

/**
 * Half (prepared) messages: how a producer's prepared message is stored out of every consumer's sight, and the
 * messages the broker derives from a stored half message. The layout is RocketMQ's (remoting-protocol.md §4.6):
 *
 * <ul>
 * <li><b>Half message</b>: a send with {@code TRAN_MSG=true} is stored in {@value SystemTopics#TRANS_HALF_TOPIC}
 * queue 0 with its transaction bits cleared, so the store indexes it in the half queue and in no consumer queue. It
 * gains {@code REAL_TOPIC}, {@code REAL_QID} and {@code __transactionId__} (= {@code UNIQ_KEY}).</li>
 * <li><b>Committed message</b>: the half message's bytes in {@code REAL_TOPIC}/{@code REAL_QID} with transaction type
 * COMMIT and PREPAREDTRANSACTIONOFFSET = the half's physical offset. Its property string is the half's, unchanged:
 * RocketMQ 5.3.1 clears REAL_TOPIC, REAL_QID and TRAN_MSG only from the property map after it built the stored
 * string, so its consumers see them (OBSERVED) and so do ours.</li>
 * <li><b>Check copy</b>: before each check the half message is appended again to the half queue with
 * {@code TRANSACTION_CHECK_TIMES} counting the checks; the check names the copy's offsets.</li>
 * <li><b>Discarded message</b>: after too many checks, a copy goes to
 * {@value SystemTopics#TRANS_CHECK_MAX_TIME_TOPIC}.</li>
 * </ul>
 */
public final class HalfMessages {

    public static final int HALF_QUEUE_ID = 0;


    private HalfMessages() {
    }

    /**
     * The send path's hook: a prepared message becomes its half message; anything else passes unchanged.
     *
     * @throws IllegalArgumentException for a transactional batch, a half message without {@code PGROUP}, or a
     *     prepared sysFlag without {@code TRAN_MSG=true} (it would be stored and never seen by anyone)
     */
    public static List<MessageInput> storeAsHalf(List<MessageInput> messages) {
        if (messages.size() > 1) {
            for (MessageInput message : messages) {
                if (isHalf(message) || isPreparedType(message)) {
                    throw new IllegalArgumentException("a batch cannot hold transactional messages");
                }
            }
            return messages;
        }
        MessageInput message = messages.get(0);
        if (isHalf(message)) {
            return List.of(toHalf(message));
        }
        if (isPreparedType(message)) {
            if (!Boolean.parseBoolean(MessageProperties.get(message.properties(), MessageConst.TRAN_MSG))) {
                throw new IllegalArgumentException("sysFlag " + message.sysFlag()
                        + " marks a prepared transactional message but its TRAN_MSG property is not true");
            }
            // a consumer's retry of a committed transactional message (it keeps TRAN_MSG): an ordinary message
            return List.of(withSysFlag(message, MessageSysFlag.withTransactionType(message.sysFlag(),
                    MessageSysFlag.TRANSACTION_NOT_TYPE)));
        }
        return messages;
    }

    /**
     * Whether a send is a half message: {@code TRAN_MSG=true}, unless it is a retry with a delay (clients before
     * 4.6.1 send retries of transactional messages that way; RocketMQ's rule).
     */
    static boolean isHalf(MessageInput message) {
        String properties = message.properties();
        return Boolean.parseBoolean(MessageProperties.get(properties, MessageConst.TRAN_MSG))
                && !(message.reconsumeTimes() > 0 && parseLong(MessageProperties.get(properties,
                        MessageConst.DELAY), 0) > 0);
    }

    private static boolean isPreparedType(MessageInput message) {
        return MessageSysFlag.transactionType(message.sysFlag()) == MessageSysFlag.TRANSACTION_PREPARED_TYPE;
    }

    static MessageInput toHalf(MessageInput message) {
        Map<String, String> properties = MessageProperties.decode(message.properties());
        String group = properties.get(MessageConst.PGROUP);
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("a transactional message needs the PGROUP property (its producer "
                    + "group), to be checked back");
        }
        String uniqueKey = properties.get(MessageConst.UNIQ_KEY);
        if (uniqueKey != null && !uniqueKey.isEmpty()) {
            properties.put(MessageConst.TRANSACTION_ID, uniqueKey);
        }
        properties.put(MessageConst.REAL_TOPIC, message.topic());
        properties.put(MessageConst.REAL_QID, String.valueOf(message.queueId()));
        return new MessageInput(SystemTopics.TRANS_HALF_TOPIC, HALF_QUEUE_ID, message.flag(), message.body(),
                MessageProperties.encode(properties),
                MessageSysFlag.withTransactionType(message.sysFlag(), MessageSysFlag.TRANSACTION_NOT_TYPE),
                message.bornTimestamp(), message.bornHost(), message.storeHost(), message.reconsumeTimes(),
                message.preparedTransactionOffset());
    }

    /** The message a commit stores in the real topic and queue. */
    static MessageInput committed(StoredMessage half) {
        return new MessageInput(realTopic(half), realQueueId(half), half.flag(), half.body(), half.properties(),
                MessageSysFlag.withTransactionType(half.sysFlag(), MessageSysFlag.TRANSACTION_COMMIT_TYPE),
                half.bornTimestamp(), half.bornHost(), half.storeHost(), half.reconsumeTimes(),
                half.physicalOffset());
    }

    /** The half message appended again before its {@code checkTimes}-th check. */
    static MessageInput checkCopy(StoredMessage half, int checkTimes) {
        return copy(half, SystemTopics.TRANS_HALF_TOPIC, MessageConst.TRANSACTION_CHECK_TIMES,
                String.valueOf(checkTimes));
    }

    /**
     * The half message appended again, unchecked, because its own immunity time has not passed yet; it remembers
     * the queue offset the producer knows, as RocketMQ's copies do.
     */
    static MessageInput immunityCopy(StoredMessage half) {
        String original = half.property(MessageConst.TRAN_PREPARED_QUEUE_OFFSET);
        return copy(half, SystemTopics.TRANS_HALF_TOPIC, MessageConst.TRAN_PREPARED_QUEUE_OFFSET,
                original != null ? original : String.valueOf(half.queueOffset()));
    }

    /** The half message as it is kept after its last check: in {@value SystemTopics#TRANS_CHECK_MAX_TIME_TOPIC}. */
    static MessageInput discarded(StoredMessage half) {
        return copy(half, SystemTopics.TRANS_CHECK_MAX_TIME_TOPIC, null, null);
    }

    private static MessageInput copy(StoredMessage half, String topic, String property, String value) {
        String properties = half.properties();
        if (property != null) {
            Map<String, String> map = MessageProperties.decode(properties);
            map.put(property, value);
            properties = MessageProperties.encode(map);
        }
        return new MessageInput(topic, HALF_QUEUE_ID, half.flag(), half.body(), properties, half.sysFlag(),
                half.bornTimestamp(), half.bornHost(), half.storeHost(), half.reconsumeTimes(), 0);
    }

    private static MessageInput withSysFlag(MessageInput m, int sysFlag) {
        return new MessageInput(m.topic(), m.queueId(), m.flag(), m.body(), m.properties(), sysFlag,
                m.bornTimestamp(), m.bornHost(), m.storeHost(), m.reconsumeTimes(), m.preparedTransactionOffset());
    }

    /** The transaction id: {@code __transactionId__}, or the {@code UNIQ_KEY} it was copied from. */
    static String transactionId(StoredMessage half) {
        String id = half.property(MessageConst.TRANSACTION_ID);
        return id != null && !id.isEmpty() ? id : half.property(MessageConst.UNIQ_KEY);
    }

    /** Checks sent so far for this transaction (0 before the first). */
    static int checkTimes(StoredMessage half) {
        return (int) Math.max(0, parseLong(half.property(MessageConst.TRANSACTION_CHECK_TIMES), 0));
    }

    /** How old the half message must be before its first check: its own immunity time, never below the timeout. */
    static long immunityMillis(StoredMessage half, long timeoutMillis) {
        long seconds = parseLong(half.property(MessageConst.CHECK_IMMUNITY_TIME_IN_SECONDS), -1);
        return seconds < 0 ? timeoutMillis : Math.max(timeoutMillis, seconds * 1000);
    }

    static String realTopic(StoredMessage half) {
        return half.property(MessageConst.REAL_TOPIC);
    }

    static int realQueueId(StoredMessage half) {
        return (int) parseLong(half.property(MessageConst.REAL_QID), -1);
    }

    /** Why a stored message cannot be treated as a half message, or null. */
    static String notAHalfMessage(StoredMessage message) {
        if (!SystemTopics.TRANS_HALF_TOPIC.equals(message.topic())) {
            return "the message at commit log offset " + message.physicalOffset() + " is in topic "
                    + message.topic() + ", not a half message";
        }
        if (realTopic(message) == null || realQueueId(message) < 0) {
            return "the half message at commit log offset " + message.physicalOffset()
                    + " has no valid REAL_TOPIC/REAL_QID";
        }
        return null;
    }

    static long parseLong(String value, long otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
