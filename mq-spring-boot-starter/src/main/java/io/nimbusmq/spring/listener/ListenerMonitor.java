package io.nimbusmq.spring.listener;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nimbusmq.remoting.dispatch.NamedThreadFactory;

/**
 * Publishes {@link ListenerIdleEvent}s and {@link ListenerNotResponsiveEvent}s: one daemon thread looks at every
 * running container's {@link ListenerActivity} every {@value #TICK_MILLIS} ms, while any listener runs. A paused
 * listener is not idle: its idle time counts from when it resumes.
 */
final class ListenerMonitor {

    static final long TICK_MILLIS = 200;

    private static final Logger log = LoggerFactory.getLogger(ListenerMonitor.class);

    private final Supplier<Iterable<MessageListenerContainer>> containers;
    private final Consumer<MqListenerEvent> publisher;
    /** Per container, the idle time at its last idle event (until it receives again). */
    private final Map<MessageListenerContainer, Long> idleReported = new ConcurrentHashMap<>();
    private ScheduledExecutorService thread;

    ListenerMonitor(Supplier<Iterable<MessageListenerContainer>> containers, Consumer<MqListenerEvent> publisher) {
        this.containers = containers;
        this.publisher = publisher;
    }

    synchronized void start() {
        if (thread == null) {
            thread = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("mq-listener-monitor", true));
            thread.scheduleWithFixedDelay(this::check, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    synchronized void stop() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
        idleReported.clear();
    }

    void check() {
        try {
            for (MessageListenerContainer container : containers.get()) {
                checkIdle(container);
                checkResponsive(container);
            }
        } catch (RuntimeException e) {
            log.warn("Listener monitor failed; it goes on", e);
        }
    }

    private void checkIdle(MessageListenerContainer container) {
        Duration interval = container.endpoint().settings().idleEventInterval();
        if (interval == null) {
            return;
        }
        if (!container.isRunning() || container.isPaused()) {
            idleReported.remove(container);
            container.activity().reset();
            return;
        }
        long idle = container.activity().nanosSinceLastReceived();
        Long reported = idleReported.get(container);
        if (idle < interval.toNanos() || reported != null && idle < reported) {
            idleReported.remove(container);
            if (idle < interval.toNanos()) {
                return;
            }
            reported = null;
        }
        if (reported == null || idle - reported >= interval.toNanos()) {
            idleReported.put(container, idle);
            publisher.accept(new ListenerIdleEvent(container, Duration.ofNanos(idle)));
        }
    }

    private void checkResponsive(MessageListenerContainer container) {
        Duration timeout = container.endpoint().settings().effectiveConsumeTimeout();
        long running = container.activity().takeOverdueCall(timeout.toNanos());
        if (running > 0) {
            log.warn("Listener {} has been in one call for {}, past its consume timeout {}", container.endpoint().id(),
                    Duration.ofNanos(running), timeout);
            publisher.accept(new ListenerNotResponsiveEvent(container, Duration.ofNanos(running)));
        }
    }
}
