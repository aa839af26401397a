package io.nimbusmq.client.internal.producer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.nimbusmq.client.Message;
import io.nimbusmq.client.MqClientException;
import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.SendResult;
import io.nimbusmq.client.SendStatus;
import io.nimbusmq.client.internal.ClientServices;
import io.nimbusmq.client.internal.NamespaceNames;
import io.nimbusmq.client.internal.message.OutgoingMessages;
import io.nimbusmq.client.internal.remoting.ClientRemoting;
import io.nimbusmq.client.producer.LocalTransactionExecutor;
import io.nimbusmq.client.producer.LocalTransactionState;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.client.producer.ProducerConfig;
import io.nimbusmq.client.producer.TransactionChecker;
import io.nimbusmq.client.producer.TransactionSendResult;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.message.MessageSysFlag;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our {@link Producer}: turns messages into {@link OutgoingMessage}s (properties, unique ids, compression, batches,
 * transaction and request-reply properties) and hands them to the {@link MessageSender}.
 */
public final class ClientProducer implements Producer {

    private static final Logger log = LoggerFactory.getLogger(ClientProducer.class);

    private final ClientServices services;
    private final NamespaceNames names;
    private final ProducerConfig appConfig;
    private final ProducerConfig config;
    private final TransactionChecker checker;
    private final MessageSender sender;
    private final Runnable onClose;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean closed;

    /** @param config as the application gave it; its group (and every topic sent to) gets the client's namespace */
    public ClientProducer(ClientServices services, ProducerConfig config, TransactionChecker checker,
            Runnable onClose) {
        this.services = services;
        this.names = services.names();
        this.appConfig = config;
        this.config = names.wire(config);
        this.checker = checker;
        this.onClose = onClose;
        this.sender = new MessageSender(services, this.config.group(), config.defaultTopicQueueNums(),
                new LatencyFaultTolerance(config.latencyFaultAvoidance()));
    }

    @Override
    public void start() {
        if (started.compareAndSet(false, true)) {
            services.heartbeatNow().run();
        }
    }

    /** The configuration as the application gave it (no namespace). */
    @Override
    public ProducerConfig config() {
        return appConfig;
    }

    /** The group as brokers know it (in the client's namespace). */
    public String wireGroup() {
        return config.group();
    }

    @Override
    public void lookUpRoutes(Collection<String> topics) {
        services.routes().lookUpAhead(topics.stream().map(names::wrap).toList());
    }

    /** The check-back answerer of a transactional producer, else {@code null}. */
    public TransactionChecker checker() {
        return checker;
    }

    @Override
    public SendResult send(Message message) {
        return await(sendAsync(message, sender.roundRobin(), 1 + config.retryTimesWhenSendFailed()));
    }

    @Override
    public CompletableFuture<SendResult> sendAsync(Message message) {
        return sendAsync(message, sender.roundRobin(), 1 + config.retryTimesWhenSendAsyncFailed());
    }

    @Override
    public void sendOneway(Message message) {
        sendOneway(message, sender.roundRobin());
    }

    @Override
    public SendResult sendOrderly(Message message, String hashKey) {
        return await(sendAsync(message, MessageSender.byHashKey(hashKey), 1));
    }

    @Override
    public CompletableFuture<SendResult> sendOrderlyAsync(Message message, String hashKey) {
        return sendAsync(message, MessageSender.byHashKey(hashKey), 1);
    }

    @Override
    public void sendOnewayOrderly(Message message, String hashKey) {
        sendOneway(message, MessageSender.byHashKey(hashKey));
    }

    @Override
    public SendResult sendBatch(Collection<Message> messages) {
        return await(sendBatchAsync(messages, 1 + config.retryTimesWhenSendFailed()));
    }

    @Override
    public CompletableFuture<SendResult> sendBatchAsync(Collection<Message> messages) {
        return sendBatchAsync(messages, 1 + config.retryTimesWhenSendAsyncFailed());
    }

    @Override
    public TransactionSendResult sendInTransaction(Message message, LocalTransactionExecutor executor,
            Object argument) {
        if (checker == null) {
            throw new IllegalStateException("producer " + config.group()
                    + " is not transactional; create it with MqClient.transactionalProducer");
        }
        ensureOpen();
        Map<String, String> properties = OutgoingMessages.wireProperties(message);
        properties.remove(MessageConst.DELAY);
        properties.put(MessageConst.TRAN_MSG, "true");
        properties.put(MessageConst.PGROUP, config.group());
        OutgoingMessage half = outgoing(message.topic(), message, properties,
                MessageSysFlag.TRANSACTION_PREPARED_TYPE, RequestCode.SEND_MESSAGE_V2);
        SendResult sent = await(sender.send(half, sender.roundRobin(), 1 + config.retryTimesWhenSendFailed(),
                config.sendTimeout().toMillis()));
        LocalTransactionState state;
        if (sent.status() != SendStatus.SEND_OK) {
            state = LocalTransactionState.ROLLBACK_MESSAGE;
        } else {
            state = runLocal(executor, message, argument);
        }
        endTransaction(sent, state);
        return new TransactionSendResult(sent, state);
    }

