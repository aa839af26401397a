package io.nimbusmq.spring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.nimbusmq.client.ClientConfig;
import io.nimbusmq.client.Connectivity;
import io.nimbusmq.client.Message;
import io.nimbusmq.client.MqClient;
import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.SendResult;
import io.nimbusmq.client.SendStatus;
import io.nimbusmq.client.consumer.ConsumeStatus;
import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.ConsumerGroupMembers;
import io.nimbusmq.client.consumer.MessageHandler;
import io.nimbusmq.client.consumer.PushConsumer;
import io.nimbusmq.client.producer.LocalTransactionExecutor;
import io.nimbusmq.client.producer.LocalTransactionState;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.client.producer.ProducerConfig;
import io.nimbusmq.client.producer.TransactionChecker;
import io.nimbusmq.client.producer.TransactionSendResult;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;

/**
 * An in-memory stand-in for the client, for auto-configuration and unit tests of the Spring layer: records every
 * send and lets the test hand messages to the push consumers' handlers.
 */
public final class FakeMqClient implements MqClient {

    public record Sent(String mode, String producerGroup, Message message, String hashKey) {
    }

    private final ClientConfig config;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Map<String, FakeConsumer> consumers = new ConcurrentHashMap<>();
    private final Map<String, TransactionChecker> checkers = new ConcurrentHashMap<>();
    private final Map<String, byte[]> replies = new ConcurrentHashMap<>();
    private final List<ReplySent> repliesSent = new CopyOnWriteArrayList<>();
    private final AtomicLong offsets = new AtomicLong();
    private final Map<String, ConsumerGroupMembers> groupMembers = new ConcurrentHashMap<>();
    private final List<String> routesLookedUp = new CopyOnWriteArrayList<>();
    private volatile boolean nameServerUp = true;
    private volatile boolean closed;

    public record ReplySent(ReceivedMessage request, byte[] body) {
    }

    public FakeMqClient(ClientConfig config) {
        this.config = config;
    }

