package io.nimbusmq.spring.metrics;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import io.nimbusmq.client.Message;
import io.nimbusmq.client.ReceivedMessage;

/**
 * {@link MqObservations} with Micrometer's Observation API: {@value #SEND} (a {@link SenderContext} whose carrier is
 * the outgoing message: propagators write the trace context into its properties) and {@value #RECEIVE} (a
 * {@link ReceiverContext} reading them back), low-cardinality keys {@code messaging.system},
 * {@code messaging.destination.name} and, for listeners, {@code messaging.consumer.group.name} and
 * {@code nimbus.mq.listener}.
 */
public final class MicrometerMqObservations implements MqObservations {

    public static final String SEND = "nimbus.mq.send";
    public static final String RECEIVE = "nimbus.mq.listener";

    private final ObservationRegistry registry;

    public MicrometerMqObservations(ObservationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public <R> R send(Message message, Supplier<R> send) {
        return sending(message).observe(send);
    }

    @Override
    public <R> CompletableFuture<R> sendAsync(Message message, Supplier<CompletableFuture<R>> send) {
        Observation observation = sending(message).start();
        CompletableFuture<R> future;
        try (Observation.Scope ignored = observation.openScope()) {
            future = send.get();
        } catch (RuntimeException e) {
            observation.error(e).stop();
            throw e;
        }
        return future.whenComplete((result, failure) -> {
            if (failure != null) {
                observation.error(failure);
            }
            observation.stop();
        });
    }

    @Override
    public <R> R receive(String listenerId, String group, ReceivedMessage message, Supplier<R> handling) {
        ReceiverContext<ReceivedMessage> context = new ReceiverContext<>(ReceivedMessage::property);
        context.setCarrier(message);
        context.setRemoteServiceName("nimbus-mq");
        return Observation.createNotStarted(RECEIVE, () -> context, registry)
                .contextualName(message.topic() + " receive")
                .lowCardinalityKeyValue("messaging.system", "rocketmq")
                .lowCardinalityKeyValue("messaging.destination.name", message.topic())
                .lowCardinalityKeyValue("messaging.consumer.group.name", group)
                .lowCardinalityKeyValue("nimbus.mq.listener", listenerId)
                .highCardinalityKeyValue("messaging.message.id", message.msgId())
                .observe(handling);
    }

    private Observation sending(Message message) {
        SenderContext<Message> context = new SenderContext<>((carrier, key, value) -> carrier.property(key, value));
        context.setCarrier(message);
        context.setRemoteServiceName("nimbus-mq");
        return Observation.createNotStarted(SEND, () -> context, registry)
                .contextualName(message.topic() + " send")
                .lowCardinalityKeyValue("messaging.system", "rocketmq")
                .lowCardinalityKeyValue("messaging.destination.name", message.topic());
    }
}
