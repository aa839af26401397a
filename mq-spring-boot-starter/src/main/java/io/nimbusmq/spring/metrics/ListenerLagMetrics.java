package io.nimbusmq.spring.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.nimbusmq.client.consumer.PushConsumer;
import io.nimbusmq.client.consumer.QueueLag;
import io.nimbusmq.spring.listener.MessageListenerContainer;

/**
 * {@code mq.listener.lag}: per listener and queue, the messages its broker holds that the listener has not consumed
 * yet (the broker's max offset minus the listener's offset), tags {@code listener}, {@code group}, {@code topic},
 * {@code broker} and {@code queue}. The offsets are asked from the brokers on this class's own thread every
 * {@code interval} ({@code mq.listener.lag-interval}), never when metrics are scraped; a queue that leaves the listener
 * leaves the gauge at the next refresh.
 */
public final class ListenerLagMetrics implements AutoCloseable {

    public static final String LAG = "mq.listener.lag";
    private static final Logger log = LoggerFactory.getLogger(ListenerLagMetrics.class);

    private final Supplier<List<MessageListenerContainer>> containers;
    private final MultiGauge gauge;
    private final ScheduledExecutorService scheduler;

    /**
     * @param registry   where the gauges go; null (no MeterRegistry in the application): nothing is measured
     * @param containers the running listener containers, asked at each refresh
     */
    public ListenerLagMetrics(MeterRegistry registry, Supplier<List<MessageListenerContainer>> containers,
            Duration interval) {
        this.containers = containers;
        this.gauge = registry == null ? null : MultiGauge.builder(LAG)
                .description("Messages stored and not consumed yet, per listener and queue").baseUnit("messages")
                .register(registry);
        this.scheduler = registry == null ? null : Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mq-listener-lag");
            thread.setDaemon(true);
            return thread;
        });
        if (scheduler != null) {
            scheduler.scheduleWithFixedDelay(this::refreshQuietly, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Asks the brokers now and replaces the gauge's rows. */
    public void refresh() {
        if (gauge == null) {
            return;
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (MessageListenerContainer container : containers.get()) {
            PushConsumer consumer = container.consumer();
            if (consumer == null) {
                continue;
            }
            for (QueueLag lag : consumer.lag()) {
                rows.add(MultiGauge.Row.of(Tags.of("listener", container.endpoint().id(), "group",
                        container.endpoint().group(), "topic", lag.queue().topic(), "broker",
                        lag.queue().brokerName(), "queue", Integer.toString(lag.queue().queueId())), lag.lag()));
            }
        }
        gauge.register(rows, true);
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.debug("Listener lag refresh failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
