package io.nimbusmq.broker.console.data;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.nimbusmq.broker.console.model.GroupViews;
import io.nimbusmq.broker.console.model.Overview;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * <b>Stand-in for the broker statistics of issue 12; to be replaced by them.</b> Until the broker keeps its own
 * statistics, the console samples counters that exist today every interval: messages stored (the store's put count),
 * messages stored per topic (the sum of its queues' max offsets), messages consumed per group (the sum of its
 * committed offsets) and lag per group. Rates are the difference between the last two samples; the history of
 * {@code historySize} samples feeds the charts. Only the latest sample's per-topic and per-group counters are kept,
 * so memory stays flat with thousands of topics.
 *
 * <p>One daemon thread ({@code console-traffic}) samples; readers see the latest published values.
 */
final class TrafficSampler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrafficSampler.class);

    /** What one sample reads. */
    record Counters(long timeMillis, long stored, Map<String, Long> storedByTopic, Map<String, Long> consumedByGroup,
            Map<String, Long> lagByGroup) {
    }

    private final Supplier<Counters> source;
    private final long intervalMillis;
    private final int historySize;
    private final ScheduledExecutorService thread;
    private final Deque<Overview.TrafficPoint> traffic = new ArrayDeque<>();
    private final Map<String, Deque<GroupViews.LagPoint>> lagHistory = new ConcurrentHashMap<>();
    private volatile Map<String, Double> topicRates = Map.of();
    private volatile Map<String, Double> groupRates = Map.of();
    private Counters last;

    TrafficSampler(Supplier<Counters> source, long intervalMillis, int historySize) {
        this.source = source;
        this.intervalMillis = intervalMillis;
        this.historySize = historySize;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "console-traffic");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        thread.scheduleWithFixedDelay(this::sampleQuietly, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            log.warn("Console traffic sample failed", e);
        }
    }

    /** Takes one sample now. */
    synchronized void sample() {
        Counters now = source.get();
        if (last != null && now.timeMillis() > last.timeMillis()) {
            double seconds = (now.timeMillis() - last.timeMillis()) / 1000.0;
            Map<String, Double> topics = rates(last.storedByTopic(), now.storedByTopic(), seconds);
            Map<String, Double> groups = rates(last.consumedByGroup(), now.consumedByGroup(), seconds);
            double in = Math.max(0, now.stored() - last.stored()) / seconds;
            double out = groups.values().stream().mapToDouble(Double::doubleValue).sum();
            synchronized (traffic) {
                add(traffic, new Overview.TrafficPoint(now.timeMillis(), in, out));
            }
            topicRates = topics;
            groupRates = groups;
        }
        lagHistory.keySet().retainAll(now.lagByGroup().keySet());
        now.lagByGroup().forEach((group, lag) -> {
            Deque<GroupViews.LagPoint> points = lagHistory.computeIfAbsent(group, g -> new ArrayDeque<>());
            synchronized (points) {
                add(points, new GroupViews.LagPoint(now.timeMillis(), lag));
            }
        });
        last = now;
    }

    private <T> void add(Deque<T> ring, T point) {
        ring.addLast(point);
        while (ring.size() > historySize) {
            ring.removeFirst();
        }
    }

    private static Map<String, Double> rates(Map<String, Long> before, Map<String, Long> after, double seconds) {
        Map<String, Double> rates = new HashMap<>();
        after.forEach((name, count) -> {
            Long previous = before.get(name);
            rates.put(name, previous == null ? 0.0 : Math.max(0, count - previous) / seconds);
        });
        return rates;
    }

    List<Overview.TrafficPoint> traffic() {
        synchronized (traffic) {
            return new ArrayList<>(traffic);
        }
    }

    List<GroupViews.LagPoint> lagHistory(String group) {
        Deque<GroupViews.LagPoint> points = lagHistory.get(group);
        if (points == null) {
            return List.of();
        }
        synchronized (points) {
            return new ArrayList<>(points);
        }
    }

    /** Messages stored per second by topic, over the last interval. */
    Map<String, Double> topicRates() {
        return topicRates;
    }

    /** Messages consumed per second by group, over the last interval. */
    Map<String, Double> groupRates() {
        return groupRates;
    }

    long intervalMillis() {
        return intervalMillis;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
