package io.nimbusmq.spring.listener;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nimbusmq.client.MqClient;
import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.MessageHandler;
import io.nimbusmq.client.consumer.PushConsumer;

/**
 * Runs one endpoint: a push consumer of its group, created at start and shut down (drained) at stop. Its endpoint
 * carries the listener's complete settings (its container factory's defaults included).
 */
public final class MessageListenerContainer {

    private static final Logger log = LoggerFactory.getLogger(MessageListenerContainer.class);

    private final MessageListenerEndpoint endpoint;
    private final ConsumerConfig config;
    private final MqClient client;
    private final MessageHandler handler;
    private final ListenerActivity activity;
    private PushConsumer consumer;

    MessageListenerContainer(MessageListenerEndpoint endpoint, ConsumerConfig config, MqClient client,
            MessageHandler handler, ListenerActivity activity) {
        this.endpoint = endpoint;
        this.config = config;
        this.client = client;
        this.handler = handler;
        this.activity = activity;
    }

    ListenerActivity activity() {
        return activity;
    }

    public MessageListenerEndpoint endpoint() {
        return endpoint;
    }

    /** The client it consumes through (its connection, credentials and namespace). */
    public MqClient client() {
        return client;
    }

    public ConsumerConfig config() {
        return config;
    }

    public synchronized void start() {
        if (consumer == null) {
            consumer = client.pushConsumer(config, handler);
            if (endpoint.bean() instanceof MqConsumerSeekAware seekAware) {
                consumer.setAssignmentListener(seekAware);
            }
        }
        consumer.start();
        activity.reset();
        log.info("Listener {} consuming {} as group {} ({}, {} threads)", endpoint.id(),
                endpoint.describeSubscription(), config.group(), config.consumeMode(), config.consumeThreads());
    }

    public synchronized boolean isRunning() {
        return consumer != null && consumer.isRunning();
    }

    /** Stops pulling, keeping the group's queues (no rebalance); in-flight messages finish. */
    public synchronized void pause() {
        if (consumer != null) {
            consumer.pause();
        }
    }

    public synchronized void resume() {
        if (consumer != null) {
            consumer.resume();
        }
    }

    public synchronized boolean isPaused() {
        return consumer != null && consumer.isPaused();
    }

    /** The consumer while the container runs, else null (for lag and health). */
    public synchronized PushConsumer consumer() {
        return consumer;
    }

    /** Stops pulling, waits up to {@code drainTimeout} for in-flight messages, commits offsets. */
    public boolean stop(Duration drainTimeout) {
        PushConsumer current;
        synchronized (this) {
            current = consumer;
            consumer = null;
        }
        if (current == null) {
            return true;
        }
        boolean drained = current.shutdown(drainTimeout);
        if (drained) {
            log.info("Listener {} stopped; in-flight messages finished and offsets committed", endpoint.id());
        } else {
            log.warn("Listener {} stopped before its in-flight messages finished within {}; they will be redelivered",
                    endpoint.id(), drainTimeout);
        }
        return drained;
    }
}
