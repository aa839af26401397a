package io.nimbusmq.spring.metrics;

import java.time.Duration;
import java.util.function.IntSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Micrometer meters:
 * <ul>
 * <li>{@code mq.send} timer, tags {@code topic} and {@code outcome} ({@code success} / {@code failure});</li>
 * <li>{@code mq.messages.sent} counter, tag {@code topic};</li>
 * <li>{@code mq.messages.received} counter, tags {@code topic} and {@code group};</li>
 * <li>{@code mq.messages.failed} counter, tags {@code topic}, {@code group} (empty for sends) and {@code operation}
 * ({@code send} / {@code consume});</li>
 * <li>{@code mq.listener.process} timer, tags {@code listener}, {@code topic}, {@code group} and {@code outcome};</li>
 * <li>{@code mq.listener.in.flight} gauge, tags {@code listener} and {@code group}: messages being handled now;</li>
 * <li>{@code mq.listener.retries} and {@code mq.listener.dead.letters} counters, tags {@code topic} and
 * {@code group};</li>
 * <li>{@code mq.listener.lag} gauges per listener and queue: see {@link ListenerLagMetrics}.</li>
 * </ul>
 */
public final class MicrometerMqMetrics implements MqMetrics {

    public static final String SEND_TIMER = "mq.send";
    public static final String SENT = "mq.messages.sent";
    public static final String RECEIVED = "mq.messages.received";
    public static final String FAILED = "mq.messages.failed";
    public static final String PROCESS_TIMER = "mq.listener.process";
    public static final String IN_FLIGHT = "mq.listener.in.flight";
    public static final String RETRIES = "mq.listener.retries";
    public static final String DEAD_LETTERS = "mq.listener.dead.letters";

    private final MeterRegistry registry;

    public MicrometerMqMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void sent(String topic, Duration duration) {
        timer(topic, "success").record(duration);
        Counter.builder(SENT).description("Messages sent").tag("topic", topic).register(registry).increment();
    }

    @Override
    public void sendFailed(String topic, Duration duration) {
        timer(topic, "failure").record(duration);
        failed(topic, "", "send", 1);
    }

    @Override
    public void received(String topic, String group, int count) {
        Counter.builder(RECEIVED).description("Messages handed to listeners").tag("topic", topic)
                .tag("group", group).register(registry).increment(count);
    }

    @Override
    public void consumeFailed(String topic, String group, int count) {
        failed(topic, group, "consume", count);
    }

    @Override
    public void retried(String topic, String group, int count) {
        Counter.builder(RETRIES).description("Listener failures that will be retried").tag("topic", topic)
                .tag("group", group).register(registry).increment(count);
    }

    @Override
    public void deadLettered(String topic, String group, int count) {
        Counter.builder(DEAD_LETTERS).description("Messages listeners gave up on (sent to the dead-letter topic)")
                .tag("topic", topic).tag("group", group).register(registry).increment(count);
    }

    @Override
    public void processed(String listenerId, String topic, String group, Duration duration, boolean success) {
        Timer.builder(PROCESS_TIMER).description("Listener processing time, per message or batch")
                .tag("listener", listenerId).tag("topic", topic).tag("group", group)
                .tag("outcome", success ? "success" : "failure").register(registry).record(duration);
    }

    @Override
    public void bindInFlight(String listenerId, String group, IntSupplier inFlight) {
        Gauge.builder(IN_FLIGHT, inFlight::getAsInt).description("Messages a listener is handling now")
                .tag("listener", listenerId).tag("group", group).strongReference(true).register(registry);
    }

    private void failed(String topic, String group, String operation, int count) {
        Counter.builder(FAILED).description("Failed sends and failed listener invocations").tag("topic", topic)
                .tag("group", group).tag("operation", operation).register(registry).increment(count);
    }

    private Timer timer(String topic, String outcome) {
        return Timer.builder(SEND_TIMER).description("Send duration, until the broker's answer").tag("topic", topic)
                .tag("outcome", outcome).register(registry);
    }
}
