package io.nimbusmq.client.producer;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

import io.nimbusmq.client.Message;
import io.nimbusmq.client.MqClientException;
import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.SendResult;

/**
 * Sends messages. Queues are chosen round-robin, avoiding brokers that recently failed; retryable errors are
 * retried ({@link ProducerConfig#retryTimesWhenSendFailed()}) on another queue. Thread-safe.
 *
 * <p>Failures surface as {@link MqClientException}: thrown by the sync methods, completing the futures of the async
 * ones, logged and dropped by {@link #sendOneway(Message)}.
 */
public interface Producer extends AutoCloseable {

    /** Fetches routes and registers the group with the brokers (heartbeat); idempotent. */
    void start();

    ProducerConfig config();

    /**
     * Looks the routes of {@code topics} up now, so that their first sends do not spend their send timeout on it
     * (the starter calls it at start-up for the topics the application declares). Topics without a route are left
     * for their first send; name servers that do not answer are logged, not thrown.
     */
    void lookUpRoutes(Collection<String> topics);

    SendResult send(Message message);

    CompletableFuture<SendResult> sendAsync(Message message);

    /** Fire and forget: no answer, no retry. */
    void sendOneway(Message message);

    /** Sends to the queue chosen by {@code hashKey} (same key, same queue: per-key order). */
    SendResult sendOrderly(Message message, String hashKey);

    CompletableFuture<SendResult> sendOrderlyAsync(Message message, String hashKey);

    void sendOnewayOrderly(Message message, String hashKey);

    /** One request for messages of one topic, stored contiguously in one queue. */
    SendResult sendBatch(Collection<Message> messages);

    CompletableFuture<SendResult> sendBatchAsync(Collection<Message> messages);

    /**
     * Sends a half message, runs {@code executor} and ends the transaction with its answer; UNKNOW (or an exception)
     * leaves it to the broker's check-back. Needs a producer made by
     * {@link io.nimbusmq.client.MqClient#transactionalProducer}.
     */
    TransactionSendResult sendInTransaction(Message message, LocalTransactionExecutor executor, Object argument);

    /**
     * Request-reply: sends {@code message} and completes with the consumer's reply, or exceptionally with an
     * {@link MqClientException} after {@code timeout}.
     */
    CompletableFuture<ReceivedMessage> request(Message message, Duration timeout);

    /** Same as {@link #request} but to the queue chosen by {@code hashKey}. */
    CompletableFuture<ReceivedMessage> requestOrderly(Message message, String hashKey, Duration timeout);

    /**
     * Answers a request received by a consumer: sends {@code replyBody} to the requester (reply topic
     * {@code <cluster>_REPLY_TOPIC}, CORRELATION_ID and REPLY_TO_CLIENT taken from {@code request}, SEND_REPLY_MESSAGE).
     */
    SendResult sendReply(ReceivedMessage request, byte[] replyBody);

    /** Unregisters the group; pending async sends complete first. */
    @Override
    void close();
}
