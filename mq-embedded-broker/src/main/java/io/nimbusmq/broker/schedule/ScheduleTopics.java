package io.nimbusmq.broker.schedule;

import java.util.Set;

import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.SystemTopics;

/**
 * The system topics that hold waiting messages ({@link SystemTopics#SCHEDULE_TOPIC}: DELAY-level messages, queue id
 * = level - 1; {@link SystemTopics#TIMER_TOPIC}: timer messages, queue 0), and the properties that schedule them.
 * On the waiting copy the broker sets {@code TIMER_OUT_MS} (absolute delivery time, broker clock); on a delivered timer
 * message {@code TIMER_ENQUEUE_MS} and {@code TIMER_DEQUEUE_MS} (when it was stored and delivered).
 */
public final class ScheduleTopics {

    /** Every property of a delayed or timer message and of its waiting copy. */
    public static final Set<String> SCHEDULING_PROPERTIES = Set.of(MessageConst.DELAY, MessageConst.TIMER_DELIVER_MS,
            MessageConst.TIMER_DELAY_SEC, MessageConst.TIMER_DELAY_MS, MessageConst.TIMER_OUT_MS,
            MessageConst.TIMER_ROLL_TIMES, MessageConst.TIMER_ENQUEUE_MS, MessageConst.TIMER_DEQUEUE_MS,
            MessageConst.REAL_TOPIC, MessageConst.REAL_QID);

    /**
     * What a delivered delay-level message loses: only what this broker adds to its waiting copy and RocketMQ does
     * not (its schedule service neither rolls delay levels nor sets TIMER_OUT_MS on them).
     */
    static final Set<String> DELAY_LEVEL_BOOKKEEPING = Set.of(MessageConst.TIMER_OUT_MS,
            MessageConst.TIMER_ROLL_TIMES);

    private ScheduleTopics() {
    }

    public static boolean isScheduleTopic(String topic) {
        return SystemTopics.SCHEDULE_TOPIC.equals(topic) || SystemTopics.TIMER_TOPIC.equals(topic);
    }
}
