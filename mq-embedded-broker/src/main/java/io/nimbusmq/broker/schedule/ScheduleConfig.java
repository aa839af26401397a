package io.nimbusmq.broker.schedule;

import java.time.Duration;

/**
 * Settings of delayed and timer messages.
 *
 * @param delayLevels the durations of the DELAY levels ({@link DelayLevels#DEFAULT})
 * @param timerMaxDelayMillis how far ahead a timer message may be scheduled; further is refused with
 *        MESSAGE_ILLEGAL (default 7 days; Apache RocketMQ's {@code timerMaxDelaySec} defaults to 3 days)
 * @param rollWindowMillis a pending message whose copy in the commit log is older than this is stored again, so
 *        that commit log retention (72 h by default) never deletes a message that is still waiting (default 24 h)
 */
public record ScheduleConfig(String delayLevels, long timerMaxDelayMillis, long rollWindowMillis) {

    public static final long DEFAULT_TIMER_MAX_DELAY_MILLIS = Duration.ofDays(7).toMillis();
    public static final long DEFAULT_ROLL_WINDOW_MILLIS = Duration.ofHours(24).toMillis();

    public ScheduleConfig {
        delayLevels = delayLevels == null || delayLevels.isBlank() ? DelayLevels.DEFAULT : delayLevels;
        DelayLevels.parse(delayLevels);
        if (timerMaxDelayMillis <= 0) {
            throw new IllegalArgumentException("timerMaxDelayMillis must be positive: " + timerMaxDelayMillis);
        }
        if (rollWindowMillis < 60_000) {
            throw new IllegalArgumentException("rollWindowMillis must be at least one minute: " + rollWindowMillis);
        }
    }

    public static ScheduleConfig defaults() {
        return new ScheduleConfig(DelayLevels.DEFAULT, DEFAULT_TIMER_MAX_DELAY_MILLIS, DEFAULT_ROLL_WINDOW_MILLIS);
    }

    public ScheduleConfig withDelayLevels(String value) {
        return new ScheduleConfig(value, timerMaxDelayMillis, rollWindowMillis);
    }

    public ScheduleConfig withTimerMaxDelayMillis(long value) {
        return new ScheduleConfig(delayLevels, value, rollWindowMillis);
    }

    public DelayLevels levels() {
        return DelayLevels.parse(delayLevels);
    }
}
