package io.nimbusmq.client;

import java.time.Duration;
import static io.nimbusmq.client.NimbusBrokerExtension.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.PushConsumer;
import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.client.producer.ProducerConfig;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every send mode of our producer against the embedded broker, checked by what our push consumer receives. */
class ProducerIntegrationTests {

    @RegisterExtension
    static final NimbusBrokerExtension broker = new NimbusBrokerExtension();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Producer producer(MqClient client) {
        Producer producer = client.producer(ProducerConfig.builder(NimbusBrokerExtension.uniqueName("pg")).sendTimeout(PATIENCE).build());
        producer.start();
        return producer;
    }

    private Received consume(MqClient client, String topic) {
        Received received = new Received();
        PushConsumer consumer = client.pushConsumer(ConsumerConfig.builder(NimbusBrokerExtension.uniqueName("cg"))
                .subscribe(Subscription.all(topic))
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET).build(), received);
        consumer.start();
        return received;
    }

    @Test
    void syncSendKeepsTagsKeysAndUserProperties() {
        MqClient client = broker.client();
        String topic = broker.createTopic("sync", 4);
        SendResult result = producer(client).send(new Message(topic, utf8("hello")).tags("created")
                .keys("order-1", "order-2").property("region", "eu"));

        assertThat(result.status()).isEqualTo(SendStatus.SEND_OK);
        assertThat(result.msgId()).hasSize(32);
        assertThat(result.offsetMsgId()).hasSize(32);
        assertThat(result.messageQueue().topic()).isEqualTo(topic);
        Received received = consume(client, topic);
        await().atMost(PATIENCE).until(() -> received.size() == 1);
        ReceivedMessage message = received.messages().get(0);
        assertThat(message.msgId()).isEqualTo(result.msgId());
        assertThat(message.offsetMsgId()).isEqualTo(result.offsetMsgId());
        assertThat(message.tags()).isEqualTo("created");
        assertThat(message.keys()).isEqualTo("order-1 order-2");
        assertThat(message.property("region")).isEqualTo("eu");
        assertThat(message.queueId()).isEqualTo(result.messageQueue().queueId());
        assertThat(message.queueOffset()).isEqualTo(result.queueOffset());
        assertThat(new String(message.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }

    @Test
    void asyncSendsAllCompleteAndSpreadOverTheQueues() {
        MqClient client = broker.client();
        String topic = broker.createTopic("async", 4);
        Producer producer = producer(client);
        List<CompletableFuture<SendResult>> futures = IntStream.range(0, 20)
                .mapToObj(i -> producer.sendAsync(new Message(topic, utf8("m" + i)))).toList();

        List<SendResult> results = futures.stream().map(CompletableFuture::join).toList();
        assertThat(results).allMatch(r -> r.status() == SendStatus.SEND_OK);
        assertThat(results.stream().map(r -> r.messageQueue().queueId()).distinct()).hasSize(4);
        Received received = consume(client, topic);
        await().atMost(PATIENCE).until(() -> received.size() == 20);
        assertThat(received.bodies()).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 20).mapToObj(i -> "m" + i).toList());
    }

    @Test
    void onewaySendsArrive() {
        MqClient client = broker.client();
        String topic = broker.createTopic("oneway", 2);
        Producer producer = producer(client);
        IntStream.range(0, 10).forEach(i -> producer.sendOneway(new Message(topic, utf8("o" + i))));

        Received received = consume(client, topic);
        await().atMost(PATIENCE).until(() -> received.size() == 10);
        assertThat(received.bodies()).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 10).mapToObj(i -> "o" + i).toList());
    }

    @Test
    void orderlySendsOfOneKeyGoToOneQueueInOrder() {
        MqClient client = broker.client();
        String topic = broker.createTopic("orderly", 4);
        Producer producer = producer(client);
        List<SendResult> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(producer.sendOrderly(new Message(topic, utf8("step" + i)), "order-42"));
        }
        producer.sendOrderlyAsync(new Message(topic, utf8("step10")), "order-42").join();

        assertThat(results.stream().map(r -> r.messageQueue().queueId()).distinct()).hasSize(1);
        assertThat(results).extracting(SendResult::queueOffset).isSorted();
        Received received = consume(client, topic);
        await().atMost(PATIENCE).until(() -> received.size() == 11);
        assertThat(received.messages()).allMatch(m -> m.queueId() == results.get(0).messageQueue().queueId());
    }

    @Test
    void batchIsStoredContiguouslyInOneQueue() {
        MqClient client = broker.client();
        String topic = broker.createTopic("batch", 4);
        List<Message> batch = IntStream.range(0, 5)
                .mapToObj(i -> new Message(topic, utf8("b" + i)).tags("t" + i)).toList();

        SendResult result = producer(client).sendBatch(batch);

        assertThat(result.status()).isEqualTo(SendStatus.SEND_OK);
        assertThat(result.msgId().split(",")).hasSize(5).doesNotHaveDuplicates();
        Received received = consume(client, topic);
        await().atMost(PATIENCE).until(() -> received.size() == 5);
        List<ReceivedMessage> messages = received.messages().stream()
                .sorted((a, b) -> Long.compare(a.queueOffset(), b.queueOffset())).toList();
        assertThat(messages).extracting(ReceivedMessage::queueId).containsOnly(result.messageQueue().queueId());
        assertThat(messages).extracting(m -> new String(m.body(), StandardCharsets.UTF_8))
                .containsExactly("b0", "b1", "b2", "b3", "b4");
        assertThat(messages).extracting(ReceivedMessage::tags).containsExactly("t0", "t1", "t2", "t3", "t4");
        assertThat(messages.get(4).queueOffset() - messages.get(0).queueOffset()).isEqualTo(4);
    }

    @Test
    void largeBodiesAreCompressedOnTheWireAndRestoredForTheConsumer() {
        MqClient client = broker.client();
        String topic = broker.createTopic("compressed", 1);
        byte[] body = utf8("x".repeat(10_000));
        producer(client).send(new Message(topic, body));

        Received received = consume(client, topic);
        await().atMost(PATIENCE).until(() -> received.size() == 1);
        ReceivedMessage message = received.messages().get(0);
        assertThat(message.sysFlag() & 0x1).as("COMPRESSED").isEqualTo(1);
        assertThat(message.sysFlag() & 0x700).as("ZLIB codec bits").isEqualTo(0x300);
        assertThat(message.body()).isEqualTo(body);
        long stored = broker.broker().messageStore().maxOffsetInQueue(topic, 0);
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void sendToATopicNobodyCreatedUsesTheDefaultTopicRoute() {
        MqClient client = broker.client();
        String topic = NimbusBrokerExtension.uniqueName("autocreated");
        SendResult result = producer(client).send(new Message(topic, utf8("first")));

        assertThat(result.status()).isEqualTo(SendStatus.SEND_OK);
        assertThat(broker.broker().runtime().topics().find(topic)).isNotNull();
    }

    @Test
    void oversizedBodyIsRefusedBeforeSending() {
        MqClient client = broker.client();
        String topic = broker.createTopic("oversized", 1);
        Producer producer = producer(client);

        assertThatThrownBy(() -> producer.send(new Message(topic, new byte[4 * 1024 * 1024 + 1])))
                .isInstanceOf(MqClientException.class)
                .extracting(e -> ((MqClientException) e).responseCode()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
    }

    @Test
    void sendToAnIllegalTopicFailsWithTheBrokersCodeWithoutRetrying() {
        MqClient client = broker.client();
        Producer producer = producer(client);

        assertThatThrownBy(() -> producer.send(new Message("SCHEDULE_TOPIC_XXXX", utf8("no"))))
                .isInstanceOf(MqClientException.class);
    }

    @Test
    void delayLevelAndTimerMessagesArriveAfterTheirDelay() {
        MqClient client = broker.client();
        String topic = broker.createTopic("delayed", 1);
        Received received = consume(client, topic);
        long sentAt = System.currentTimeMillis();
        Producer producer = producer(client);
        producer.send(new Message(topic, utf8("level")).delayLevel(1));
        producer.send(new Message(topic, utf8("timer")).delayMillis(2_000));

        await().atMost(PATIENCE).until(() -> received.size() == 2);
        ReceivedMessage level = received.messages().stream()
                .filter(m -> new String(m.body(), StandardCharsets.UTF_8).equals("level")).findFirst().orElseThrow();
        assertThat(level.storeTimestamp() - sentAt).isGreaterThanOrEqualTo(900);
        ReceivedMessage timer = received.messages().stream().filter(m -> m != level).findFirst().orElseThrow();
        assertThat(timer.storeTimestamp() - sentAt).isGreaterThanOrEqualTo(1_000);
    }

    @Test
    void anUnreachableNameServerIsSkipped() {
        String topic = broker.createTopic("failover", 1);
        for (int i = 0; i < 3; i++) {
            MqClient client = broker.closeAfterTest(MqClient.create(ClientConfig.builder()
                    .nameServer("127.0.0.1:1;" + broker.address()).instanceName(NimbusBrokerExtension.uniqueName("fo"))
                    .requestTimeout(Duration.ofSeconds(10)).build()));
            assertThat(producer(client).send(new Message(topic, utf8("via a live name server"))).status())
                    .isEqualTo(SendStatus.SEND_OK);
        }
    }
}
