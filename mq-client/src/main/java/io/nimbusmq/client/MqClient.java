package io.nimbusmq.client;

import java.util.Optional;

import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.ConsumerGroupMembers;
import io.nimbusmq.client.consumer.MessageHandler;
import io.nimbusmq.client.consumer.PullConsumer;
import io.nimbusmq.client.consumer.PushConsumer;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.client.producer.ProducerConfig;
import io.nimbusmq.client.producer.TransactionChecker;

/**
 * The client instance: name-server selection (random first pick, round-robin on failure), the topic-route cache
 * (refreshed every 30 s and on errors), one connection per broker address, heartbeats every 30 s for every producer
 * and consumer group it hosts, and the handling of broker-initiated requests (consumer-ids changed, transaction
 * check-back, reply push, consumer running info).
 *
 * <pre>{@code
 * try (MqClient client = MqClient.create(ClientConfig.builder().nameServer("127.0.0.1:9876").build())) {
 *     Producer producer = client.producer(ProducerConfig.builder("order-producer").build());
 *     producer.start();
 *     producer.send(new Message("orders", body).tags("created"));
 * }
 * }</pre>
 */
public interface MqClient extends AutoCloseable {

    static MqClient create(ClientConfig config) {
        return io.nimbusmq.client.internal.MqClientInstance.create(config);
    }

    ClientConfig config();

    /** The id brokers see, {@code ip@instanceName}, as the official client builds it (rebalance agrees on it). */
    String clientId();

    /** A producer of {@code config.group()}; call {@link Producer#start()} before sending. */
    Producer producer(ProducerConfig config);

    /** A transactional producer: its group's check-back requests are answered by {@code checker}. */
    Producer transactionalProducer(ProducerConfig config, TransactionChecker checker);

    /** A push consumer; call {@link PushConsumer#start()} to begin rebalancing and pulling. */
    PushConsumer pushConsumer(ConsumerConfig config, MessageHandler handler);

    /**
     * A lite-pull consumer: the application polls (see {@link PullConsumer}); call {@link PullConsumer#start()}
     * first. Its group is a consumer group of this client like a push consumer's.
     */
    PullConsumer pullConsumer(io.nimbusmq.client.consumer.PullConsumerConfig config);

    /**
     * The live members of consumer group {@code group} and the group's subscriptions, as the master brokers of
     * {@code topic} (every known master when the topic has no route) know them from heartbeats
     * (GET_CONSUMER_CONNECTION_LIST, 203). Empty when no such broker has a live member of the group.
     *
     * @throws MqClientException when a broker cannot be asked or answers an error other than "not online"
     */
    Optional<ConsumerGroupMembers> consumerGroupMembers(String group, String topic);

    /**
     * Sends dead letter {@code msgId} of {@code group} back to its original topic, as a fresh message with reconsume
     * times 0 and the same UNIQ_KEY (Nimbus MQ brokers only: RESEND_DEAD_LETTER is our own admin code).
     *
     * @param msgId the dead letter's UNIQ_KEY (the id consumers and queries show) or its offsetMsgId
     * @throws MqClientException when no broker holds it, or its original topic is gone
     */
    DeadLetterResent resendDeadLetter(String group, String msgId);

    /**
     * The topic as the brokers hold it (queue counts per broker group, the masters' attributes such as
     * {@code message.type}); empty when the name servers know no broker with it.
     */
    Optional<TopicDescription> describeTopic(String topic);

    /**
     * Creates, or updates, {@code topic} with {@code queues} read and write queues and {@code attributes} (e.g.
     * {@code message.type=FIFO}) on every master broker the name servers know (UPDATE_AND_CREATE_TOPIC, as
     * {@code mqadmin updateTopic -c <cluster>}). Brokers with ACL need an admin access key.
     *
     * @return per master address, why it refused; empty when every master created the topic
     * @throws MqClientException when the name servers cannot list the brokers
     */
    java.util.Map<String, String> createTopic(String topic, int queues, java.util.Map<String, String> attributes);

    /**
     * Whether each name server and broker answered the last request sent to it (see {@link Connectivity}); no
     * request is sent.
     */
    Connectivity connectivity();

    /**
     * Asks every name server now (in parallel, each within {@code timeout}) and returns the connectivity with their
     * fresh states: how a health check or a fail-fast start learns whether any name server answers.
     */
    Connectivity probeNameServers(java.time.Duration timeout);

    /** Shuts down every producer and consumer created here (consumers drain and commit), then the connections. */
    @Override
    void close();
}
