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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every consumer group's total lag over the last minutes, for the group page's chart. The broker's statistics
 * ({@link io.nimbusmq.broker.stats.BrokerStats}) count traffic, not lag, so this is the one series the console
 * samples itself: every interval, each group's total lag as GET_CONSUME_STATS computes it; the newest
 * {@code historySize} samples per group are kept, and groups that are gone are forgotten.
 *
 * <p>One daemon thread ({@code console-lag}) samples; readers copy a group's points under its lock.
 */
final class LagHistory implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LagHistory.class);

    private final Supplier<Map<String, Long>> lagByGroup;
    private final long intervalMillis;
    private final int historySize;
    private final ScheduledExecutorService thread;
    private final Map<String, Deque<GroupViews.LagPoint>> history = new ConcurrentHashMap<>();

    LagHistory(Supplier<Map<String, Long>> lagByGroup, long intervalMillis, int historySize) {
        this.lagByGroup = lagByGroup;
        this.intervalMillis = intervalMillis;
        this.historySize = historySize;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "console-lag");
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
            log.warn("Console lag sample failed", e);
        }
    }

    /** Takes one sample now. */
    synchronized void sample() {
        long now = System.currentTimeMillis();
        Map<String, Long> lags = lagByGroup.get();
        history.keySet().retainAll(lags.keySet());
        lags.forEach((group, lag) -> {
            Deque<GroupViews.LagPoint> points = history.computeIfAbsent(group, g -> new ArrayDeque<>());
            synchronized (points) {
                points.addLast(new GroupViews.LagPoint(now, lag));
                while (points.size() > historySize) {
                    points.removeFirst();
                }
            }
        });
    }

    /** Each group's lag at the last sample. */
    Map<String, Long> latest() {
        Map<String, Long> result = new HashMap<>();
        history.forEach((group, points) -> {
            synchronized (points) {
                if (!points.isEmpty()) {
                    result.put(group, points.getLast().lag());
                }
            }
        });
        return result;
    }

    /** The group's points, oldest first. */
    List<GroupViews.LagPoint> of(String group) {
        Deque<GroupViews.LagPoint> points = history.get(group);
        if (points == null) {
            return List.of();
        }
        synchronized (points) {
            return new ArrayList<>(points);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
