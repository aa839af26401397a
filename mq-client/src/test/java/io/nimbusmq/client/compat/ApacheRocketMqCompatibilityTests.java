package io.nimbusmq.client.compat;

import static io.nimbusmq.testkit.OfficialClients.patient;
import static io.nimbusmq.testkit.ApacheRocketMq.PATIENCE;
import static io.nimbusmq.testkit.ApacheRocketMq.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.nimbusmq.client.ClientConfig;
import io.nimbusmq.client.Message;
import io.nimbusmq.client.MqClient;
import io.nimbusmq.client.Received;
import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.SendResult;
import io.nimbusmq.client.SendStatus;
import io.nimbusmq.client.consumer.ConsumeMode;
import io.nimbusmq.client.consumer.ConsumeStatus;
import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.client.internal.consumer.ClientPushConsumer;
import io.nimbusmq.client.producer.LocalTransactionState;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.client.producer.ProducerConfig;
import io.nimbusmq.client.producer.TransactionSendResult;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;
import io.nimbusmq.testkit.ApacheRocketMq;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Our client against a real Apache RocketMQ 5.3.1 broker and 5.2.0 name server, in-process. */
@Tag("compat")
class ApacheRocketMqCompatibilityTests {

    @RegisterExtension
    static final ApacheRocketMq rocketmq = new ApacheRocketMq();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(ReceivedMessage m) {
        return new String(m.body(), StandardCharsets.UTF_8);
    }

    /**
     * Budgets come from the test's patience, not from a guess about speed: with other builds on both cores, the
     * first requests to an in-process Apache broker (route lookup, connection, a cold broker's first write) took
     * longer than the default 3 s send timeout ({@code no response ... within 375 ms} was what was left of it).
     */
    private MqClient client() {
        return rocketmq.closeAfterTest(MqClient.create(ClientConfig.builder()
                .nameServer(rocketmq.nameServerAddress()).instanceName(uniqueName("client"))
                .requestTimeout(Duration.ofSeconds(10)).build()));
    }

    private Producer producer(MqClient client) {
        Producer producer = client.producer(ProducerConfig.builder(uniqueName("pg")).sendTimeout(PATIENCE).build());
        producer.start();
        return producer;
    }

    private ConsumerConfig.Builder consumerConfig(String group, String topic) {
        return ConsumerConfig.builder(group).subscribe(Subscription.all(topic))
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                .persistOffsetInterval(Duration.ofMillis(500));
    }

    private Received consume(MqClient client, String topic) {
        Received received = new Received();
        client.pushConsumer(consumerConfig(uniqueName("cg"), topic).build(), received).start();
        return received;
    }

    @Test
    void syncSendAndListenerReceive() {
        MqClient client = client();
        String topic = rocketmq.createTopic("sync", 4);
        SendResult result = producer(client).send(new Message(topic, utf8("hello apache")).tags("a").keys("k1")
                .property("user", "u1"));

        assertThat(result.status()).isEqualTo(SendStatus.SEND_OK);
        assertThat(result.messageQueue().brokerName()).isEqualTo(ApacheRocketMq.BROKER_NAME);
        Received received = consume(client, topic);
        await().atMost(PATIENCE).until(() -> received.size() == 1);
        ReceivedMessage message = received.messages().get(0);
        assertThat(message.msgId()).isEqualTo(result.msgId());
        assertThat(message.offsetMsgId()).isEqualTo(result.offsetMsgId());
        assertThat(message.tags()).isEqualTo("a");
        assertThat(message.keys()).isEqualTo("k1");
        assertThat(message.property("user")).isEqualTo("u1");
        assertThat(text(message)).isEqualTo("hello apache");
    }