    private LocalTransactionState runLocal(LocalTransactionExecutor executor, Message message, Object argument) {
        try {
            LocalTransactionState state = executor.execute(message, argument);
            return state == null ? LocalTransactionState.UNKNOW : state;
        } catch (RuntimeException e) {
            log.warn("Local transaction of producer {} failed; the broker will check back", config.group(), e);
            return LocalTransactionState.UNKNOW;
        }
    }

    private void endTransaction(SendResult sent, LocalTransactionState state) {
        String address = services.routes().masterAddress(sent.messageQueue().brokerName()).orElse(null);
        if (address == null || sent.offsetMsgId() == null) {
            log.warn("Cannot end transaction {}: no broker address; the broker will check back", sent.msgId());
            return;
        }
        services.remoting().invokeOneway(address, TransactionEnd.request(config.group(), sent.queueOffset(),
                TransactionEnd.commitLogOffset(sent.offsetMsgId()), state, false, sent.msgId(),
                sent.transactionId() != null ? sent.transactionId() : sent.msgId(),
                names.wrap(sent.messageQueue().topic())));
    }

    @Override
    public CompletableFuture<ReceivedMessage> request(Message message, Duration timeout) {
        return request(message, sender.roundRobin(), timeout);
    }

    @Override
    public CompletableFuture<ReceivedMessage> requestOrderly(Message message, String hashKey, Duration timeout) {
        return request(message, MessageSender.byHashKey(hashKey), timeout);
    }

    private CompletableFuture<ReceivedMessage> request(Message message, MessageSender.QueueChoice choice,
            Duration timeout) {
        ensureOpen();
        String correlationId = UUID.randomUUID().toString();
        Map<String, String> properties = OutgoingMessages.wireProperties(message);
        properties.put(MessageConst.CORRELATION_ID, correlationId);
        properties.put(MessageConst.REPLY_TO_CLIENT, services.clientId());
        properties.put(MessageConst.TTL, Long.toString(timeout.toMillis()));
        CompletableFuture<ReceivedMessage> reply = services.replies().register(correlationId);
        services.scheduler().schedule(() -> reply.completeExceptionally(new MqClientException(
                MqClientException.NO_RESPONSE, "no reply to request " + properties.get(MessageConst.UNIQ_KEY)
                + " within " + timeout.toMillis() + " ms")), timeout.toMillis(), TimeUnit.MILLISECONDS);
        OutgoingMessage outgoing = outgoing(message.topic(), message, properties, 0, RequestCode.SEND_MESSAGE_V2);
        sender.send(outgoing, choice, 1 + config.retryTimesWhenSendAsyncFailed(), timeout.toMillis())
                .whenComplete((sent, failure) -> {
                    if (failure != null) {
                        reply.completeExceptionally(ClientRemoting.unwrap(failure));
                    }
                });
        return names.isEmpty() ? reply : reply.thenApply(names::unwrap);
    }

    @Override
    public SendResult sendReply(ReceivedMessage request, byte[] replyBody) {
        ensureOpen();
        String cluster = request.property(MessageConst.CLUSTER);
        String correlationId = request.property(MessageConst.CORRELATION_ID);
        String replyTo = request.property(MessageConst.REPLY_TO_CLIENT);
        if (cluster == null || correlationId == null || replyTo == null) {
            throw new MqClientException(ResponseCode.MESSAGE_ILLEGAL, "message " + request.msgId()
                    + " is not a request: it lacks CLUSTER, CORRELATION_ID or REPLY_TO_CLIENT");
        }
        // in the producer's namespace, ns%<cluster>_REPLY_TOPIC, as the official client's send(createReplyMessage(..))
        Message reply = new Message(SystemTopics.replyTopic(cluster), replyBody);
        Map<String, String> properties = OutgoingMessages.wireProperties(reply);
        properties.put(MessageConst.MSG_TYPE, MessageConst.MSG_TYPE_REPLY);
        properties.put(MessageConst.CORRELATION_ID, correlationId);
        properties.put(MessageConst.REPLY_TO_CLIENT, replyTo);
        String ttl = request.property(MessageConst.TTL);
        if (ttl != null) {
            properties.put(MessageConst.TTL, ttl);
        }
        OutgoingMessage outgoing = outgoing(reply.topic(), reply, properties, 0, RequestCode.SEND_REPLY_MESSAGE_V2);
        return await(sender.send(outgoing, sender.roundRobin(), 1 + config.retryTimesWhenSendFailed(),
                config.sendTimeout().toMillis()));
    }

