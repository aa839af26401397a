package io.nimbusmq.spring.core;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.core.AbstractMessageSendingTemplate;

import io.nimbusmq.client.Message;
import io.nimbusmq.client.MqClientException;
import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.SendResult;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.client.producer.TransactionSendResult;
import io.nimbusmq.message.Namespaces;
import io.nimbusmq.spring.metrics.MqMetrics;
import io.nimbusmq.spring.metrics.MqObservations;
import io.nimbusmq.spring.support.Destination;
import io.nimbusmq.spring.support.MessageHeaderMapper;
import io.nimbusmq.spring.support.MqMessageConverter;
import io.nimbusmq.spring.support.TypeHint;
import io.nimbusmq.spring.transaction.TransactionSender;

/**
 * The {@link MqOperations} implementation over one started {@link Producer}. Thread-safe; one per application is
 * enough. Conversion goes through the spring-messaging converter of {@link MqMessageConverter}, which the
 * {@link #convertAndSend} family of {@link AbstractMessageSendingTemplate} uses too.
 */
public class MqTemplate extends AbstractMessageSendingTemplate<String> implements MqOperations {

    private static final Logger log = LoggerFactory.getLogger(MqTemplate.class);

    private final Producer producer;
    private final MqMessageConverter converter;
    private final TransactionSender transactions;
    private final MqMetrics metrics;
    private final Duration replyTimeout;
    private MqObservations observations = MqObservations.NONE;
    private MqReceiver receiver;
    private Function<String, Producer> namespaceProducers;
    private final Map<String, MqTemplate> namespaced = new ConcurrentHashMap<>();

    public MqTemplate(Producer producer, MqMessageConverter converter, TransactionSender transactions,
            MqMetrics metrics, Duration replyTimeout) {
        this.producer = producer;
        this.converter = converter;
        this.transactions = transactions;
        this.metrics = metrics;
        this.replyTimeout = replyTimeout;
        setMessageConverter(converter.messageConverter());
    }

    public Producer producer() {
        return producer;
    }

