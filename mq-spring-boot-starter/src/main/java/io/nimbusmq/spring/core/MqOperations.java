package io.nimbusmq.spring.core;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.messaging.core.MessageSendingOperations;

import io.nimbusmq.client.MqClientException;
import io.nimbusmq.client.SendResult;
import io.nimbusmq.client.producer.TransactionSendResult;

/**
 * The operations of {@link MqTemplate}: sending to Nimbus MQ (or Apache RocketMQ) from a Spring application.
 *
 * <h2>Destinations</h2>
 * A destination is {@code "topic"} or {@code "topic:tag"}; the tag is what {@code TAG} selectors filter on.
 *
 * <h2>Payloads</h2>
 * A payload is converted by the template's spring-messaging converter: {@code String} as UTF-8 text, {@code byte[]}
 * as is, anything else as JSON written by the application's own {@code JsonMapper} (so its modules, date formats and
 * naming strategy apply, and listeners read {@code List<OrderDto>} back). A payload may also be a Spring
 * {@link org.springframework.messaging.Message}: its headers become message properties (see
 * {@link io.nimbusmq.spring.support.MqHeaders}); a raw {@link io.nimbusmq.client.Message} is sent with its body and
 * properties unchanged.
 *
 * <h2>Send modes</h2>
 * <ul>
 * <li>{@code syncSend}: waits for the broker's answer and returns it; failures throw {@link MqClientException}
 * after the producer's retries.</li>
 * <li>{@code asyncSend}: returns at once; the future completes with the answer or the failure.</li>
 * <li>{@code sendOneWay}: fire and forget, no answer, no retry.</li>
 * <li>{@link SendOptions} adds an orderly hash key, a delay (level, duration or instant), keys and headers to any of
 * them; {@code syncSendOrderly} and {@code syncSendDelayed} are shorthands.</li>
 * <li>{@code syncSendBatch}: several messages of one topic in one request, stored contiguously in one queue.</li>
 * <li>{@code sendInTransaction}: a half message, then the local transaction of the
 * {@link MqTransactionListener} bound to the topic decides to commit or roll back.</li>
 * <li>{@code sendAndReceive}: request-reply; a listener's return value comes back, converted to the asked type.</li>
 * </ul>
 * The inherited {@link MessageSendingOperations} methods ({@code convertAndSend}, {@code send}) are synchronous sends.
 */
public interface MqOperations extends MessageSendingOperations<String> {

    /** Sends and waits for the broker's answer. */
    SendResult syncSend(String destination, Object payload);

    SendResult syncSend(String destination, Object payload, SendOptions options);

    /** Orderly: every message with the same {@code hashKey} goes to the same queue and is consumed in order. */
    SendResult syncSendOrderly(String destination, Object payload, String hashKey);

    /** Delivered to consumers after {@code delay} (a timer message). */
    SendResult syncSendDelayed(String destination, Object payload, Duration delay);

    /** Sends without waiting; the future completes with the broker's answer or fails with {@link MqClientException}. */
    CompletableFuture<SendResult> asyncSend(String destination, Object payload);

    CompletableFuture<SendResult> asyncSend(String destination, Object payload, SendOptions options);

    CompletableFuture<SendResult> asyncSendOrderly(String destination, Object payload, String hashKey);

    CompletableFuture<SendResult> asyncSendDelayed(String destination, Object payload, Duration delay);

    /** Fire and forget: no answer and no retry; errors are only logged. */
    void sendOneWay(String destination, Object payload);

    void sendOneWay(String destination, Object payload, SendOptions options);

    /**
     * Sends several payloads (each may be a {@code Message<?>}) to one topic in one request. They are stored one after
     * the other in one queue. Delays are not allowed in a batch.
     */
    SendResult syncSendBatch(String destination, Collection<?> payloads);

    CompletableFuture<SendResult> asyncSendBatch(String destination, Collection<?> payloads);

    /**
     * Sends a half message, invisible to consumers, then runs
     * {@link MqTransactionListener#executeLocalTransaction} of the listener bound to the destination's topic (or the
     * only listener bound to no topic) with {@code argument}. Its answer commits or rolls back the message; UNKNOW
     * leaves it to the broker's check-back ({@link MqTransactionListener#checkLocalTransaction}).
     *
     * @throws IllegalStateException when no transaction listener is bound to the topic
     */
    TransactionSendResult sendInTransaction(String destination, Object payload, Object argument);

    /**
     * Request-reply: sends {@code payload} and waits for the reply of the listener that consumed it (a
     * {@code @MessageListener} method or {@link MqReplyListener} that returns a value), converted to
     * {@code replyType}.
     *
     * @throws MqClientException when no reply arrives within the reply timeout
     */
    <T> T sendAndReceive(String destination, Object payload, Class<T> replyType);

    /** Request-reply to a generic type, e.g. {@code new ParameterizedTypeReference<List<OrderDto>>() {}}. */
    <T> T sendAndReceive(String destination, Object payload, ParameterizedTypeReference<T> replyType);

    /** Request-reply without blocking; {@code options} may set a hash key (orderly request) and the reply timeout. */
    <T> CompletableFuture<T> sendAndReceiveAsync(String destination, Object payload, Class<T> replyType,
            SendOptions options);

    <T> CompletableFuture<T> sendAndReceiveAsync(String destination, Object payload,
            ParameterizedTypeReference<T> replyType, SendOptions options);

    /**
     * Pull on demand, as rocketmq-spring's {@code receive}: the messages of the {@code mq.pull-consumer.topic} and
     * group that arrived within {@code timeout} (empty when none did), converted to {@code type} as listener payloads
     * are ({@code byte[]}, {@code String}, {@link io.nimbusmq.client.ReceivedMessage}, JSON). What one call returned is
     * committed by the next call (at least once).
     *
     * @throws IllegalStateException when no {@code mq.pull-consumer.topic} and {@code group} are configured
     */
    <T> List<T> receive(Class<T> type, Duration timeout);

    /** {@link #receive(Class, Duration)} with {@code mq.pull-consumer.poll-timeout}. */
    <T> List<T> receive(Class<T> type);

    /** {@link #receive(Class, Duration)} to a generic type. */
    <T> List<T> receive(ParameterizedTypeReference<T> type, Duration timeout);
}