    @Test
    void asyncOnewayBatchAndCompressedSends() {
        MqClient client = client();
        String topic = rocketmq.createTopic("modes", 4);
        Producer producer = producer(client);
        List<CompletableFuture<SendResult>> futures = IntStream.range(0, 10)
                .mapToObj(i -> producer.sendAsync(new Message(topic, utf8("async" + i)))).toList();
        futures.forEach(f -> assertThat(f.join().status()).isEqualTo(SendStatus.SEND_OK));
        IntStream.range(0, 5).forEach(i -> producer.sendOneway(new Message(topic, utf8("oneway" + i))));
        SendResult batch = producer.sendBatch(IntStream.range(0, 5)
                .mapToObj(i -> new Message(topic, utf8("batch" + i))).toList());
        assertThat(batch.msgId().split(",")).hasSize(5);
        String big = "y".repeat(20_000);
        producer.send(new Message(topic, utf8(big)));

        Received received = consume(client, topic);
        await().atMost(PATIENCE).until(() -> received.size() == 21);
        assertThat(received.bodies()).contains("async0", "async9", "oneway4", "batch0", "batch4", big);
        assertThat(received.messages().stream().filter(m -> text(m).equals(big)).findFirst().orElseThrow().sysFlag()
                & 0x1).isEqualTo(1);
    }

    @Test
    void orderlySendAndOrderlyConsumptionKeepPerKeyOrder() {
        MqClient client = client();
        String topic = rocketmq.createTopic("orderly", 4);
        Producer producer = producer(client);
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        client.pushConsumer(consumerConfig(uniqueName("og"), topic).consumeMode(ConsumeMode.ORDERLY).build(),
                messages -> {
                    messages.forEach(m -> {
                        String[] parts = text(m).split(":");
                        seen.computeIfAbsent(parts[0], k -> new CopyOnWriteArrayList<>())
                                .add(Integer.parseInt(parts[1]));
                    });
                    return ConsumeStatus.SUCCESS;
                }).start();
        for (int i = 0; i < 15; i++) {
            for (String key : List.of("a", "b", "c")) {
                producer.sendOrderly(new Message(topic, utf8(key + ":" + i)), key);
            }
        }

        await().atMost(PATIENCE).until(() -> seen.values().stream().mapToInt(List::size).sum() == 45);
        List<Integer> expected = IntStream.range(0, 15).boxed().toList();
        assertThat(seen).hasSize(3).allSatisfy((key, order) -> assertThat(order).containsExactlyElementsOf(expected));
    }

    @Test
    void delayLevelMessagesArriveAfterTheirDelay() {
        MqClient client = client();
        String topic = rocketmq.createTopic("delay", 1);
        Received received = consume(client, topic);
        long sentAt = System.currentTimeMillis();
        producer(client).send(new Message(topic, utf8("later")).delayLevel(1));

        await().atMost(PATIENCE).until(() -> received.size() == 1);
        ReceivedMessage message = received.messages().get(0);
        assertThat(message.property("DELAY")).isEqualTo("1");
        assertThat(message.storeTimestamp() - sentAt).isGreaterThanOrEqualTo(900);
    }

