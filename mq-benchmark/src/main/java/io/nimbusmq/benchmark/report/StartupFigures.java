package io.nimbusmq.benchmark.report;

import java.util.List;

/**
 * Start-up of one broker, launched several times on a fresh store (after one unmeasured launch that warms the page
 * cache for its jars): launch to the first successful send, and resident memory at that moment.
 */
public record StartupFigures(String broker, List<Double> readyMillis, List<Long> rssAtReadyBytes) {

    public StartupFigures {
        readyMillis = List.copyOf(readyMillis);
        rssAtReadyBytes = List.copyOf(rssAtReadyBytes);
    }

    public double medianReadyMillis() {
        return median(readyMillis.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public double medianRssAtReadyBytes() {
        return median(rssAtReadyBytes.stream().mapToDouble(Long::doubleValue).toArray());
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
