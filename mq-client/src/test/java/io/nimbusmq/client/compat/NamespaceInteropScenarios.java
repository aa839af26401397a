package io.nimbusmq.client.compat;

import static io.nimbusmq.testkit.OfficialClients.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.nimbusmq.client.ClientConfig;
import io.nimbusmq.client.Message;
import io.nimbusmq.client.MqClient;
import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.SendResult;
import io.nimbusmq.client.consumer.ConsumeStatus;
import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.client.producer.ProducerConfig;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

/**
 * Namespaces against the official client 5.3.1 in the same namespace, both ways, on whichever broker the subclass
 * starts: what one side writes the other reads under the application's names, while the wire carries
 * {@code ns%topic}, {@code ns%group} and {@code %RETRY%ns%group}.
 */
abstract class NamespaceInteropScenarios {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    abstract String nameServer();

    abstract String uniqueName(String prefix);

    abstract <T extends AutoCloseable> T closeAfterTest(T closeable);

    private MqClient client(String namespace) {
        return closeAfterTest(MqClient.create(ClientConfig.builder().nameServer(nameServer())
                .instanceName(uniqueName("ns-client")).requestTimeout(Duration.ofSeconds(10))
                .namespace(namespace).build()));
    }

    /** A topic made through a namespaced client (so {@code ns%name} on the brokers), routed before it returns. */
    private String topicIn(MqClient client, String prefix) {
        String topic = uniqueName(prefix);
        assertThat(client.createTopic(topic, 2, Map.of())).isEmpty();
        await().atMost(PATIENCE).until(() -> client.describeTopic(topic).isPresent());
        return topic;
    }

    @Test
    void theOfficialConsumerInTheNamespaceReadsWhatWeSendUnderTheSameName() throws Exception {
        String namespace = uniqueName("tenant");
        MqClient client = client(namespace);
        String topic = topicIn(client, "orders");
        Producer producer = client.producer(ProducerConfig.builder(uniqueName("pg")).sendTimeout(PATIENCE).build());
        producer.start();

        SendResult sent = producer.send(new Message(topic, "from nimbus".getBytes(StandardCharsets.UTF_8)));

        assertThat(sent.messageQueue().topic()).isEqualTo(topic);
        List<MessageExt> received = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer official = patient(new DefaultMQPushConsumer(uniqueName("official-cg")));
        official.setNamesrvAddr(nameServer());
        official.setNamespace(namespace);
        official.setInstanceName(uniqueName("official"));
        official.setConsumeFromWhere(org.apache.rocketmq.common.consumer.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        official.subscribe(topic, "*");
        official.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            received.addAll(messages);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        official.start();
        closeAfterTest(official::shutdown);

        await().atMost(PATIENCE).until(() -> !received.isEmpty());
        assertThat(received.get(0).getTopic()).isEqualTo(topic);
        assertThat(received.get(0).getMsgId()).isEqualTo(sent.msgId());
        assertThat(new String(received.get(0).getBody(), StandardCharsets.UTF_8)).isEqualTo("from nimbus");
        MqClient plain = client(null);
        assertThat(plain.describeTopic(namespace + "%" + topic)).as("the wire name").isPresent();
        assertThat(plain.describeTopic(topic)).as("no topic outside the namespace").isEmpty();
    }

    @Test
    void weReadWhatTheOfficialProducerSendsAndRetryThroughTheNamespacedRetryTopic() throws Exception {
        String namespace = uniqueName("tenant");
        MqClient client = client(namespace);
        String topic = topicIn(client, "payments");
        DefaultMQProducer official = patient(new DefaultMQProducer(uniqueName("official-pg")));
        official.setNamesrvAddr(nameServer());
        official.setNamespace(namespace);
        official.setInstanceName(uniqueName("official"));
        official.start();
        closeAfterTest(official::shutdown);
        String group = uniqueName("billing");
        List<ReceivedMessage> attempts = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        client.pushConsumer(ConsumerConfig.builder(group).subscribe(Subscription.all(topic))
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET).build(), messages -> {
                    attempts.addAll(messages);
                    return calls.incrementAndGet() == 1 ? ConsumeStatus.RETRY : ConsumeStatus.SUCCESS;
                }).start();

        org.apache.rocketmq.client.producer.SendResult sent = official.send(
                new org.apache.rocketmq.common.message.Message(topic, "from apache".getBytes(StandardCharsets.UTF_8)));

        await().atMost(PATIENCE).until(() -> attempts.size() >= 2);
        assertThat(attempts).extracting(ReceivedMessage::topic).containsOnly(topic);
        assertThat(attempts).extracting(ReceivedMessage::msgId).containsOnly(sent.getMsgId());
        assertThat(attempts.get(1).reconsumeTimes()).isEqualTo(1);
        MqClient plain = client(null);
        assertThat(plain.describeTopic("%RETRY%" + namespace + "%" + group)).as("the wire retry topic").isPresent();
        assertThat(plain.consumerGroupMembers(namespace + "%" + group, namespace + "%" + topic))
                .as("the wire group").isPresent();
        assertThat(client.consumerGroupMembers(group, topic)).as("the application's names").hasValueSatisfying(
                members -> assertThat(members.userSubscriptions()).containsOnlyKeys(topic));
    }

