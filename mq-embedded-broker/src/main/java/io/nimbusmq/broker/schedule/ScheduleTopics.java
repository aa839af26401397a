package io.nimbusmq.broker.schedule;

import java.util.Set;

/** The system topics that hold waiting messages, and the properties that schedule them (RocketMQ's names). */
public final class ScheduleTopics {

    /** DELAY-level messages wait here, queue id = level - 1 (18 queues by default). */
    public static final String SCHEDULE_TOPIC = "SCHEDULE_TOPIC_XXXX";
    /** Timer messages (TIMER_DELIVER_MS, TIMER_DELAY_SEC, TIMER_DELAY_MS) wait here, queue 0. */
    public static final String TIMER_TOPIC = "rmq_sys_wheel_timer";

    public static final String DELAY = "DELAY";
    public static final String TIMER_DELIVER_MS = "TIMER_DELIVER_MS";
    public static final String TIMER_DELAY_SEC = "TIMER_DELAY_SEC";
    public static final String TIMER_DELAY_MS = "TIMER_DELAY_MS";
    /** Absolute delivery time (broker clock, epoch ms), set by the broker on the waiting copy. */
    public static final String TIMER_OUT_MS = "TIMER_OUT_MS";
    public static final String TIMER_ROLL_TIMES = "TIMER_ROLL_TIMES";
    public static final String REAL_TOPIC = "REAL_TOPIC";
    public static final String REAL_QID = "REAL_QID";

    /** What the delivered copy no longer carries. */
    static final Set<String> SCHEDULING_PROPERTIES = Set.of(DELAY, TIMER_DELIVER_MS, TIMER_DELAY_SEC, TIMER_DELAY_MS,
            TIMER_OUT_MS, TIMER_ROLL_TIMES, REAL_TOPIC, REAL_QID);

    private ScheduleTopics() {
    }

    public static boolean isScheduleTopic(String topic) {
        return SCHEDULE_TOPIC.equals(topic) || TIMER_TOPIC.equals(topic);
    }
}
