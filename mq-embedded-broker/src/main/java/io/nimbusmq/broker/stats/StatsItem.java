package io.nimbusmq.broker.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * One counter of one statistic for one key (a topic, a {@code topic@group}, the cluster), kept as RocketMQ's
 * {@code StatsItem} keeps it: a running total and a call count, each a {@link LongAdder} (no lock, no allocation when
 * added to), and three rings of samples for the last minute, hour and day.
 */
public final class StatsItem {

    static final int MINUTE_SAMPLES = 7;
    static final int HOUR_SAMPLES = 7;
    static final int DAY_SAMPLES = 25;

    private final LongAdder value = new LongAdder();
    private final LongAdder times = new LongAdder();
    private final SampleRing minute = new SampleRing(MINUTE_SAMPLES);
    private final SampleRing hour = new SampleRing(HOUR_SAMPLES);
    private final SampleRing day = new SampleRing(DAY_SAMPLES);

    /** An item created at {@code createdMillis}: its windows count from then (a first sample of zero). */
    public StatsItem(long createdMillis) {
        minute.add(createdMillis, 0, 0);
        hour.add(createdMillis, 0, 0);
        day.add(createdMillis, 0, 0);
    }

    /** Adds {@code amount} (messages or bytes) for one call. */
    public void add(long amount) {
        value.add(amount);
        times.increment();
    }

    /** Everything added since the broker started. */
    public long total() {
        return value.sum();
    }

    void sampleMinute(long nowMillis) {
        minute.add(nowMillis, value.sum(), times.sum());
    }

    void sampleHour(long nowMillis) {
        hour.add(nowMillis, value.sum(), times.sum());
    }

    void sampleDay(long nowMillis) {
        day.add(nowMillis, value.sum(), times.sum());
    }

    /** The last minute (sampled every 10 s). */
    public StatsSnapshot minute() {
        return minute.window();
    }

    /** The last hour (sampled every 10 min). */
    public StatsSnapshot hour() {
        return hour.window();
    }

    /** The last day (sampled every hour). */
    public StatsSnapshot day() {
        return day.window();
    }
}
