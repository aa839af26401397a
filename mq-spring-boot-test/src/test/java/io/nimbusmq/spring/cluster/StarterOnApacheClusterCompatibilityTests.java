package io.nimbusmq.spring.cluster;

import static io.nimbusmq.testkit.ApacheRocketMqCluster.BROKER_A;
import static io.nimbusmq.testkit.ApacheRocketMqCluster.BROKER_B;
import static io.nimbusmq.testkit.ApacheRocketMqCluster.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.apache.rocketmq.broker.BrokerController;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.Header;

import io.nimbusmq.client.SendResult;
import io.nimbusmq.client.consumer.ConsumeMode;
import io.nimbusmq.client.producer.LocalTransactionState;
import io.nimbusmq.client.producer.TransactionSendResult;
import io.nimbusmq.remoting.protocol.body.client.MessageModel;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.annotation.TransactionListener;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.core.MqTransactionListener;
import io.nimbusmq.spring.core.SendOptions;
import io.nimbusmq.spring.it.OrderDto;
import io.nimbusmq.spring.support.MqHeaders;
import io.nimbusmq.spring.test.MessageCollector;
import io.nimbusmq.testkit.ApacheRocketMqCluster;

/**
 * The starter on a real Apache RocketMQ cluster (two masters, broker-a with a synchronous slave; see
 * {@link ApacheRocketMqCluster}), configured with nothing but {@code mq.name-server}: the same application code as on
 * the embedded broker, every feature spread over both masters. (Applications are started with
 * {@code SpringApplication} so that they start after the cluster and stop before it.)
 */
@Tag("cluster")
class StarterOnApacheClusterCompatibilityTests {

    @RegisterExtension
    static final ApacheRocketMqCluster cluster = new ApacheRocketMqCluster();

    static final Map<String, String> TOPICS = new ConcurrentHashMap<>();
    static final MessageCollector<Message<String>> SPREAD = new MessageCollector<>();
    static final MessageCollector<String> ORDERLY = new MessageCollector<>();
    static final MessageCollector<Message<String>> DELAYED = new MessageCollector<>();
    static final MessageCollector<Message<String>> TRANSACTIONS = new MessageCollector<>();
    static final MessageCollector<String> BATCH = new MessageCollector<>();
    static final MessageCollector<String> RETRIED = new MessageCollector<>();
    static final List<String> CHECKED = new CopyOnWriteArrayList<>();
    static final Map<String, Integer> ATTEMPTS = new ConcurrentHashMap<>();
    private static ConfigurableApplicationContext context;
    private static MqTemplate template;

    @BeforeAll
    static void startTheApplication() {
        List<String> properties = new ArrayList<>(List.of("mq.name-server=" + cluster.nameServerAddress(),
                // only for the test: the groups are new, and their first messages are sent right after start-up
                "mq.consumer.consume-from-where=CONSUME_FROM_FIRST_OFFSET"));
        for (String name : List.of("spread", "orderly", "delay", "tx", "reply", "batch", "retry", "twins")) {
            TOPICS.put(name, cluster.createTopic("cluster-" + name, 4));
            properties.add("app.topic." + name + "=" + TOPICS.get(name));
        }
        context = application(App.class, properties, "cluster-app");
        template = context.getBean(MqTemplate.class);
    }

    @AfterAll
    static void closeTheApplication() {
        if (context != null) {
            context.close();
        }
    }

    static ConfigurableApplicationContext application(Class<?> app, List<String> properties, String name) {
        return new SpringApplicationBuilder(app).web(WebApplicationType.NONE)
                .properties(properties.toArray(String[]::new)).properties("spring.application.name=" + name).run();
    }

    private static String topic(String name) {
        return TOPICS.get(name);
    }

    @Test
    void sendsSpreadOverTheQueuesOfBothMasters() {
        Set<String> queues = new HashSet<>();
        List<String> sent = sendUntil("spread-", body -> template.syncSend(topic("spread"), body),
                result -> queues.add(result.messageQueue().brokerName() + "/" + result.messageQueue().queueId())
                        && queues.size() == 8);
        assertThat(queues).anyMatch(q -> q.startsWith(BROKER_A)).anyMatch(q -> q.startsWith(BROKER_B));
        List<Message<String>> received = SPREAD.awaitCount(sent.size(), PATIENCE);
        assertThat(received).extracting(m -> m.getHeaders().get(MqHeaders.BROKER_NAME))
                .contains(BROKER_A, BROKER_B);
    }

