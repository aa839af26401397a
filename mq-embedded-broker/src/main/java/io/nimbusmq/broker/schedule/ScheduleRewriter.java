package io.nimbusmq.broker.schedule;

import java.time.Clock;
import java.util.Map;

import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.message.MessageSysFlag;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.protocol.ResponseCode;

/**
 * Turns a message that asks for a later delivery into the waiting copy the broker stores instead, as RocketMQ does:
 *
 * <ul>
 * <li>{@code DELAY} = level above 0 (clamped to the highest level): stored in {@code SCHEDULE_TOPIC_XXXX}, queue
 * level - 1; any TIMER_* property is dropped (the level wins).</li>
 * <li>{@code TIMER_DELIVER_MS} (absolute), {@code TIMER_DELAY_SEC} or {@code TIMER_DELAY_MS} (relative to the broker
 * clock): stored in {@code rmq_sys_wheel_timer}, queue 0. A time in the past is an ordinary message; one further than
 * the maximum delay, or not a number, is refused with MESSAGE_ILLEGAL and RocketMQ's remark.</li>
 * </ul>
 *
 * The waiting copy keeps every property and adds {@code REAL_TOPIC}, {@code REAL_QID} and {@code TIMER_OUT_MS} (the
 * delivery time in ms on the broker clock). Unlike RocketMQ's timer wheel, the time is kept to the millisecond, not
 * rounded down to a second. A message that already carries {@code TIMER_OUT_MS} is not a timer message (RocketMQ's
 * "double check"): a delivered timer message keeps its TIMER_* properties, and a copy of it (a dead letter, a
 * consumer's retry without a level) must not wait again.
 *
 * <p>Transaction half messages (prepared) and rollbacks are stored as they are; a prepared message with a timer that
 * would be refused is refused at once, so that the producer learns it when sending, as with RocketMQ. The committed
 * message is rewritten when the transaction commits, so its delay counts from the commit.
 */
public final class ScheduleRewriter {

    /** The message to store, or why the send is refused. */
    public record Decision(MessageInput message, int errorCode, String remark) {

        static Decision store(MessageInput message) {
            return new Decision(message, ResponseCode.SUCCESS, null);
        }

        static Decision refuse(String remark) {
            return new Decision(null, ResponseCode.MESSAGE_ILLEGAL, remark);
        }

        public boolean refused() {
            return message == null;
        }
    }

    private static final int TRANSACTION_BITS = 0xC;

    private final DelayLevels levels;
    private final long timerMaxDelayMillis;
    private final Clock clock;

    public ScheduleRewriter(ScheduleConfig config, Clock clock) {
        this.levels = config.levels();
        this.timerMaxDelayMillis = config.timerMaxDelayMillis();
        this.clock = clock;
    }

    public DelayLevels levels() {
        return levels;
    }

    public Decision rewrite(MessageInput message) {
        String properties = message.properties();
        int transaction = message.sysFlag() & TRANSACTION_BITS;
        if (properties.isEmpty() || ScheduleTopics.isScheduleTopic(message.topic())
                || transaction == MessageSysFlag.TRANSACTION_ROLLBACK_TYPE) {
            return Decision.store(message);
        }
        if (transaction == MessageSysFlag.TRANSACTION_PREPARED_TYPE) {
            Decision atCommit = schedule(message, properties);
            return atCommit.refused() ? atCommit : Decision.store(message);
        }
        return schedule(message, properties);
    }

    private Decision schedule(MessageInput message, String properties) {
        int level = parseLevel(MessageProperties.get(properties, MessageConst.DELAY));
        if (level > 0) {
            return Decision.store(delayByLevel(message, level));
        }
        String deliverMs = MessageProperties.get(properties, MessageConst.TIMER_DELIVER_MS);
        String delaySec = MessageProperties.get(properties, MessageConst.TIMER_DELAY_SEC);
        String delayMs = MessageProperties.get(properties, MessageConst.TIMER_DELAY_MS);
        if (deliverMs == null && delaySec == null && delayMs == null
                || MessageProperties.get(properties, MessageConst.TIMER_OUT_MS) != null) {
            return Decision.store(message);
        }
        long now = clock.millis();
        long deliverAt;
        try {
            deliverAt = deliverMs != null ? Long.parseLong(deliverMs.trim())
                    : delaySec != null ? now + Math.multiplyExact(Long.parseLong(delaySec.trim()), 1000L)
                    : now + Long.parseLong(delayMs.trim());
        } catch (NumberFormatException | ArithmeticException e) {
            return Decision.refuse(illegalTimerRemark());
        }
        if (deliverAt <= now) {
            return Decision.store(message);
        }
        if (deliverAt - now > timerMaxDelayMillis) {
            return Decision.refuse(illegalTimerRemark());
        }
        return Decision.store(waitingCopy(message, properties, SystemTopics.TIMER_TOPIC, 0, deliverAt));
    }

    private MessageInput delayByLevel(MessageInput message, int requestedLevel) {
        int level = levels.clamp(requestedLevel);
        Map<String, String> props = MessageProperties.decode(message.properties());
        props.remove(MessageConst.TIMER_DELIVER_MS);
        props.remove(MessageConst.TIMER_DELAY_SEC);
        props.remove(MessageConst.TIMER_DELAY_MS);
        props.put(MessageConst.DELAY, Integer.toString(level));
        long deliverAt = clock.millis() + levels.delayMillis(level);
        return waitingCopy(message, MessageProperties.encode(props), SystemTopics.SCHEDULE_TOPIC, level - 1,
                deliverAt);
    }

    private static MessageInput waitingCopy(MessageInput message, String properties, String topic, int queueId,
            long deliverAt) {
        Map<String, String> props = MessageProperties.decode(properties);
        props.put(MessageConst.REAL_TOPIC, message.topic());
        props.put(MessageConst.REAL_QID, Integer.toString(message.queueId()));
        props.put(MessageConst.TIMER_OUT_MS, Long.toString(deliverAt));
        return new MessageInput(topic, queueId, message.flag(), message.body(), MessageProperties.encode(props),
                message.sysFlag(), message.bornTimestamp(), message.bornHost(), message.storeHost(),
                message.reconsumeTimes(), message.preparedTransactionOffset());
    }

    private String illegalTimerRemark() {
        return String.format("timer message illegal, the delay time should not be bigger than the max delay %dms; "
                + "or if set del msg, the delay time should be bigger than the current time", timerMaxDelayMillis);
    }

    private static int parseLevel(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