    @Test
    void theOfficialRequesterInTheNamespaceGetsOurReplyThroughTheNamespacedReplyTopic() throws Exception {
        String namespace = uniqueName("tenant");
        MqClient client = client(namespace);
        String topic = topicIn(client, "quotes");
        Producer replier = client.producer(ProducerConfig.builder(uniqueName("replier")).sendTimeout(PATIENCE).build());
        replier.start();
        List<ReceivedMessage> requests = new CopyOnWriteArrayList<>();
        client.pushConsumer(ConsumerConfig.builder(uniqueName("quote-cg")).subscribe(Subscription.all(topic))
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET).build(), messages -> {
                    messages.forEach(request -> {
                        requests.add(request);
                        replier.sendReply(request, ("re: " + new String(request.body(), StandardCharsets.UTF_8))
                                .getBytes(StandardCharsets.UTF_8));
                    });
                    return ConsumeStatus.SUCCESS;
                }).start();
        DefaultMQProducer official = officialProducer(namespace);

        org.apache.rocketmq.common.message.Message reply = officialRequest(official, topic, "ping");

        assertThat(new String(reply.getBody(), StandardCharsets.UTF_8)).isEqualTo("re: ping");
        assertThat(requests).extracting(ReceivedMessage::topic).containsOnly(topic);
        String cluster = requests.get(0).property("CLUSTER");
        assertThat(reply.getTopic()).as("the reply topic on the wire, as an official replier in the namespace "
                + "sends it").isEqualTo(namespace + "%" + cluster + "_REPLY_TOPIC");
    }

    @Test
    void weGetTheReplyOfTheOfficialReplierInTheNamespace() throws Exception {
        String namespace = uniqueName("tenant");
        MqClient client = client(namespace);
        String topic = topicIn(client, "prices");
        DefaultMQProducer officialReplier = officialProducer(namespace);
        DefaultMQPushConsumer official = new DefaultMQPushConsumer(uniqueName("official-cg"));
        official.setNamesrvAddr(nameServer());
        official.setNamespace(namespace);
        official.setInstanceName(uniqueName("official"));
        official.setConsumeFromWhere(org.apache.rocketmq.common.consumer.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        official.subscribe(topic, "*");
        official.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            for (MessageExt request : messages) {
                try {
                    officialReplier.send(org.apache.rocketmq.client.utils.MessageUtil.createReplyMessage(request,
                            ("re: " + new String(request.getBody(), StandardCharsets.UTF_8))
                                    .getBytes(StandardCharsets.UTF_8)));
                } catch (Exception e) {
                    return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                }
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        official.start();
        closeAfterTest(official::shutdown);
        Producer requester = client.producer(ProducerConfig.builder(uniqueName("requester")).sendTimeout(PATIENCE)
                .build());
        requester.start();

        ReceivedMessage reply = requester.request(new Message(topic, "ping".getBytes(StandardCharsets.UTF_8)),
                PATIENCE).get(PATIENCE.toSeconds() + 10, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo("re: ping");
        assertThat(reply.topic()).as("the application's name of the reply topic").endsWith("_REPLY_TOPIC")
                .doesNotContain("%");
    }

    private DefaultMQProducer officialProducer(String namespace) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer(uniqueName("official-pg"));
        producer.setNamesrvAddr(nameServer());
        producer.setNamespace(namespace);
        producer.setInstanceName(uniqueName("official"));
        producer.setSendMsgTimeout((int) PATIENCE.toMillis());
        producer.start();
        closeAfterTest(producer::shutdown);
        return producer;
    }

    /** The official request with a callback (5.3.1's request(msg, timeout) returns before the reply). */
    private org.apache.rocketmq.common.message.Message officialRequest(DefaultMQProducer requester, String topic,
            String body) throws Exception {
        java.util.concurrent.CompletableFuture<org.apache.rocketmq.common.message.Message> answer =
                new java.util.concurrent.CompletableFuture<>();
        requester.request(new org.apache.rocketmq.common.message.Message(topic,
                body.getBytes(StandardCharsets.UTF_8)), new org.apache.rocketmq.client.producer.RequestCallback() {
                    @Override
                    public void onSuccess(org.apache.rocketmq.common.message.Message message) {
                        if (message != null) { // 5.3.1 calls onSuccess(null) once the request is sent
                            answer.complete(message);
                        }
                    }

                    @Override
                    public void onException(Throwable e) {
                        answer.completeExceptionally(e);
                    }
                }, PATIENCE.toMillis());
        return answer.get(PATIENCE.toSeconds() + 10, java.util.concurrent.TimeUnit.SECONDS);
    }
}
