package io.nimbusmq.benchmark.metrics;

/** Percentiles of one scenario's latencies in microseconds; {@code count == 0} means nothing was recorded. */
public record LatencySummary(long count, double p50Micros, double p99Micros, double p999Micros, double maxMicros) {

    public static final LatencySummary NONE = new LatencySummary(0, 0, 0, 0, 0);
}
