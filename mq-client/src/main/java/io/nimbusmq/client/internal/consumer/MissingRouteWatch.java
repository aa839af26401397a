package io.nimbusmq.client.internal.consumer;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.nimbusmq.client.internal.ClientServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up the routes of subscribed topics that have none yet (a listener started before its topic was created)
 * much sooner than the periodic rebalance (20 s) would find them: after 1 s, then with the delay doubled up to
 * {@code maxDelayMillis} (5 s at most, so that a topic created long after the consumer started is still found within
 * seconds). As soon as a route appears, {@code onRouteFound} runs once for the topic (the consumer heartbeats and
 * rebalances) and the topic is no longer watched.
 *
 * <p>Threads: the delays run on the client's timer, each lookup on a worker; a lookup schedules the next one, so a
 * topic has at most one lookup pending. The chain ends when the consumer stops running.
 */
final class MissingRouteWatch {

    static final long FIRST_DELAY_MILLIS = 1_000;
    static final long MAX_DELAY_MILLIS = 5_000;
    private static final Logger log = LoggerFactory.getLogger(MissingRouteWatch.class);

    private final ClientServices services;
    private final String group;
    private final long maxDelayMillis;
    private final BooleanSupplier running;
    private final Consumer<String> onRouteFound;
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final AtomicInteger lookups = new AtomicInteger();

    MissingRouteWatch(ClientServices services, String group, long maxDelayMillis, BooleanSupplier running,
            Consumer<String> onRouteFound) {
        this.services = services;
        this.group = group;
        this.maxDelayMillis = Math.max(FIRST_DELAY_MILLIS, Math.min(MAX_DELAY_MILLIS, maxDelayMillis));
        this.running = running;
        this.onRouteFound = onRouteFound;
    }

    /** Starts looking up {@code topic}'s route unless it is watched already. */
    void watch(String topic) {
        if (watched.add(topic)) {
            log.debug("Topic {} of consumer {} has no route yet; looking it up again in {} ms", topic, group,
                    FIRST_DELAY_MILLIS);
            schedule(topic, FIRST_DELAY_MILLIS);
        }
    }

    /** The topics still without a route. */
    Set<String> watched() {
        return Set.copyOf(watched);
    }

    /** Route lookups made so far (for tests and diagnostics). */
    int lookups() {
        return lookups.get();
    }

    private void schedule(String topic, long delayMillis) {
        if (!running.getAsBoolean()) {
            watched.remove(topic);
            return;
        }
        try {
            services.scheduler().schedule(() -> services.workers().execute(() -> lookUp(topic, delayMillis)),
                    delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            watched.remove(topic); // the client is closing
        }
    }

    private void lookUp(String topic, long delayMillis) {
        if (!running.getAsBoolean()) {
            watched.remove(topic);
            return;
        }
        lookups.incrementAndGet();
        boolean found;
        try {
            found = services.routes().refresh(topic).isPresent();
        } catch (RuntimeException e) {
            found = false;
        }
        if (!found) {
            schedule(topic, Math.min(delayMillis * 2, maxDelayMillis));
            return;
        }
        watched.remove(topic);
        log.info("Topic {} now has a route; consumer {} rebalances at once", topic, group);
        try {
            onRouteFound.accept(topic);
        } catch (RuntimeException e) {
            log.warn("Rebalance of consumer {} after the route of {} appeared failed", group, topic, e);
        }
    }
}
