package io.nimbusmq.spring.listener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.messaging.support.MessageBuilder;

import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.consumer.ConsumeResult;
import io.nimbusmq.client.consumer.ConsumeStatus;
import io.nimbusmq.client.consumer.MessageHandler;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.spring.metrics.MqMetrics;
import io.nimbusmq.spring.metrics.MqObservations;
import io.nimbusmq.spring.support.MqMessageConverter;

/**
 * The push consumer's handler for one endpoint: runs the {@link ListenerInterceptors} around each call, turns received
 * messages into Spring messages, invokes the listener method (arguments resolved by spring-messaging resolvers), waits
 * for a deferred {@link Acknowledgement} when the method takes one (without holding a consume thread, see
 * {@link #consumeAsync}), and sends its return value back when the message
 * is a request. A failure goes to the listener's {@link MqListenerErrorHandler}, if it has one, then to
 * {@link ListenerFailures}: retry, or dead-letter at once when it is not retryable. A batch listener's
 * {@link BatchListenerFailedException} fails only the message it names ({@link ConsumeResult}).
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
    private final ListenerInterceptors interceptors;
    private final ListenerActivity activity;
    private final boolean deferred;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final MqObservations observations;

    /** @param errorHandler the listener's error handler, or null */
    ListenerInvoker(MessageListenerEndpoint endpoint, InvocableHandlerMethod method, MqMessageConverter converter,
            Supplier<Producer> replyProducer, MqMetrics metrics, MqObservations observations,
            MqListenerErrorHandler errorHandler, ListenerFailures failures, ListenerInterceptors interceptors,
            ListenerActivity activity) {
        this.endpoint = endpoint;
        this.method = method;
        this.converter = converter;
        this.replyProducer = replyProducer;
        this.metrics = metrics;
        this.observations = observations;
        this.errorHandler = errorHandler;
        this.failures = failures;
        this.interceptors = interceptors;
        this.activity = activity;
        this.deferred = List.of(endpoint.method().getParameterTypes()).contains(Acknowledgement.class);
        if (deferred && endpoint.batch()) {
            throw new IllegalStateException("listener " + endpoint.id() + " is a batch listener with an "
                    + "Acknowledgement parameter: batch listeners cannot defer completion");
        }
        metrics.bindInFlight(endpoint.id(), endpoint.group(), inFlight::get);
    }

    @Override
    public ConsumeStatus handle(List<ReceivedMessage> messages) {
        return consume(messages).status();
    }

    @Override
    public ConsumeResult consume(List<ReceivedMessage> messages) {
        if (messages.isEmpty()) {
            return ConsumeResult.of(ConsumeStatus.SUCCESS);
        }
        metrics.received(messages.get(0).topic(), endpoint.group(), messages.size());
        if (endpoint.batch()) {
            return verdictOf(call(messages, null), messages);
        }
        for (int i = 0; i < messages.size(); i++) {
            ReceivedMessage received = messages.get(i);
            ConsumeStatus status = observations.receive(endpoint.id(), endpoint.group(), received,
                    () -> verdictOf(call(List.of(received), received), List.of(received)).status());
            if (status != ConsumeStatus.SUCCESS) {
                return new ConsumeResult(status, i);
            }
        }
        return ConsumeResult.of(ConsumeStatus.SUCCESS);
    }

    /**
     * A listener with an {@link Acknowledgement} parameter answers when it acknowledges (or when its consume timeout
     * passes): its consume thread is free meanwhile. The listener's observation covers the method call; interceptors'
     * {@code after}, the reply and the failure policy run on the thread that acknowledges. Every other listener
     * answers at once, as {@link #consume}.
     */
    @Override
    public CompletionStage<ConsumeResult> consumeAsync(List<ReceivedMessage> messages) {
        if (!deferred || messages.size() != 1) {
            return CompletableFuture.completedFuture(consume(messages));
        }
        ReceivedMessage received = messages.get(0);
        metrics.received(received.topic(), endpoint.group(), 1);
        return observations.receive(endpoint.id(), endpoint.group(), received, () -> call(messages, received));
    }

    /** The verdict of a call, waiting for a deferred acknowledgement; RETRY when interrupted by shutdown. */
    private ConsumeResult verdictOf(CompletableFuture<ConsumeResult> call, List<ReceivedMessage> messages) {
        try {
            return call.get();
        } catch (InterruptedException e) {
            return interrupted(messages);
        } catch (ExecutionException e) {
            log.warn("Listener {} failed on {} message(s) of {}", endpoint.id(), messages.size(),
                    messages.get(0).topic(), e.getCause());
            return ConsumeResult.of(ConsumeStatus.RETRY);
        }
    }

    private ConsumeResult interrupted(List<ReceivedMessage> messages) {
        Thread.currentThread().interrupt();
        log.info("Listener {} interrupted by shutdown on {} message(s) of {}; they will be redelivered",
                endpoint.id(), messages.size(), messages.get(0).topic());
        return ConsumeResult.of(ConsumeStatus.RETRY);
    }

    /** @param single the message of a non-batch listener (answered with the return value if a request), else null */
    private CompletableFuture<ConsumeResult> call(List<ReceivedMessage> messages, ReceivedMessage single) {
        Object call = activity.callStarted();
        inFlight.addAndGet(messages.size());
        long started = System.nanoTime();
        CompletableFuture<ConsumeResult> verdict;
        try {
            verdict = intercepted(messages, single);
        } catch (RuntimeException | Error e) {
            verdict = CompletableFuture.failedFuture(e);
        }
        return verdict.whenComplete((result, failure) -> {
            activity.callEnded(call);
            inFlight.addAndGet(-messages.size());
            interceptors.afterCompletion(messages, endpoint);
            metrics.processed(endpoint.id(), messages.get(0).topic(), endpoint.group(),
                    Duration.ofNanos(System.nanoTime() - started),
                    result != null && result.status() == ConsumeStatus.SUCCESS);
        });
    }

    private CompletableFuture<ConsumeResult> intercepted(List<ReceivedMessage> messages, ReceivedMessage single) {
        Message<?> message = null;
        try {
            if (!interceptors.before(messages, endpoint)) {
                log.debug("Listener {}: an interceptor skipped {} message(s), first {}", endpoint.id(),
                        messages.size(), messages.get(0).msgId());
                return CompletableFuture.completedFuture(ConsumeResult.of(ConsumeStatus.SUCCESS));
            }
            DeferredAcknowledgement ack = deferred ? new DeferredAcknowledgement() : null;
            message = single != null ? singleMessage(single, ack) : batchMessage(messages);
            Object result = method.invoke(message);
            if (ack == null) {
                return CompletableFuture.completedFuture(succeeded(messages, single, result));
            }
            Duration timeout = endpoint.settings().effectiveConsumeTimeout();
            return ack.verdict(timeout).handle((status, timedOut) -> status == ConsumeStatus.SUCCESS
                    ? succeeded(messages, single, result) : notAcknowledged(messages, status, timeout));
        } catch (InterruptedException e) {
            return CompletableFuture.completedFuture(interrupted(messages));
        } catch (Exception e) {
            interceptors.after(messages, endpoint, e);
            return CompletableFuture.completedFuture(onFailure(messages, message, single, e));
        }
    }

    private ConsumeResult succeeded(List<ReceivedMessage> messages, ReceivedMessage single, Object result) {
        if (single != null) {
            reply(single, result);
        }
        interceptors.after(messages, endpoint, null);
        return ConsumeResult.of(ConsumeStatus.SUCCESS);
    }

    /** A deferred acknowledgement's nack, dead letter or timeout ({@code status} null): a failure. */
    private ConsumeResult notAcknowledged(List<ReceivedMessage> messages, ConsumeStatus status, Duration timeout) {
        Exception failure = status == null
                ? new IllegalStateException("not acknowledged within the consume timeout " + timeout)
                : status == ConsumeStatus.DEAD_LETTER
                        ? new DeadLetterNowException("dead-lettered through its Acknowledgement")
                        : new IllegalStateException("negatively acknowledged");
        interceptors.after(messages, endpoint, failure);
        return ConsumeResult.of(failures.onFailure(messages, failure));
    }

    private ConsumeResult onFailure(List<ReceivedMessage> messages, Message<?> message, ReceivedMessage request,
            Exception failure) {
        Throwable handled = failure;
        if (errorHandler != null && message != null) {
            ListenerExecutionFailedException wrapped = new ListenerExecutionFailedException(endpoint.id(), message,
                    failure);
            try {
                Object result = errorHandler.handleError(message, wrapped);
                if (request != null) {
                    reply(request, result);
                }
                return ConsumeResult.of(ConsumeStatus.SUCCESS);
            } catch (Exception e) {
                handled = e == wrapped ? failure : e;
            }
        }
        BatchListenerFailedException named = endpoint.batch() ? findNamedFailure(handled) : null;
        int index = named == null ? -1 : failedIndex(named, messages);
        if (index < 0) {
            return ConsumeResult.of(failures.onFailure(messages, handled));
        }
        Throwable cause = named.getCause() != null ? named.getCause() : named;
        return new ConsumeResult(failures.onFailure(List.of(messages.get(index)), cause), index);
    }

    private static BatchListenerFailedException findNamedFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BatchListenerFailedException named) {
                return named;
            }
        }
        return null;
    }

    /** The named message's index, or -1 (with a warning) when it is not in the batch. */
    private int failedIndex(BatchListenerFailedException named, List<ReceivedMessage> messages) {
        int index = named.getIndex();
        if (named.getFailedMessage() != null) {
            index = -1;
            for (int i = 0; i < messages.size(); i++) {
                ReceivedMessage candidate = messages.get(i);
                if (candidate.queueOffset() == named.getFailedMessage().queueOffset()
                        && candidate.msgId().equals(named.getFailedMessage().msgId())) {
                    index = i;
                }
            }
        }
        if (index < 0 || index >= messages.size()) {
            log.warn("Listener {} named a failed message that is not in its batch of {} (index {}); the whole "
                    + "batch is retried", endpoint.id(), messages.size(), index);
            return -1;
        }
        return index;
    }

    private Message<byte[]> singleMessage(ReceivedMessage received, DeferredAcknowledgement ack) {
        Message<byte[]> message = converter.toMessage(received);
        if (ack == null) {
            return message;
        }
        return MessageBuilder.fromMessage(message).setHeader(AcknowledgementArgumentResolver.HEADER, ack).build();
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
