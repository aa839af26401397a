package io.nimbusmq.spring.metrics;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.nimbusmq.client.Message;
import io.nimbusmq.client.ReceivedMessage;

/**
 * Observations of sends and listener calls, so that a trace goes on from the producer to the listener: a send writes
 * the trace context (W3C {@code traceparent}, with Micrometer Tracing's default propagation) into the message's
 * properties before the message leaves, and a listener call continues it from the received properties. The Micrometer
 * implementation ({@link MicrometerMqObservations}) is used when the application has an {@code ObservationRegistry};
 * otherwise the calls just run.
 */
public interface MqObservations {

    MqObservations NONE = new MqObservations() {
        @Override
        public <R> R send(Message message, Supplier<R> send) {
            return send.get();
        }

        @Override
        public <R> CompletableFuture<R> sendAsync(Message message, Supplier<CompletableFuture<R>> send) {
            return send.get();
        }

        @Override
        public <R> R receive(String listenerId, String group, ReceivedMessage message, Supplier<R> handling) {
            return handling.get();
        }
    };

    /** A synchronous send of {@code message}, which may still be given properties (the trace context). */
    <R> R send(Message message, Supplier<R> send);

    /** An asynchronous send; the observation ends when the future completes. */
    <R> CompletableFuture<R> sendAsync(Message message, Supplier<CompletableFuture<R>> send);

    /** A listener's handling of one received message, in the scope of an observation continuing its sender's trace. */
    <R> R receive(String listenerId, String group, ReceivedMessage message, Supplier<R> handling);
}
