package io.nimbusmq.broker.stats;

/**
 * The last few samples of one counter, taken at a fixed interval by the sampling thread: each sample is the
 * counter's running total and call count at a time. The window is the difference between the oldest and the newest
 * sample (RocketMQ keeps 7 samples per window: one minute sampled every 10 s, one hour every 10 min; 25 for a day
 * sampled every hour).
 *
 * <p>Written by one sampling thread, read by admin requests: access is synchronized (never on the message path).
 */
final class SampleRing {

    private final long[] timestamps;
    private final long[] values;
    private final long[] times;
    private int next;
    private int count;

    SampleRing(int capacity) {
        timestamps = new long[capacity];
        values = new long[capacity];
        this.times = new long[capacity];
    }

    synchronized void add(long timestampMillis, long value, long calls) {
        timestamps[next] = timestampMillis;
        values[next] = value;
        times[next] = calls;
        next = (next + 1) % timestamps.length;
        count = Math.min(count + 1, timestamps.length);
    }

    /** Between the oldest and the newest sample; empty with fewer than two samples. */
    synchronized StatsSnapshot window() {
        return windowOfLast(count);
    }

    /**
     * Between the newest sample and the one {@code samples - 1} before it (fewer if the ring holds fewer); empty with
     * fewer than two samples.
     */
    synchronized StatsSnapshot windowOfLast(int samples) {
        int span = Math.min(samples, count);
        if (span < 2) {
            return StatsSnapshot.EMPTY;
        }
        int newest = Math.floorMod(next - 1, timestamps.length);
        int oldest = Math.floorMod(next - span, timestamps.length);
        long sum = values[newest] - values[oldest];
        long calls = times[newest] - times[oldest];
        long millis = timestamps[newest] - timestamps[oldest];
        double tps = millis <= 0 ? 0 : sum * 1000.0 / millis;
        double avgpt = calls <= 0 ? 0 : (double) sum / calls;
        return new StatsSnapshot(sum, tps, avgpt);
    }

    /** Every sample's time (row 0) and value (row 1), oldest first. */
    synchronized long[][] samples() {
        long[][] copy = new long[2][count];
        for (int i = 0; i < count; i++) {
            int index = Math.floorMod(next - count + i, timestamps.length);
            copy[0][i] = timestamps[index];
            copy[1][i] = values[index];
        }
        return copy;
    }
}
