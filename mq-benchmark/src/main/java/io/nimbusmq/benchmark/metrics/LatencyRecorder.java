package io.nimbusmq.benchmark.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies recorded concurrently by many threads (wait-free, HdrHistogram's {@link Recorder}) with 3 significant
 * digits, in microseconds. {@link #reset()} starts a new interval (the end of a warm-up), {@link #summary()} ends it.
 */
public final class LatencyRecorder {

    private final Recorder recorder = new Recorder(3);

    public void recordNanos(long nanos) {
        recorder.recordValue(Math.max(0, nanos / 1_000));
    }

    /** Drops everything recorded so far. */
    public void reset() {
        recorder.getIntervalHistogram();
    }

    /** Percentiles of everything recorded since the last {@link #reset()} or summary, which starts a new interval. */
    public LatencySummary summary() {
        return summarize(recorder.getIntervalHistogram());
    }

    static LatencySummary summarize(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return LatencySummary.NONE;
        }
        return new LatencySummary(histogram.getTotalCount(), histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9), histogram.getMaxValue());
    }
}
