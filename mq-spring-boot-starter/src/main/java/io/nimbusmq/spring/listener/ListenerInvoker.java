package io.nimbusmq.spring.listener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.messaging.support.MessageBuilder;

import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.consumer.ConsumeStatus;
import io.nimbusmq.client.consumer.MessageHandler;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.spring.metrics.MqMetrics;
import io.nimbusmq.spring.metrics.MqObservations;
import io.nimbusmq.spring.support.MqMessageConverter;

/**
 * The push consumer's handler for one endpoint: turns received messages into Spring messages, invokes the listener
 * method (arguments resolved by spring-messaging resolvers), sends its return value back when the message is a
 * request. A failure goes to the listener's {@link MqListenerErrorHandler}, if it has one, then to
 * {@link ListenerFailures}: retry, or dead-letter at once when it is not retryable.
 */
public final class ListenerInvoker implements MessageHandler {

    private static final Logger log = LoggerFactory.getLogger(ListenerInvoker.class);

    private final MessageListenerEndpoint endpoint;
    private final InvocableHandlerMethod method;
    private final MqMessageConverter converter;
    private final Supplier<Producer> replyProducer;
    private final MqMetrics metrics;
    private final MqListenerErrorHandler errorHandler;
    private final ListenerFailures failures;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final MqObservations observations;

    /** @param errorHandler the listener's error handler, or null */
    ListenerInvoker(MessageListenerEndpoint endpoint, InvocableHandlerMethod method, MqMessageConverter converter,
            Supplier<Producer> replyProducer, MqMetrics metrics, MqObservations observations,
            MqListenerErrorHandler errorHandler, ListenerFailures failures) {
        this.endpoint = endpoint;
        this.method = method;
        this.converter = converter;
        this.replyProducer = replyProducer;
        this.metrics = metrics;
        this.observations = observations;
        this.errorHandler = errorHandler;
        this.failures = failures;
        metrics.bindInFlight(endpoint.id(), endpoint.group(), inFlight::get);
    }

    @Override
    public ConsumeStatus handle(List<ReceivedMessage> messages) {
        if (messages.isEmpty()) {
            return ConsumeStatus.SUCCESS;
        }
        String topic = messages.get(0).topic();
        metrics.received(topic, endpoint.group(), messages.size());
        if (endpoint.batch()) {
            return invoke(messages, batchMessage(messages), null);
        }
        for (ReceivedMessage received : messages) {
            ConsumeStatus status = observations.receive(endpoint.id(), endpoint.group(), received,
                    () -> invoke(List.of(received), converter.toMessage(received), received));
            if (status != ConsumeStatus.SUCCESS) {
                return status;
            }
        }
        return ConsumeStatus.SUCCESS;
    }

    /** @param request the message to answer with the listener's return value, null for a batch */
    private ConsumeStatus invoke(List<ReceivedMessage> messages, Message<?> message, ReceivedMessage request) {
        inFlight.addAndGet(messages.size());
        long started = System.nanoTime();
        ConsumeStatus status = ConsumeStatus.RETRY;
        try {
            status = invokeMethod(messages, message, request);
            return status;
        } finally {
            inFlight.addAndGet(-messages.size());
            metrics.processed(endpoint.id(), messages.get(0).topic(), endpoint.group(),
                    Duration.ofNanos(System.nanoTime() - started), status == ConsumeStatus.SUCCESS);
        }
    }

    private ConsumeStatus invokeMethod(List<ReceivedMessage> messages, Message<?> message, ReceivedMessage request) {
        try {
            Object result = method.invoke(message);
            if (request != null) {
                reply(request, result);
            }
            return ConsumeStatus.SUCCESS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("Listener {} interrupted by shutdown on {} message(s) of {}; they will be redelivered",
                    endpoint.id(), messages.size(), messages.get(0).topic());
            return ConsumeStatus.RETRY;
        } catch (Exception e) {
            return onFailure(messages, message, request, e);
        }
    }

    private ConsumeStatus onFailure(List<ReceivedMessage> messages, Message<?> message, ReceivedMessage request,
            Exception failure) {
        Throwable handled = failure;
        if (errorHandler != null) {
            ListenerExecutionFailedException wrapped = new ListenerExecutionFailedException(endpoint.id(), message,
                    failure);
            try {
                Object result = errorHandler.handleError(message, wrapped);
                if (request != null) {
                    reply(request, result);
                }
                return ConsumeStatus.SUCCESS;
            } catch (Exception e) {
                handled = e == wrapped ? failure : e;
            }
        }
        return failures.onFailure(messages, handled);
    }

    private Message<List<Message<byte[]>>> batchMessage(List<ReceivedMessage> messages) {
        List<Message<byte[]>> batch = new ArrayList<>(messages.size());
        messages.forEach(received -> batch.add(converter.toMessage(received)));
        return MessageBuilder.createMessage(batch, new MessageHeaders(Map.of(BatchPayloadArgumentResolver.BATCH_HEADER,
                true)));
    }

    private void reply(ReceivedMessage request, Object result) {
        if (result == null) {
            return;
        }
        // both present on a request sent with MqTemplate.sendAndReceive
        if (request.property(MessageConst.REPLY_TO_CLIENT) == null
                || request.property(MessageConst.CORRELATION_ID) == null) {
            log.debug("Listener {} returned a value for {}, which is not a request; ignored", endpoint.id(),
                    request.msgId());
            return;
        }
        try {
            byte[] body = converter.toBody(result, new MessageHeaders(Map.of()));
            replyProducer.get().sendReply(request, body);
        } catch (RuntimeException e) {
            // The message was consumed; retrying would run the listener again. The requester times out.
            log.warn("Listener {}: the reply to request {} could not be sent", endpoint.id(), request.msgId(), e);
        }
    }
}