    /** What {@link #receive} reads ({@code mq.pull-consumer.*}); none by default. */
    public void setReceiver(MqReceiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public <T> List<T> receive(Class<T> type, Duration timeout) {
        return receiver().receive(type, timeout);
    }

    @Override
    public <T> List<T> receive(Class<T> type) {
        return receiver().receive(type, receiver().defaultTimeout());
    }

    @Override
    public <T> List<T> receive(ParameterizedTypeReference<T> type, Duration timeout) {
        return receiver().receive(type.getType(), timeout);
    }

    private MqReceiver receiver() {
        if (receiver == null) {
            throw new IllegalStateException("receive(...) needs mq.pull-consumer.topic and mq.pull-consumer.group "
                    + "(the topic and consumer group it reads)");
        }
        return receiver;
    }

    /**
     * Where {@link #withNamespace} finds the producer of a namespace (the auto-configuration sets it: one producer
     * per namespace of this template's connection); none by default.
     */
    public void setNamespaceProducers(Function<String, Producer> namespaceProducers) {
        this.namespaceProducers = namespaceProducers;
    }

    /**
     * A template of the same connection whose topics are in RocketMQ namespace {@code namespace}, as a producer with
     * rocketmq-spring's {@code @ExtRocketMQTemplateConfiguration(namespace)}: {@code withNamespace("tenant-b")
     * .syncSend("orders", o)} sends to {@code tenant-b%orders}; send results, replies and their topics carry the
     * application's names. Made on first use and kept (ask for it as often as needed); this template itself for its
     * connection's own namespace. It sends no transactional messages.
     *
     * @throws IllegalArgumentException for a namespace with other characters than letters, digits, '_' and '-'
     * @throws IllegalStateException    when the template was not made by the auto-configuration
     */
    public MqTemplate withNamespace(String namespace) {
        if (namespace == null || namespace.isEmpty() || !Namespaces.isValid(namespace)) {
            throw new IllegalArgumentException("MqTemplate.withNamespace('" + namespace + "'): a namespace is one or "
                    + "more letters, digits, '_' and '-' (RocketMQ puts it in front of topic names, separated by '%')");
        }
        if (namespaceProducers == null) {
            throw new IllegalStateException("MqTemplate.withNamespace needs the template of the auto-configuration "
                    + "(or setNamespaceProducers)");
        }
        return namespaced.computeIfAbsent(namespace, ns -> {
            Producer other = namespaceProducers.apply(ns);
            if (other == producer) {
                return this;
            }
            TransactionSender none = (message, payload, argument) -> {
                throw new IllegalStateException("MqTemplate.withNamespace(" + ns + ") sends no transactional "
                        + "messages: send them through a template of the namespace's own connection");
            };
            MqTemplate template = new MqTemplate(other, converter, none, metrics, replyTimeout);
            template.setObservations(observations);
            template.setNamespaceProducers(namespaceProducers);
            return template;
        });
    }

    /** Observes sends (the trace context goes into each message's properties); none by default. */
    public void setObservations(MqObservations observations) {
        this.observations = observations;
    }

    // ---- MessageSendingOperations

    @Override
    protected void doSend(String destination, org.springframework.messaging.Message<?> message) {
        syncSend(destination, message, SendOptions.none());
    }

    // ---- sync

    @Override
    public SendResult syncSend(String destination, Object payload) {
        return syncSend(destination, payload, SendOptions.none());
    }

    @Override
    public SendResult syncSend(String destination, Object payload, SendOptions options) {
        Message message = toMessage(destination, payload, options);
        return timed(message.topic(), () -> observations.send(message, () -> options.isOrderly()
                ? producer.sendOrderly(message, options.hashKey())
                : producer.send(message)));
    }

    @Override
    public SendResult syncSendOrderly(String destination, Object payload, String hashKey) {
        return syncSend(destination, payload, SendOptions.orderly(hashKey));
    }

    @Override
    public SendResult syncSendDelayed(String destination, Object payload, Duration delay) {
        return syncSend(destination, payload, SendOptions.delay(delay));
    }

    // ---- async

    @Override
    public CompletableFuture<SendResult> asyncSend(String destination, Object payload) {
        return asyncSend(destination, payload, SendOptions.none());
    }

    @Override
    public CompletableFuture<SendResult> asyncSend(String destination, Object payload, SendOptions options) {
        Message message = toMessage(destination, payload, options);
        return timedAsync(message.topic(), () -> observations.sendAsync(message, () -> options.isOrderly()
                ? producer.sendOrderlyAsync(message, options.hashKey())
                : producer.sendAsync(message)));
    }

    @Override
    public CompletableFuture<SendResult> asyncSendOrderly(String destination, Object payload, String hashKey) {
        return asyncSend(destination, payload, SendOptions.orderly(hashKey));
    }

    @Override
    public CompletableFuture<SendResult> asyncSendDelayed(String destination, Object payload, Duration delay) {
        return asyncSend(destination, payload, SendOptions.delay(delay));
    }

    // ---- one-way

    @Override
    public void sendOneWay(String destination, Object payload) {
        sendOneWay(destination, payload, SendOptions.none());
    }

    @Override
    public void sendOneWay(String destination, Object payload, SendOptions options) {
        Message message = toMessage(destination, payload, options);
        timed(message.topic(), () -> observations.send(message, () -> {
            if (options.isOrderly()) {
                producer.sendOnewayOrderly(message, options.hashKey());
            } else {
                producer.sendOneway(message);
            }
            return null;
        }));
    }

    // ---- batch

    @Override
    public SendResult syncSendBatch(String destination, Collection<?> payloads) {
        List<Message> messages = toMessages(destination, payloads);
        return timed(messages.get(0).topic(), () -> producer.sendBatch(messages));
    }

    @Override
    public CompletableFuture<SendResult> asyncSendBatch(String destination, Collection<?> payloads) {
        List<Message> messages = toMessages(destination, payloads);
        return timedAsync(messages.get(0).topic(), () -> producer.sendBatchAsync(messages));
    }

    // ---- transactions

    @Override
    public TransactionSendResult sendInTransaction(String destination, Object payload, Object argument) {
        Message message = toMessage(destination, payload, SendOptions.none());
        return timed(message.topic(), () -> observations.send(message,
                () -> transactions.send(message, payload, argument)));
    }

    // ---- request-reply

    @Override
    public <T> T sendAndReceive(String destination, Object payload, Class<T> replyType) {
        return join(sendAndReceiveAsync(destination, payload, replyType, SendOptions.none()));
    }

    @Override
    public <T> T sendAndReceive(String destination, Object payload, ParameterizedTypeReference<T> replyType) {
        return join(sendAndReceiveAsync(destination, payload, replyType, SendOptions.none()));
    }

    @Override
    public <T> CompletableFuture<T> sendAndReceiveAsync(String destination, Object payload, Class<T> replyType,
            SendOptions options) {
        return request(destination, payload, replyType, options);
    }

    @Override
    public <T> CompletableFuture<T> sendAndReceiveAsync(String destination, Object payload,
            ParameterizedTypeReference<T> replyType, SendOptions options) {
        return request(destination, payload, replyType.getType(), options);
    }

    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<T> request(String destination, Object payload, Type replyType, SendOptions options) {
        Message message = toMessage(destination, payload, options);
        Duration timeout = options.replyTimeout() != null ? options.replyTimeout() : replyTimeout;
        CompletableFuture<ReceivedMessage> reply = timedAsync(message.topic(), () -> observations.sendAsync(message,
                () -> options.isOrderly()
                        ? producer.requestOrderly(message, options.hashKey(), timeout)
                        : producer.request(message, timeout)));
        TypeHint hint = TypeHint.of(replyType);
        return reply.thenApply(received -> (T) converter.fromReceived(received, hint));
    }

    // ---- conversion

    /**
     * The client message for {@code payload} with {@code options}: a Spring {@code Message<?>} brings its headers, a
     * client {@link Message} its body and properties as they are.
     */
    protected Message toMessage(String destination, Object payload, SendOptions options) {
        Destination target = Destination.parse(destination);
        Map<String, Object> headers = new HashMap<>(options.headers());
        Object body = payload;
        if (payload instanceof Message raw) {
            headers.putAll(raw.properties());
            body = raw.body();
        } else if (payload instanceof org.springframework.messaging.Message<?> springMessage) {
            headers.putAll(springMessage.getHeaders());
            body = springMessage.getPayload();
        }
        if (body == null) {
            throw new IllegalArgumentException("payload must not be null");
        }
        Message message = new Message(target.topic(), converter.toBody(body, new MessageHeaders(headers)));
        MessageHeaderMapper.toProperties(headers, message);
        if (target.tag() != null) {
            message.tags(target.tag());
        }
        if (!options.keys().isEmpty()) {
            message.keys(options.keys());
        }
        if (options.delayLevel() > 0) {
            message.delayLevel(options.delayLevel());
        } else if (options.delay() != null) {
            message.delayMillis(options.delay().toMillis());
        } else if (options.deliverAt() != null) {
            message.deliverAtMillis(options.deliverAt().toEpochMilli());
        }
        return message;
    }

    private List<Message> toMessages(String destination, Collection<?> payloads) {
        if (payloads == null || payloads.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one payload");
        }
        List<Message> messages = new ArrayList<>(payloads.size());
        for (Object payload : payloads) {
            messages.add(toMessage(destination, payload, SendOptions.none()));
        }
        return messages;
    }

    // ---- metrics

    private <R> R timed(String topic, Supplier<R> send) {
        long start = System.nanoTime();
        try {
            R result = send.get();
            metrics.sent(topic, Duration.ofNanos(System.nanoTime() - start));
            return result;
        } catch (RuntimeException e) {
            metrics.sendFailed(topic, Duration.ofNanos(System.nanoTime() - start));
            log.debug("send to {} failed: {}", topic, e.toString());
            throw e;
        }
    }

    private <R> CompletableFuture<R> timedAsync(String topic, Supplier<CompletableFuture<R>> send) {
        long start = System.nanoTime();
        CompletableFuture<R> future;
        try {
            future = send.get();
        } catch (RuntimeException e) {
            metrics.sendFailed(topic, Duration.ofNanos(System.nanoTime() - start));
            return CompletableFuture.failedFuture(e);
        }
        return future.whenComplete((result, failure) -> {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (failure == null) {
                metrics.sent(topic, took);
            } else {
                metrics.sendFailed(topic, took);
            }
        });
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MqClientException("interrupted while waiting for a reply", e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    private static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof RuntimeException runtime ? runtime : new MqClientException("request failed", cause);
    }
}
