package io.nimbusmq.client;

import static io.nimbusmq.testkit.OfficialClients.patient;
import static io.nimbusmq.client.NimbusBrokerExtension.PATIENCE;
import static io.nimbusmq.client.NimbusBrokerExtension.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.nimbusmq.client.consumer.ConsumeMode;
import io.nimbusmq.client.consumer.ConsumeStatus;
import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.MessageHandler;
import io.nimbusmq.client.consumer.PushConsumer;
import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.client.internal.consumer.ClientPushConsumer;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.client.producer.ProducerConfig;
import io.nimbusmq.remoting.netty.NettyRemotingClient;
import io.nimbusmq.remoting.netty.RemotingClientConfig;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;
import io.nimbusmq.remoting.protocol.body.client.MessageModel;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Our push consumer against the embedded broker: clustering, broadcasting, orderly, flow control, shutdown. */
class PushConsumerIntegrationTests {

    @RegisterExtension
    static final NimbusBrokerExtension broker = new NimbusBrokerExtension();

    @TempDir
    Path offsetDir;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(ReceivedMessage m) {
        return new String(m.body(), StandardCharsets.UTF_8);
    }

    private Producer producer(MqClient client) {
        Producer producer = client.producer(ProducerConfig.builder(uniqueName("pg")).sendTimeout(PATIENCE).build());
        producer.start();
        return producer;
    }

    private ConsumerConfig.Builder config(String group, String topic) {
        return ConsumerConfig.builder(group).subscribe(Subscription.all(topic))
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                .persistOffsetInterval(Duration.ofMillis(500))
                .offsetStoreDir(offsetDir);
    }

    private static List<MessageQueue> topicQueues(PushConsumer consumer, String topic) {
        return ((ClientPushConsumer) consumer).assignedQueues().stream().filter(q -> q.topic().equals(topic)).toList();
    }

    private static void send(Producer producer, String topic, String prefix, int count) {
        IntStream.range(0, count).forEach(i -> producer.send(new Message(topic, utf8(prefix + i))));
    }

    @Test
    void clusteringMembersSplitTheQueuesOnJoinAndLeaveWithoutLosingMessages() {
        String topic = broker.createTopic("cluster", 4);
        String group = uniqueName("cg");
        Producer producer = producer(broker.client());
        Received a = new Received();
        Received b = new Received();
        PushConsumer first = broker.client().pushConsumer(config(group, topic).build(), a);
        first.start();
        await().atMost(PATIENCE).until(() -> topicQueues(first, topic).size() == 4);
        send(producer, topic, "before-", 20);

        PushConsumer second = broker.client().pushConsumer(config(group, topic).build(), b);
        second.start();
        await().atMost(PATIENCE).until(() -> topicQueues(first, topic).size() == 2
                && topicQueues(second, topic).size() == 2);
        assertThat(topicQueues(first, topic)).doesNotContainAnyElementsOf(topicQueues(second, topic));
        send(producer, topic, "during-", 20);
        await().atMost(PATIENCE).until(() -> distinctBodies(a, b).size() == 40);

        assertThat(second.shutdown(Duration.ofSeconds(30))).isTrue();
        await().atMost(PATIENCE).until(() -> topicQueues(first, topic).size() == 4);
        send(producer, topic, "after-", 20);

        await().atMost(PATIENCE).until(() -> distinctBodies(a, b).size() == 60);
        assertThat(b.size()).isPositive();
    }

    private static Set<String> distinctBodies(Received... receivers) {
        Set<String> bodies = new HashSet<>();
        for (Received r : receivers) {
            bodies.addAll(r.bodies());
        }
        return bodies;
    }