    public FakeMqClient() {
        this(ClientConfig.builder().nameServer("127.0.0.1:9876").clientIp("127.0.0.1").build());
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public Map<String, FakeConsumer> consumers() {
        return consumers;
    }

    public TransactionChecker checker(String group) {
        return checkers.get(group);
    }

    public List<ReplySent> repliesSent() {
        return List.copyOf(repliesSent);
    }

    /** The body the next request to {@code topic} is answered with. */
    public void replyTo(String topic, byte[] body) {
        replies.put(topic, body);
    }

    /** What {@link #consumerGroupMembers} answers for {@code members.group()}: other live members. */
    public void groupMembers(ConsumerGroupMembers members) {
        groupMembers.put(members.group(), members);
    }

    @Override
    public java.util.Optional<ConsumerGroupMembers> consumerGroupMembers(String group, String topic) {
        return java.util.Optional.ofNullable(groupMembers.get(group));
    }

    @Override
    public io.nimbusmq.client.DeadLetterResent resendDeadLetter(String group, String msgId) {
        throw new UnsupportedOperationException("not faked");
    }

    public boolean isClosed() {
        return closed;
    }

    public ReceivedMessage received(Message message) {
        return received(message.topic(), message.properties(), message.body(), 0);
    }

    public ReceivedMessage received(String topic, Map<String, String> properties, byte[] body, int reconsumeTimes) {
        long offset = offsets.incrementAndGet();
        return new ReceivedMessage(topic, "broker-a", 0, offset, offset * 100, "MSG" + offset, "OFF" + offset, 0, 0,
                reconsumeTimes, System.currentTimeMillis(), "127.0.0.1:1", System.currentTimeMillis(),
                "127.0.0.1:2", properties, body);
    }

    @Override
    public ClientConfig config() {
        return config;
    }

    @Override
    public String clientId() {
        return config.clientIp() + "@" + config.instanceName();
    }

    @Override
    public Producer producer(ProducerConfig producerConfig) {
        return new FakeProducer(producerConfig);
    }

    @Override
    public Producer transactionalProducer(ProducerConfig producerConfig, TransactionChecker checker) {
        checkers.put(producerConfig.group(), checker);
        return new FakeProducer(producerConfig);
    }

    @Override
    public PushConsumer pushConsumer(ConsumerConfig consumerConfig, MessageHandler handler) {
        FakeConsumer consumer = new FakeConsumer(consumerConfig, handler);
        if (consumers.putIfAbsent(consumerConfig.group(), consumer) != null) {
            throw new IllegalStateException("group " + consumerConfig.group() + " already has a consumer");
        }
        return consumer;
    }

    @Override
    public io.nimbusmq.client.consumer.PullConsumer pullConsumer(
            io.nimbusmq.client.consumer.PullConsumerConfig config) {
        throw new UnsupportedOperationException("the fake client has no pull consumer");
    }

    /** Whether the name server answers {@link #probeNameServers} and shows UP in {@link #connectivity()}. */
    public void nameServerUp(boolean up) {
        this.nameServerUp = up;
    }

    /** The topics producers were asked to look routes up for ahead of their first send. */
    public List<String> routesLookedUp() {
        return List.copyOf(routesLookedUp);
    }

    /** Topics "created" by {@link #createTopic}: name to queue count and attributes. */
    private final Map<String, io.nimbusmq.client.TopicDescription> topics = new ConcurrentHashMap<>();

    public Map<String, io.nimbusmq.client.TopicDescription> topics() {
        return topics;
    }

    @Override
    public java.util.Optional<io.nimbusmq.client.TopicDescription> describeTopic(String topic) {
        return java.util.Optional.ofNullable(topics.get(topic));
    }

    @Override
    public Map<String, String> createTopic(String topic, int queues, Map<String, String> attributes) {
        topics.put(topic, new io.nimbusmq.client.TopicDescription(topic, List.of(
                new io.nimbusmq.client.TopicDescription.BrokerTopic("broker-a", queues, queues, 6, attributes))));
        return Map.of();
    }

    @Override
    public Connectivity connectivity() {
        Connectivity.Status status = nameServerUp ? Connectivity.Status.UP : Connectivity.Status.DOWN;
        return new Connectivity(config.nameServers().stream().map(address -> new Connectivity.Server(address,
                status, nameServerUp ? null : "cannot connect to " + address, Instant.EPOCH)).toList(), List.of());
    }

    @Override
    public Connectivity probeNameServers(Duration timeout) {
        return connectivity();
    }

    @Override
    public void close() {
        closed = true;
    }

    public final class FakeConsumer implements PushConsumer {
        private final ConsumerConfig config;
        private final MessageHandler handler;
        private volatile boolean running;
        private volatile boolean paused;
        private volatile Duration shutdownWith;

        FakeConsumer(ConsumerConfig config, MessageHandler handler) {
            this.config = config;
            this.handler = handler;
        }

        /** Hands a batch to the handler as the client does, with its message-by-message verdict. */
        public io.nimbusmq.client.consumer.ConsumeResult deliverBatch(ReceivedMessage... messages) {
            return handler.consume(List.of(messages));
        }

        /** Hands one message to the handler as a CONCURRENTLY client does, which frees its thread meanwhile. */
        public java.util.concurrent.CompletionStage<io.nimbusmq.client.consumer.ConsumeResult> deliverAsync(
                ReceivedMessage message) {
            return handler.consumeAsync(List.of(message));
        }

        /** Hands messages to the handler as the client would. */
        public ConsumeStatus deliver(ReceivedMessage... messages) {
            try {
                return handler.handle(List.of(messages));
            } catch (RuntimeException e) {
                return ConsumeStatus.RETRY;
            }
        }

        public Duration shutdownWith() {
            return shutdownWith;
        }

        @Override
        public void start() {
            running = true;
        }

        @Override
        public ConsumerConfig config() {
            return config;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public void pause() {
            paused = true;
        }

        @Override
        public void resume() {
            paused = false;
        }

        @Override
        public boolean isPaused() {
            return paused;
        }

        @Override
        public List<io.nimbusmq.client.consumer.QueueLag> lag() {
            return List.of();
        }

        /** The listener the container set, if any (a seek-aware listener bean). */
        private volatile io.nimbusmq.client.consumer.QueueAssignmentListener assignmentListener;

        public io.nimbusmq.client.consumer.QueueAssignmentListener assignmentListener() {
            return assignmentListener;
        }

        @Override
        public void setAssignmentListener(io.nimbusmq.client.consumer.QueueAssignmentListener listener) {
            this.assignmentListener = listener;
        }

        @Override
        public List<io.nimbusmq.remoting.protocol.body.client.MessageQueue> assignment() {
            return List.of();
        }

        @Override
        public void seek(io.nimbusmq.remoting.protocol.body.client.MessageQueue queue, long queueOffset) {
            throw new UnsupportedOperationException("the fake consumer holds no queue");
        }

        @Override
        public void seekToBeginning(java.util.Collection<io.nimbusmq.remoting.protocol.body.client.MessageQueue> q) {
            throw new UnsupportedOperationException("the fake consumer holds no queue");
        }

        @Override
        public void seekToEnd(java.util.Collection<io.nimbusmq.remoting.protocol.body.client.MessageQueue> q) {
            throw new UnsupportedOperationException("the fake consumer holds no queue");
        }

        @Override
        public void seekToTimestamp(java.util.Collection<io.nimbusmq.remoting.protocol.body.client.MessageQueue> q,
                java.time.Instant time) {
            throw new UnsupportedOperationException("the fake consumer holds no queue");
        }

        @Override
        public boolean shutdown(Duration drainTimeout) {
            shutdownWith = drainTimeout;
            running = false;
            consumers.remove(config.group());
            return true;
        }

        @Override
        public void close() {
            shutdown(config.shutdownDrainTimeout());
        }
    }

    final class FakeProducer implements Producer {
        private final ProducerConfig config;

        FakeProducer(ProducerConfig config) {
            this.config = config;
        }

        private SendResult record(String mode, Message message, String hashKey) {
            sent.add(new Sent(mode, config.group(), message, hashKey));
            long offset = offsets.incrementAndGet();
            return new SendResult(SendStatus.SEND_OK, "MSG" + offset, "OFF" + offset,
                    new MessageQueue(message.topic(), "broker-a", 0), offset, null);
        }

        @Override
        public void start() {
        }

        @Override
        public ProducerConfig config() {
            return config;
        }

        @Override
        public void lookUpRoutes(Collection<String> topics) {
            routesLookedUp.addAll(topics);
        }

        @Override
        public SendResult send(Message message) {
            return record("sync", message, null);
        }

        @Override
        public CompletableFuture<SendResult> sendAsync(Message message) {
            return CompletableFuture.completedFuture(record("async", message, null));
        }

        @Override
        public void sendOneway(Message message) {
            record("oneway", message, null);
        }

        @Override
        public SendResult sendOrderly(Message message, String hashKey) {
            return record("sync", message, hashKey);
        }

        @Override
        public CompletableFuture<SendResult> sendOrderlyAsync(Message message, String hashKey) {
            return CompletableFuture.completedFuture(record("async", message, hashKey));
        }

        @Override
        public void sendOnewayOrderly(Message message, String hashKey) {
            record("oneway", message, hashKey);
        }

        @Override
        public SendResult sendBatch(Collection<Message> messages) {
            SendResult result = null;
            for (Message message : messages) {
                result = record("batch", message, null);
            }
            return result;
        }

        @Override
        public CompletableFuture<SendResult> sendBatchAsync(Collection<Message> messages) {
            return CompletableFuture.completedFuture(sendBatch(messages));
        }

        @Override
        public TransactionSendResult sendInTransaction(Message message, LocalTransactionExecutor executor,
                Object argument) {
            SendResult result = record("transaction", message, null);
            LocalTransactionState state;
            try {
                state = executor.execute(message, argument);
            } catch (RuntimeException e) {
                state = LocalTransactionState.UNKNOW;
            }
            return new TransactionSendResult(result, state);
        }

        @Override
        public CompletableFuture<ReceivedMessage> request(Message message, Duration timeout) {
            record("request", message, null);
            byte[] reply = replies.get(message.topic());
            if (reply == null) {
                return CompletableFuture.failedFuture(new io.nimbusmq.client.MqClientException(-1, "no reply"));
            }
            return CompletableFuture.completedFuture(received(message.topic(), Map.of(), reply, 0));
        }

        @Override
        public CompletableFuture<ReceivedMessage> requestOrderly(Message message, String hashKey, Duration timeout) {
            return request(message, timeout);
        }

        @Override
        public SendResult sendReply(ReceivedMessage request, byte[] replyBody) {
            repliesSent.add(new ReplySent(request, replyBody));
            return record("reply", new Message("reply", replyBody), null);
        }

        @Override
        public void close() {
        }
    }

    /** A request as the client would receive it. */
    public ReceivedMessage request(String topic, byte[] body) {
        Map<String, String> properties = new HashMap<>();
        properties.put("CORRELATION_ID", "corr-1");
        properties.put("REPLY_TO_CLIENT", "127.0.0.1@requester");
        return received(topic, properties, body, 0);
    }

    public static List<String> modes(List<Sent> sent) {
        List<String> modes = new ArrayList<>();
        sent.forEach(s -> modes.add(s.mode()));
        return modes;
    }
}