    /**
     * Sends {@code prefix + i} for i = 0, 1, … until {@code enough} says so: the producer skips a broker that just
     * answered slowly (latency fault avoidance, as the official producer does), so how many sends reach both masters
     * depends on the machine's load.
     *
     * @return the bodies sent
     */
    private static List<String> sendUntil(String prefix, Function<String, SendResult> send,
            Predicate<SendResult> enough) {
        List<String> sent = new ArrayList<>();
        await("sends on both masters").atMost(PATIENCE).until(() -> {
            String body = prefix + sent.size();
            sent.add(body);
            return enough.test(send.apply(body));
        });
        return sent;
    }

    /** A predicate that is true once the results seen so far came from both masters. */
    private static Predicate<SendResult> onBothMasters() {
        Set<String> brokers = new HashSet<>();
        return result -> brokers.add(result.messageQueue().brokerName()) && brokers.size() == 2;
    }

    @Test
    void orderlySendsByKeyKeepEachKeysOrderAcrossBothMasters() {
        List<String> keys = List.of("a", "b", "c", "d", "e", "f", "g", "h");
        Set<String> brokers = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            for (String key : keys) {
                brokers.add(template.syncSendOrderly(topic("orderly"), key + ":" + i, key).messageQueue()
                        .brokerName());
            }
        }
        assertThat(brokers).containsExactlyInAnyOrder(BROKER_A, BROKER_B);
        List<String> received = ORDERLY.awaitCount(80, PATIENCE);
        for (String key : keys) {
            assertThat(received.stream().filter(body -> body.startsWith(key + ":"))
                    .map(body -> Integer.parseInt(body.substring(2))).toList())
                    .containsExactlyElementsOf(IntStream.range(0, 10).boxed().toList());
        }
    }

    @Test
    void delayLevelAndTimerMessagesArriveAfterTheirDelayFromEitherMaster() {
        long sentAt = System.currentTimeMillis();
        // Apache's level 2 is 2 s here (ApacheRocketMq.DELAY_LEVELS); the timer delay is any duration
        List<String> levels = sendUntil("level-", body -> template.syncSend(topic("delay"), body,
                SendOptions.delayLevel(2)), onBothMasters());
        List<String> timers = sendUntil("timer-", body -> template.syncSendDelayed(topic("delay"), body,
                Duration.ofSeconds(3)), onBothMasters());
        List<Message<String>> received = DELAYED.awaitCount(levels.size() + timers.size(), PATIENCE);
        for (Message<String> message : received) {
            // Apache's timer wheel fires on whole seconds (timerPrecisionMs=1000): up to a second early
            long earliest = message.getPayload().startsWith("level") ? 2_000 : 3_000 - 1_000;
            assertThat((Long) message.getHeaders().get(MqHeaders.STORE_TIMESTAMP) - sentAt)
                    .as(message.getPayload()).isGreaterThanOrEqualTo(earliest);
        }
    }

    @Test
    void transactionsAreCheckedBackByWhicheverMasterHoldsTheHalfMessage() {
        List<String> unknown = sendUntil("unknown-", body -> {
            TransactionSendResult result = template.sendInTransaction(topic("tx"), body, null);
            assertThat(result.localState()).isEqualTo(LocalTransactionState.UNKNOW);
            return result.sendResult();
        }, onBothMasters());
        template.sendInTransaction(topic("tx"), "commit-1", null);
        template.sendInTransaction(topic("tx"), "rollback-1", null);

        await().atMost(PATIENCE).until(() -> TRANSACTIONS.received().stream().map(Message::getPayload).toList()
                .containsAll(unknown));
        assertThat(CHECKED).containsAll(unknown);
        assertThat(TRANSACTIONS.received()).extracting(m -> m.getHeaders().get(MqHeaders.BROKER_NAME))
                .contains(BROKER_A, BROKER_B);
        TRANSACTIONS.awaitMatch(m -> m.getPayload().equals("commit-1"), PATIENCE);
        template.syncSend(topic("tx"), "marker");
        TRANSACTIONS.awaitMatch(m -> m.getPayload().equals("marker"), PATIENCE);
        assertThat(TRANSACTIONS.received()).extracting(Message::getPayload).doesNotContain("rollback-1");
    }

    @Test
    void requestReplyIsAnsweredAcrossTheCluster() {
        for (int i = 0; i < 4; i++) {
            assertThat(template.sendAndReceive(topic("reply"), "o-" + i, OrderDto.class))
                    .isEqualTo(OrderDto.sample("o-" + i));
        }
    }

    @Test
    void aBatchLandsOnOneQueueAndArrivesWhole() {
        List<String> bodies = IntStream.range(0, 10).mapToObj(i -> "batch-" + i).toList();
        SendResult result = template.syncSendBatch(topic("batch"), bodies);
        assertThat(result.messageQueue().brokerName()).isIn(BROKER_A, BROKER_B);
        assertThat(BATCH.awaitCount(10, PATIENCE)).containsExactlyInAnyOrderElementsOf(bodies);
    }

    @Test
    void failedMessagesAreRetriedThenDeadLetteredOnTheirOwnMaster() {
        List<String> failingOnce = sendUntil("fails-once-", body -> template.syncSend(topic("retry"), body),
                onBothMasters());
        List<String> poison = sendUntil("poison-", body -> template.syncSend(topic("retry"), body),
                onBothMasters());
        assertThat(RETRIED.awaitCount(failingOnce.size(), PATIENCE)).containsExactlyInAnyOrderElementsOf(failingOnce);
        String deadLetters = "%DLQ%" + topic("retry");
        await().atMost(PATIENCE).until(() -> deadLettered(cluster.masterOfBrokerA(), deadLetters)
                + deadLettered(cluster.masterOfBrokerB(), deadLetters) == poison.size());
        assertThat(ATTEMPTS).containsEntry("poison-0", 2).containsEntry("fails-once-0", 2);
    }

    private static long deadLettered(BrokerController broker, String topic) {
        return Math.max(0, broker.getMessageStore().getMaxOffsetInQueue(topic, 0));
    }

    /**
     * Two instances of one application: a CLUSTERING listener gets every message once in all, split between the
     * instances; a BROADCASTING listener gets every message in each instance.
     */
    @Test
    void twoInstancesShareClusteringMessagesAndEachGetsEveryBroadcast() {
        List<String> properties = List.of("mq.name-server=" + cluster.nameServerAddress(),
                "mq.consumer.consume-from-where=CONSUME_FROM_FIRST_OFFSET", "app.topic.twins=" + topic("twins"));
        try (ConfigurableApplicationContext one = application(Twin.class, properties, "twin");
                ConfigurableApplicationContext two = application(Twin.class, properties, "twin")) {
            Twin.Listeners first = one.getBean(Twin.Listeners.class);
            Twin.Listeners second = two.getBean(Twin.Listeners.class);
            MqTemplate sender = one.getBean(MqTemplate.class);
            // the group has settled when a round of probes (two per queue) reaches each queue's one owner once
            AtomicInteger round = new AtomicInteger();
            await("both instances own their share of the queues").atMost(PATIENCE.multipliedBy(3)).until(() -> {
                int r = round.incrementAndGet();
                List<String> probes = IntStream.range(0, 16).mapToObj(i -> "probe-" + r + "-" + i).toList();
                probes.forEach(probe -> sender.syncSend(topic("twins"), probe));
                await().atMost(PATIENCE).until(() -> clusteringOf(first, second, probes).containsAll(probes)
                        && first.broadcast.received().containsAll(probes)
                        && second.broadcast.received().containsAll(probes));
                return clusteringOf(first, second, probes).size() == probes.size()
                        && first.clustering.received().stream().anyMatch(probes::contains)
                        && second.clustering.received().stream().anyMatch(probes::contains);
            });

            List<String> sent = IntStream.range(0, 100).mapToObj(i -> "twin-" + i).toList();
            sent.forEach(body -> sender.syncSend(topic("twins"), body));

            await().atMost(PATIENCE).until(() -> clusteringOf(first, second, sent).containsAll(sent));
            assertThat(clusteringOf(first, second, sent)).as("each message once in all")
                    .containsExactlyInAnyOrderElementsOf(sent);
            assertThat(first.clustering.received()).anyMatch(sent::contains);
            assertThat(second.clustering.received()).anyMatch(sent::contains);
            await().atMost(PATIENCE).until(() -> first.broadcast.received().containsAll(sent)
                    && second.broadcast.received().containsAll(sent));
            assertThat(first.broadcast.received().stream().filter(sent::contains))
                    .containsExactlyInAnyOrderElementsOf(sent);
            assertThat(second.broadcast.received().stream().filter(sent::contains))
                    .containsExactlyInAnyOrderElementsOf(sent);
        }
    }

    /** What both CLUSTERING listeners received of {@code bodies}, duplicates kept. */
    private static List<String> clusteringOf(Twin.Listeners first, Twin.Listeners second, List<String> bodies) {
        List<String> all = new ArrayList<>(first.clustering.received());
        all.addAll(second.clustering.received());
        all.retainAll(bodies);
        return all;
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({Listeners.class, Transactions.class})
    static class App {
    }

    static class Listeners {
        @MessageListener(topic = "${app.topic.spread}", consumerGroup = "${app.topic.spread}")
        void spread(Message<String> message) {
            SPREAD.add(message);
        }

        @MessageListener(topic = "${app.topic.orderly}", consumerGroup = "${app.topic.orderly}",
                consumeMode = ConsumeMode.ORDERLY)
        void orderly(String body) {
            ORDERLY.add(body);
        }

        @MessageListener(topic = "${app.topic.delay}", consumerGroup = "${app.topic.delay}")
        void delayed(Message<String> message) {
            DELAYED.add(message);
        }

        @MessageListener(topic = "${app.topic.tx}", consumerGroup = "${app.topic.tx}")
        void transactions(Message<String> message) {
            TRANSACTIONS.add(message);
        }

        @MessageListener(topic = "${app.topic.reply}", consumerGroup = "${app.topic.reply}")
        OrderDto reply(String id) {
            return OrderDto.sample(id);
        }

        @MessageListener(topic = "${app.topic.batch}", consumerGroup = "${app.topic.batch}")
        void batch(String body) {
            BATCH.add(body);
        }

        @MessageListener(topic = "${app.topic.retry}", consumerGroup = "${app.topic.retry}", maxReconsumeTimes = "1")
        void retry(String body, @Header(MqHeaders.RECONSUME_TIMES) int reconsumeTimes) {
            ATTEMPTS.merge(body, 1, Integer::sum);
            if (body.startsWith("poison") || reconsumeTimes == 0) {
                throw new IllegalStateException("failing " + body + " on purpose");
            }
            RETRIED.add(body);
        }
    }

    /** Answers check-backs from what its local transactions did, as an application reads its database. */
    @TransactionListener(topics = "${app.topic.tx}")
    static class Transactions implements MqTransactionListener<String> {
        private final Map<String, LocalTransactionState> outcomes = new ConcurrentHashMap<>();

        @Override
        public LocalTransactionState executeLocalTransaction(Message<String> message, Object argument) {
            String body = message.getPayload();
            LocalTransactionState state = body.startsWith("commit") ? LocalTransactionState.COMMIT_MESSAGE
                    : body.startsWith("rollback") ? LocalTransactionState.ROLLBACK_MESSAGE
                    : LocalTransactionState.UNKNOW;
            outcomes.put(body, state == LocalTransactionState.UNKNOW ? LocalTransactionState.COMMIT_MESSAGE : state);
            return state;
        }

        @Override
        public LocalTransactionState checkLocalTransaction(Message<String> message) {
            CHECKED.add(message.getPayload());
            return outcomes.getOrDefault(message.getPayload(), LocalTransactionState.ROLLBACK_MESSAGE);
        }
    }

    /** The application run twice: one CLUSTERING and one BROADCASTING listener on the same topic. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Twin {
        @Bean
        Listeners listeners() {
            return new Listeners();
        }

        static class Listeners {
            final MessageCollector<String> clustering = new MessageCollector<>();
            final MessageCollector<String> broadcast = new MessageCollector<>();

            @MessageListener(topic = "${app.topic.twins}", consumerGroup = "twins-clustering")
            void clustering(String body) {
                clustering.add(body);
            }

            @MessageListener(topic = "${app.topic.twins}", consumerGroup = "twins-broadcast",
                    messageModel = MessageModel.BROADCASTING)
            void broadcast(String body) {
                broadcast.add(body);
            }
        }
    }
}