    /** Sends a message given as wire properties, e.g. a consumer's fallback send to its retry topic. */
    public SendResult sendPrepared(String topic, Message message, Map<String, String> properties,
            int reconsumeTimes, Integer maxReconsumeTimes) {
        OutgoingMessages.Body body = OutgoingMessages.body(message.body(), config.compressThreshold());
        OutgoingMessage outgoing = new OutgoingMessage(names.wrap(topic), body.bytes(), body.sysFlag(),
                message.flag(),
                MessageProperties.encode(properties), properties.get(MessageConst.UNIQ_KEY), false,
                RequestCode.SEND_MESSAGE_V2, reconsumeTimes, maxReconsumeTimes);
        return await(sender.send(outgoing, sender.roundRobin(), 1 + config.retryTimesWhenSendFailed(),
                config.sendTimeout().toMillis()));
    }

    private CompletableFuture<SendResult> sendAsync(Message message, MessageSender.QueueChoice choice, int attempts) {
        try {
            ensureOpen();
            OutgoingMessage outgoing = outgoing(message.topic(), message, OutgoingMessages.wireProperties(message), 0,
                    RequestCode.SEND_MESSAGE_V2);
            return sender.send(outgoing, choice, attempts, config.sendTimeout().toMillis());
        } catch (MqClientException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void sendOneway(Message message, MessageSender.QueueChoice choice) {
        try {
            ensureOpen();
            OutgoingMessage outgoing = outgoing(message.topic(), message, OutgoingMessages.wireProperties(message), 0,
                    RequestCode.SEND_MESSAGE_V2);
            sender.sendOneway(outgoing, choice);
        } catch (MqClientException e) {
            log.warn("Oneway send to {} dropped: {}", message.topic(), e.getMessage());
        }
    }

    private CompletableFuture<SendResult> sendBatchAsync(Collection<Message> messages, int attempts) {
        try {
            ensureOpen();
            return sender.send(batch(messages), sender.roundRobin(), attempts, config.sendTimeout().toMillis());
        } catch (MqClientException | IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private OutgoingMessage batch(Collection<Message> messages) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one message");
        }
        String topic = messages.iterator().next().topic();
        List<Map<String, String>> properties = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Message message : messages) {
            if (!message.topic().equals(topic)) {
                throw new IllegalArgumentException("all messages of a batch must have one topic: " + topic
                        + " and " + message.topic());
            }
            if (message.property(MessageConst.DELAY) != null || SystemTopics.isRetryTopic(topic)) {
                throw new IllegalArgumentException("batches support neither delays nor retry topics");
            }
            Map<String, String> wire = OutgoingMessages.wireProperties(message);
            properties.add(wire);
            ids.add(wire.get(MessageConst.UNIQ_KEY));
        }
        byte[] body = OutgoingMessages.batchBody(messages, properties);
        checkSize(body.length);
        String batchProperties = MessageProperties.encode(Map.of(MessageConst.WAIT, "true"));
        return new OutgoingMessage(names.wrap(topic), body, 0, 0, batchProperties, String.join(",", ids), true,
                RequestCode.SEND_BATCH_MESSAGE, 0, null);
    }

    private OutgoingMessage outgoing(String topic, Message message, Map<String, String> properties, int extraSysFlag,
            int requestCode) {
        checkSize(message.body().length);
        OutgoingMessages.Body body = OutgoingMessages.body(message.body(), config.compressThreshold());
        return new OutgoingMessage(names.wrap(topic), body.bytes(), body.sysFlag() | extraSysFlag, message.flag(),
                MessageProperties.encode(properties), properties.get(MessageConst.UNIQ_KEY), false, requestCode, 0,
                null);
    }

    private void checkSize(int bodyBytes) {
        if (bodyBytes == 0 || bodyBytes > config.maxMessageSize()) {
            throw new MqClientException(ResponseCode.MESSAGE_ILLEGAL, "message body of " + bodyBytes
                    + " bytes: must be 1.." + config.maxMessageSize());
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new MqClientException(MqClientException.NO_RESPONSE, "producer " + config.group() + " is closed");
        }
    }

    private SendResult await(CompletableFuture<SendResult> future) {
        return ClientRemoting.await(future, config.sendTimeout().toMillis() + services.requestTimeoutMillis());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        onClose.run();
    }
}
