package io.nimbusmq.spring.core;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.consumer.PullConsumer;
import io.nimbusmq.spring.support.MqMessageConverter;
import io.nimbusmq.spring.support.TypeHint;

/**
 * What {@link MqTemplate#receive} reads: a lite-pull consumer (auto commit: what one receive returned is committed by
 * the next, and when the template closes) made and started on the first receive, converted as listener payloads
 * are. One thread at a time receives; closed with the template.
 */
public final class MqReceiver implements AutoCloseable {

    private final Supplier<PullConsumer> consumerFactory;
    private final MqMessageConverter converter;
    private final Duration defaultTimeout;
    private PullConsumer consumer;
    private boolean closed;

    /** @param consumerFactory makes the pull consumer (not started) on the first receive */
    public MqReceiver(Supplier<PullConsumer> consumerFactory, MqMessageConverter converter, Duration defaultTimeout) {
        this.consumerFactory = consumerFactory;
        this.converter = converter;
        this.defaultTimeout = defaultTimeout;
    }

    public Duration defaultTimeout() {
        return defaultTimeout;
    }

    /** The messages that arrived within {@code timeout} (after the first, whatever waits too), as {@code type}. */
    @SuppressWarnings("unchecked")
    public synchronized <T> List<T> receive(Type type, Duration timeout) {
        List<ReceivedMessage> messages = consumer().poll(timeout);
        TypeHint hint = TypeHint.of(type);
        return messages.stream().map(message -> (T) converter.fromReceived(message, hint)).toList();
    }

    private PullConsumer consumer() {
        if (closed) {
            throw new IllegalStateException("the template's receiver is closed");
        }
        if (consumer == null) {
            consumer = consumerFactory.get();
            consumer.start();
        }
        return consumer;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (consumer != null) {
            consumer.close();
            consumer = null;
        }
    }
}