    @Test
    void broadcastingDeliversEverythingToEveryMemberAndTheOffsetFileSurvivesARestart() throws Exception {
        String topic = broker.createTopic("broadcast", 2);
        String group = uniqueName("bg");
        Producer producer = producer(broker.client());
        String instance = uniqueName("bc");
        Received one = new Received();
        Received two = new Received();
        MqClient firstClient = MqClient.create(ClientConfig.builder().nameServer(broker.address())
                .instanceName(instance).build());
        PushConsumer first = firstClient.pushConsumer(config(group, topic)
                .messageModel(MessageModel.BROADCASTING).build(), one);
        first.start();
        PushConsumer other = broker.client().pushConsumer(config(group, topic)
                .messageModel(MessageModel.BROADCASTING).build(), two);
        other.start();
        send(producer, topic, "b", 10);
        await().atMost(PATIENCE).until(() -> one.size() == 10 && two.size() == 10);
        firstClient.close();
        try (var files = Files.walk(offsetDir)) {
            assertThat(files.filter(p -> p.getFileName().toString().equals("offsets.json"))).isNotEmpty();
        }

        send(producer, topic, "later", 5);
        Received restarted = new Received();
        MqClient again = broker.closeAfterTest(MqClient.create(ClientConfig.builder().nameServer(broker.address())
                .instanceName(instance).build()));
        again.pushConsumer(config(group, topic).messageModel(MessageModel.BROADCASTING).build(), restarted).start();

        await().atMost(PATIENCE).until(() -> restarted.size() >= 5);
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> restarted.size() == 5);
        assertThat(restarted.bodies()).allMatch(body -> body.startsWith("later"));
    }

    @Test
    void aConsumerStartedBeforeItsTopicExistsFindsItsRouteWithinSecondsNotAtTheNextRebalance() {
        String topic = uniqueName("late"); // not created yet: the name server knows no route
        MqClient client = broker.closeAfterTest(MqClient.create(ClientConfig.builder().nameServer(broker.address())
                .instanceName(uniqueName("late-client")).routeRefreshInterval(Duration.ofMinutes(10)).build()));
        Received received = new Received();
        // periodic route refresh and rebalance 10 minutes apart: only the missing-route watch can find the topic
        ClientPushConsumer consumer = (ClientPushConsumer) client.pushConsumer(config(uniqueName("late"), topic)
                .rebalanceInterval(Duration.ofMinutes(10)).build(), received);
        consumer.start();
        assertThat(consumer.topicsWithoutRoute()).contains(topic);
        await().atMost(PATIENCE).until(() -> consumer.missingRouteLookups() >= 1);
        assertThat(consumer.topicsWithoutRoute()).contains(topic);

        broker.broker().runtime().topics().createOrUpdate(io.nimbusmq.remoting.protocol.body.TopicConfig.of(topic, 2));
        producer(broker.client()).send(new Message(topic, utf8("first")));

        await().atMost(PATIENCE).until(() -> received.size() == 1);
        assertThat(received.bodies()).containsExactly("first");
        assertThat(consumer.topicsWithoutRoute()).doesNotContain(topic);
        assertThat(topicQueues(consumer, topic)).hasSize(2);
    }

    @Test
    void orderlyConsumptionKeepsTheOrderOfEachKeyAndRetriesLocally() {
        String topic = broker.createTopic("orderly", 4);
        Producer producer = producer(broker.client());
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        AtomicInteger failuresLeft = new AtomicInteger(2);
        List<Integer> reconsumeTimesOfFailed = new CopyOnWriteArrayList<>();
        MessageHandler handler = messages -> {
            ReceivedMessage m = messages.get(0);
            String[] parts = text(m).split(":");
            if (parts[0].equals("k1") && parts[1].equals("5") && failuresLeft.getAndDecrement() > 0) {
                return ConsumeStatus.RETRY;
            }
            if (parts[0].equals("k1") && parts[1].equals("5")) {
                reconsumeTimesOfFailed.add(m.reconsumeTimes());
            }
            seen.computeIfAbsent(parts[0], k -> new CopyOnWriteArrayList<>()).add(Integer.parseInt(parts[1]));
            return ConsumeStatus.SUCCESS;
        };
        PushConsumer consumer = broker.client().pushConsumer(config(uniqueName("og"), topic)
                .consumeMode(ConsumeMode.ORDERLY).suspendCurrentQueueTime(Duration.ofMillis(100)).build(), handler);
        consumer.start();
        for (int i = 0; i < 20; i++) {
            for (String key : List.of("k0", "k1", "k2")) {
                producer.sendOrderly(new Message(topic, utf8(key + ":" + i)), key);
            }
        }

        await().atMost(PATIENCE).until(() -> seen.values().stream().mapToInt(List::size).sum() == 60);
        List<Integer> expected = IntStream.range(0, 20).boxed().toList();
        assertThat(seen).hasSize(3).allSatisfy((key, order) -> assertThat(order).containsExactlyElementsOf(expected));
        assertThat(reconsumeTimesOfFailed).containsExactly(2);
    }

    @Test
    void flowControlStopsPullingWhileTooManyMessagesWait() throws Exception {
        String topic = broker.createTopic("flow", 1);
        Producer producer = producer(broker.client());
        send(producer, topic, "f", 200);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger handled = new AtomicInteger();
        PushConsumer consumer = broker.client().pushConsumer(config(uniqueName("fg"), topic)
                .pullThresholdForQueue(10).pullBatchSize(16).consumeThreads(1).build(), messages -> {
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    handled.incrementAndGet();
                    return ConsumeStatus.SUCCESS;
                });
        consumer.start();
        ClientPushConsumer internals = (ClientPushConsumer) consumer;

        await().atMost(PATIENCE).until(() -> internals.cachedMessageCount() > 0);
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE)
                .until(() -> internals.cachedMessageCount() <= 10 + 16);
        release.countDown();
        await().atMost(PATIENCE).until(() -> handled.get() == 200);
    }

    @Test
    void gracefulShutdownDrainsCommitsAndLeavesTheRestToTheGroup() {
        String topic = broker.createTopic("drain", 2);
        String group = uniqueName("dg");
        Producer producer = producer(broker.client());
        send(producer, topic, "d", 60);
        List<String> firstHandled = new CopyOnWriteArrayList<>();
        PushConsumer first = broker.client().pushConsumer(config(group, topic).consumeThreads(2).build(), messages -> {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            messages.forEach(m -> firstHandled.add(text(m)));
            return ConsumeStatus.SUCCESS;
        });
        first.start();
        await().atMost(PATIENCE).until(() -> firstHandled.size() >= 5);

        assertThat(first.shutdown(Duration.ofSeconds(30))).isTrue();
        assertThat(first.isRunning()).isFalse();
        int handledByFirst = firstHandled.size();
        long committed = broker.broker().runtime().offsets().offsets(group, topic).values().stream()
                .mapToLong(Long::longValue).sum();
        assertThat(committed).isEqualTo(handledByFirst);

        Received second = new Received();
        broker.client().pushConsumer(config(group, topic).build(), second).start();
        await().atMost(PATIENCE).until(() -> handledByFirst + second.size() >= 60);
        List<String> all = new ArrayList<>(firstHandled);
        all.addAll(second.bodies());
        assertThat(all).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 60).mapToObj(i -> "d" + i).toList());
    }

    @Test
    void ourConsumerAndTheOfficialOneSplitTheQueuesOfAMixedGroup() throws Exception {
        String topic = broker.createTopic("mixed", 8);
        String group = uniqueName("mixed");
        Received ours = new Received();
        PushConsumer our = broker.client().pushConsumer(config(group, topic).build(), ours);
        our.start();
        List<String> theirs = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer official = patient(new DefaultMQPushConsumer(group));
        official.setNamesrvAddr(broker.address());
        official.setInstanceName(uniqueName("official"));
        official.setConsumeFromWhere(org.apache.rocketmq.common.consumer.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        official.subscribe(topic, "*");
        official.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> theirs.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        official.start();
        broker.closeAfterTest(official::shutdown);

        await().atMost(PATIENCE).untilAsserted(() -> {
            Set<Integer> other = new HashSet<>();
            official.getDefaultMQPushConsumerImpl().getRebalanceImpl().getProcessQueueTable().forEach((mq, pq) -> {
                if (mq.getTopic().equals(topic) && !pq.isDropped()) {
                    other.add(mq.getQueueId());
                }
            });
            Set<Integer> mine = new HashSet<>();
            topicQueues(our, topic).forEach(q -> mine.add(q.queueId()));
            assertThat(other).hasSize(4);
            assertThat(mine).hasSize(4).doesNotContainAnyElementsOf(other);
        });
        Producer producer = producer(broker.client());
        send(producer, topic, "m", 40);
        await().atMost(PATIENCE).until(() -> {
            Set<String> all = new HashSet<>(ours.bodies());
            all.addAll(theirs);
            return all.size() == 40;
        });
        assertThat(ours.size()).isPositive();
        assertThat(theirs).isNotEmpty();
    }

    @Test
    void failedMessagesComeBackThroughTheRetryTopicThenGoToTheDeadLetterQueue() {
        String topic = broker.createTopic("retry", 1);
        String group = uniqueName("rg");
        Producer producer = producer(broker.client());
        List<ReceivedMessage> deliveries = new CopyOnWriteArrayList<>();
        PushConsumer consumer = broker.client().pushConsumer(config(group, topic).maxReconsumeTimes(2).build(),
                messages -> {
                    deliveries.addAll(messages);
                    return ConsumeStatus.RETRY;
                });
        consumer.start();
        SendResult sent = producer.send(new Message(topic, utf8("try-me")).tags("t"));

        await().atMost(PATIENCE).until(() -> deliveries.size() >= 3);
        assertThat(deliveries).extracting(ReceivedMessage::reconsumeTimes).containsExactly(0, 1, 2);
        assertThat(deliveries).extracting(ReceivedMessage::topic).containsOnly(topic);
        assertThat(deliveries).extracting(ReceivedMessage::msgId).containsOnly(sent.msgId());
        assertThat(deliveries).extracting(PushConsumerIntegrationTests::text).containsOnly("try-me");
        await().atMost(PATIENCE).until(() -> broker.broker().messageStore().maxOffsetInQueue("%DLQ%" + group, 0) == 1);
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> deliveries.size() == 3);
    }

    @Test
    void aDeadLetterIsSentBackToItsTopicByTheClient() {
        String topic = broker.createTopic("resend", 1);
        String group = uniqueName("dg");
        Producer producer = producer(broker.client());
        AtomicBoolean failing = new AtomicBoolean(true);
        List<ReceivedMessage> deliveries = new CopyOnWriteArrayList<>();
        MqClient client = broker.client();
        client.pushConsumer(config(group, topic).maxReconsumeTimes(0).build(), messages -> {
            deliveries.addAll(messages);
            return failing.get() ? ConsumeStatus.RETRY : ConsumeStatus.SUCCESS;
        }).start();
        SendResult sent = producer.send(new Message(topic, utf8("dead-then-alive")));
        await().atMost(PATIENCE).until(() -> broker.broker().messageStore().maxOffsetInQueue("%DLQ%" + group, 0) == 1);
        assertThat(deliveries).hasSize(1);

        failing.set(false);
        DeadLetterResent resent = client.resendDeadLetter(group, sent.msgId());
        assertThat(resent.topic()).isEqualTo(topic);
        assertThat(resent.brokerAddress()).isEqualTo(broker.address());
        await().atMost(PATIENCE).until(() -> deliveries.size() == 2);
        assertThat(deliveries.get(1).msgId()).isEqualTo(sent.msgId());
        assertThat(deliveries.get(1).topic()).isEqualTo(topic);
        assertThat(deliveries.get(1).reconsumeTimes()).isZero();
        assertThat(text(deliveries.get(1))).isEqualTo("dead-then-alive");

        assertThatThrownBy(() -> client.resendDeadLetter(group, "0A0000010000000000000000DEADBEEF"))
                .isInstanceOf(MqClientException.class).hasMessageContaining("%DLQ%" + group)
                .extracting(e -> ((MqClientException) e).responseCode()).isEqualTo(ResponseCode.QUERY_NOT_FOUND);
    }

    @Test
    void theBrokerGetsOurConsumersRunningInfo() {
        String topic = broker.createTopic("info", 1);
        String group = uniqueName("ig");
        MqClient client = broker.client();
        client.pushConsumer(config(group, topic).build(), new Received()).start();
        try (NettyRemotingClient admin = new NettyRemotingClient(RemotingClientConfig.defaults())) {
            RemotingCommand response = await().atMost(PATIENCE).ignoreExceptions().until(() -> admin.invokeSync(
                    broker.address(), RemotingCommand.createRequest(RequestCode.GET_CONSUMER_RUNNING_INFO)
                            .putExtField("consumerGroup", group).putExtField("clientId", client.clientId()),
                    5_000).get(), r -> r.code() == ResponseCode.SUCCESS);

            assertThat(new String(response.body(), StandardCharsets.UTF_8))
                    .contains("subscriptionSet", topic, "CONSUME_PASSIVELY");
        }
    }

    @Test
    void orderlyConsumptionDeadLettersAMessagePastItsMaxReconsumeTimesAndMovesOn() {
        String topic = broker.createTopic("odlq", 1);
        String group = uniqueName("odlq");
        List<ReceivedMessage> deliveries = new CopyOnWriteArrayList<>();
        broker.client().pushConsumer(config(group, topic).consumeMode(ConsumeMode.ORDERLY).maxReconsumeTimes(2)
                .suspendCurrentQueueTime(Duration.ofMillis(100)).build(), messages -> {
                    deliveries.addAll(messages);
                    return text(messages.get(0)).equals("poison") ? ConsumeStatus.RETRY : ConsumeStatus.SUCCESS;
                }).start();
        Producer producer = producer(broker.client());
        producer.sendOrderly(new Message(topic, utf8("poison")), "k");
        producer.sendOrderly(new Message(topic, utf8("next")), "k");

        await().atMost(PATIENCE).until(() -> deliveries.stream().anyMatch(m -> text(m).equals("next")));
        assertThat(deliveries).extracting(m -> text(m) + "#" + m.reconsumeTimes())
                .containsExactly("poison#0", "poison#1", "poison#2", "next#0");
        await().atMost(PATIENCE).until(() -> broker.broker().messageStore().maxOffsetInQueue("%DLQ%" + group, 0) == 1);
    }
}
