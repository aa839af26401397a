package io.nimbusmq.broker.longpolling;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.ToLongBiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long polling: holds pulls that found nothing until a message arrives for their queue or their suspend time ends.
 *
 * <p><b>Hand-off.</b> Pull processor threads {@link #hold} requests. The store's dispatch thread calls
 * {@link #notifyMessageArrived} for every new message; matching requests are taken out and re-run on the pull
 * executor, which answers them. This service's own thread only expires requests whose deadline passed, checking every
 * {@code checkIntervalMillis}. A request is re-run exactly once: whoever removes it from the table runs it.
 */
public final class PullRequestHoldService implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(PullRequestHoldService.class);

    /** Held requests by topic, then queue id: no key object per arrival (queue ids below 128 box to cached values). */
    private final Map<String, Map<Integer, List<PullRequest>>> held = new ConcurrentHashMap<>();
    private final Consumer<PullRequest> rerun;
    private final ExecutorService executor;
    private final ToLongBiFunction<String, Integer> maxOffset;
    private final Clock clock;
    private final long checkIntervalMillis;
    private volatile boolean stopped;
    private Thread thread;

    /**
     * @param rerun runs a pull again without suspending and writes its answer
     * @param executor where re-runs happen (the pull executor)
     * @param maxOffset the queue's next offset to be written, to catch arrivals that raced the hold
     */
    public PullRequestHoldService(Consumer<PullRequest> rerun, ExecutorService executor,
            ToLongBiFunction<String, Integer> maxOffset, Clock clock, long checkIntervalMillis) {
        this.rerun = rerun;
        this.executor = executor;
        this.maxOffset = maxOffset;
        this.clock = clock;
        this.checkIntervalMillis = checkIntervalMillis;
    }

    public void hold(PullRequest request) {
        Map<Integer, List<PullRequest>> queues = held.computeIfAbsent(request.topic(), t -> new ConcurrentHashMap<>());
        queues.compute(request.queueId(), (k, list) -> {
            List<PullRequest> next = list == null ? new ArrayList<>() : list;
            next.add(request);
            return next;
        });
        if (maxOffset.applyAsLong(request.topic(), request.queueId()) > request.queueOffset()) {
            notifyMessageArrived(request.topic(), request.queueId(), Long.MAX_VALUE);
        }
    }

    /** Wakes the requests of a queue that wait for an offset below {@code nextOffset}. */
    public void notifyMessageArrived(String topic, int queueId, long nextOffset) {
        Map<Integer, List<PullRequest>> queues = held.get(topic);
        if (queues == null || !queues.containsKey(queueId)) {
            return;
        }
        List<PullRequest> ready = new ArrayList<>();
        queues.computeIfPresent(queueId, (k, list) -> {
            Iterator<PullRequest> it = list.iterator();
            while (it.hasNext()) {
                PullRequest request = it.next();
                if (request.queueOffset() < nextOffset) {
                    ready.add(request);
                    it.remove();
                }
            }
            return list.isEmpty() ? null : list;
        });
        ready.forEach(this::submit);
    }

    /** Answers every request whose deadline passed. */
    public void expire() {
        long now = clock.millis();
        for (Map<Integer, List<PullRequest>> queues : held.values()) {
            for (Integer queueId : List.copyOf(queues.keySet())) {
                expire(queues, queueId, now);
            }
        }
    }

    private void expire(Map<Integer, List<PullRequest>> queues, Integer queueId, long now) {
        List<PullRequest> expired = new ArrayList<>();
        queues.computeIfPresent(queueId, (k, list) -> {
            list.removeIf(r -> {
                if (r.deadlineMillis() <= now) {
                    expired.add(r);
                    return true;
                }
                return false;
            });
            return list.isEmpty() ? null : list;
        });
        expired.forEach(this::submit);
    }

    private void submit(PullRequest request) {
        try {
            executor.execute(() -> rerun.accept(request));
        } catch (RejectedExecutionException e) {
            log.debug("Pull executor is shut down; dropping a held pull for {}", request.topic());
        }
    }

    public synchronized void start() {
        thread = new Thread(this, "broker-pull-hold");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                Thread.sleep(checkIntervalMillis);
                expire();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("Expiring held pulls failed", e);
            }
        }
    }

    /** Stops expiring and answers every held request now. */
    public synchronized void shutdown() {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
        List<PullRequest> all = new ArrayList<>();
        held.values().forEach(queues -> queues.values().forEach(all::addAll));
        held.clear();
        all.forEach(r -> rerun.accept(r));
    }
}