    @Test
    void transactionsCommitRollbackAndCheckBack() {
        MqClient client = client();
        String topic = rocketmq.createTopic("tx", 2);
        List<ReceivedMessage> checked = new CopyOnWriteArrayList<>();
        Producer producer = client.transactionalProducer(ProducerConfig.builder(uniqueName("txg")).sendTimeout(PATIENCE).build(),
                half -> {
                    checked.add(half);
                    return text(half).equals("check-back") ? LocalTransactionState.COMMIT_MESSAGE
                            : LocalTransactionState.ROLLBACK_MESSAGE;
                });
        producer.start();
        Received received = consume(client, topic);

        TransactionSendResult rolledBack = producer.sendInTransaction(new Message(topic, utf8("rollback")),
                (message, arg) -> LocalTransactionState.ROLLBACK_MESSAGE, null);
        TransactionSendResult committed = producer.sendInTransaction(new Message(topic, utf8("commit")),
                (message, arg) -> LocalTransactionState.COMMIT_MESSAGE, null);
        TransactionSendResult unknown = producer.sendInTransaction(new Message(topic, utf8("check-back")),
                (message, arg) -> LocalTransactionState.UNKNOW, "arg");

        assertThat(rolledBack.localState()).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        assertThat(committed.sendResult().status()).isEqualTo(SendStatus.SEND_OK);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(received.bodies()).as("checked %s", checked)
                .contains("commit", "check-back"));
        assertThat(checked).extracting(ReceivedMessage::msgId).contains(unknown.sendResult().msgId());
        assertThat(checked).extracting(ReceivedMessage::topic).containsOnly(topic);
        assertThat(received.messages().stream().filter(m -> text(m).equals("commit")).findFirst().orElseThrow()
                .msgId()).isEqualTo(committed.sendResult().msgId());
        await().during(Duration.ofSeconds(3)).atMost(PATIENCE).until(() -> !received.bodies().contains("rollback"));
    }

    @Test
    void requestReply() throws Exception {
        MqClient client = client();
        String topic = rocketmq.createTopic("request", 2);
        Producer replies = producer(client);
        client.pushConsumer(consumerConfig(uniqueName("replier"), topic).build(), messages -> {
            messages.forEach(m -> replies.sendReply(m, utf8("re: " + text(m))));
            return ConsumeStatus.SUCCESS;
        }).start();
        Producer requester = producer(client());

        ReceivedMessage reply = requester.request(new Message(topic, utf8("ping")), Duration.ofSeconds(30))
                .get(60, TimeUnit.SECONDS);

        assertThat(text(reply)).isEqualTo("re: ping");
        assertThat(reply.topic()).isEqualTo(ApacheRocketMq.CLUSTER + "_REPLY_TOPIC");
    }

    @Test
    void failedMessagesAreRetriedThenDeadLettered() {
        MqClient client = client();
        String topic = rocketmq.createTopic("retry", 1);
        String group = uniqueName("rg");
        List<ReceivedMessage> deliveries = new CopyOnWriteArrayList<>();
        client.pushConsumer(consumerConfig(group, topic).maxReconsumeTimes(2).build(), messages -> {
            deliveries.addAll(messages);
            return ConsumeStatus.RETRY;
        }).start();
        SendResult sent = producer(client).send(new Message(topic, utf8("always-fails")));

        await().atMost(PATIENCE).until(() -> deliveries.size() == 3);
        assertThat(deliveries).extracting(ReceivedMessage::reconsumeTimes).containsExactly(0, 1, 2);
        assertThat(deliveries).extracting(ReceivedMessage::topic).containsOnly(topic);
        assertThat(deliveries).extracting(ReceivedMessage::msgId).containsOnly(sent.msgId());
        await().atMost(PATIENCE).until(() -> rocketmq.brokerController().getMessageStore()
                .getMaxOffsetInQueue("%DLQ%" + group, 0) == 1);
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> deliveries.size() == 3);
    }

    @Test
    void theBrokerListsAGroupsLiveMembersAndSubscriptions() {
        MqClient client = client();
        String topic = rocketmq.createTopic("members", 2);
        String group = uniqueName("members");
        MqClient other = client();
        assertThat(other.consumerGroupMembers(group, topic)).isEmpty(); // CONSUMER_NOT_ONLINE
        client.pushConsumer(ConsumerConfig.builder(group).subscribe(Subscription.tag(topic, "a || b")).build(),
                new Received()).start();

        io.nimbusmq.client.consumer.ConsumerGroupMembers members = other.consumerGroupMembers(group, topic)
                .orElseThrow();
        assertThat(members.clientIds()).containsExactly(client.clientId());
        assertThat(members.messageModel())
                .isEqualTo(io.nimbusmq.remoting.protocol.body.client.MessageModel.CLUSTERING);
        assertThat(members.subscriptions()).containsKey("%RETRY%" + group);
        assertThat(members.userSubscriptions()).containsOnlyKeys(topic);
        assertThat(members.userSubscriptions().get(topic)).isEqualTo(Subscription.tag(topic, "a || b"));
    }

    @Test
    void ourConsumerAndTheOfficialOneSplitTheQueuesOfAMixedGroup() throws Exception {
        MqClient client = client();
        String topic = rocketmq.createTopic("mixed", 8);
        String group = uniqueName("mixed");
        Received ours = new Received();
        ClientPushConsumer our = (ClientPushConsumer) client.pushConsumer(consumerConfig(group, topic).build(), ours);
        our.start();
        List<String> theirs = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer official = patient(new DefaultMQPushConsumer(group));
        official.setNamesrvAddr(rocketmq.nameServerAddress());
        official.setInstanceName(uniqueName("official"));
        official.setConsumeFromWhere(org.apache.rocketmq.common.consumer.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        official.subscribe(topic, "*");
        official.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> theirs.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        official.start();
        rocketmq.closeAfterTest(official::shutdown);

        await().atMost(PATIENCE).untilAsserted(() -> {
            Set<Integer> mine = queueIds(our, topic);
            Set<Integer> other = officialQueueIds(official, topic);
            assertThat(other).hasSize(4);
            assertThat(mine).hasSize(4).doesNotContainAnyElementsOf(other);
        });
        Producer producer = producer(client);
        IntStream.range(0, 40).forEach(i -> producer.send(new Message(topic, utf8("m" + i))));

        await().atMost(PATIENCE).until(() -> ours.size() + theirs.size() >= 40);
        Set<String> all = new HashSet<>(ours.bodies());
        all.addAll(theirs);
        assertThat(all).hasSize(40);
        assertThat(ours.size()).isPositive();
        assertThat(theirs).isNotEmpty();
    }

    private static Set<Integer> queueIds(ClientPushConsumer consumer, String topic) {
        Set<Integer> ids = new HashSet<>();
        consumer.assignedQueues().stream().filter(q -> q.topic().equals(topic)).forEach(q -> ids.add(q.queueId()));
        return ids;
    }

    private static Set<Integer> officialQueueIds(DefaultMQPushConsumer consumer, String topic) {
        Set<Integer> ids = new HashSet<>();
        consumer.getDefaultMQPushConsumerImpl().getRebalanceImpl().getProcessQueueTable().forEach((mq, pq) -> {
            if (mq.getTopic().equals(topic) && !pq.isDropped()) {
                ids.add(mq.getQueueId());
            }
        });
        return ids;
    }

    @Test
    void orderlyConsumptionDeadLettersAMessagePastItsMaxReconsumeTimesAndMovesOn() {
        MqClient client = client();
        String topic = rocketmq.createTopic("odlq", 1);
        String group = uniqueName("odlq");
        List<ReceivedMessage> deliveries = new CopyOnWriteArrayList<>();
        client.pushConsumer(consumerConfig(group, topic).consumeMode(ConsumeMode.ORDERLY).maxReconsumeTimes(2)
                .suspendCurrentQueueTime(Duration.ofMillis(100)).build(), messages -> {
                    deliveries.addAll(messages);
                    return text(messages.get(0)).equals("poison") ? ConsumeStatus.RETRY : ConsumeStatus.SUCCESS;
                }).start();
        Producer producer = producer(client);
        producer.sendOrderly(new Message(topic, utf8("poison")), "k");
        producer.sendOrderly(new Message(topic, utf8("next")), "k");

        await().atMost(PATIENCE).until(() -> deliveries.stream().anyMatch(m -> text(m).equals("next")));
        assertThat(deliveries).extracting(m -> text(m) + "#" + m.reconsumeTimes())
                .containsExactly("poison#0", "poison#1", "poison#2", "next#0");
        await().atMost(PATIENCE).until(() -> rocketmq.brokerController().getMessageStore().getMaxOffsetInQueue("%DLQ%" + group, 0) == 1);
    }
}
