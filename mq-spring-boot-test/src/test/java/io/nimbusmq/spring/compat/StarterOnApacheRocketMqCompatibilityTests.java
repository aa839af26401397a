package io.nimbusmq.spring.compat;

import static io.nimbusmq.testkit.ApacheRocketMq.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

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
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.client.SendResult;
import io.nimbusmq.client.SendStatus;
import io.nimbusmq.client.consumer.ConsumeMode;
import io.nimbusmq.client.consumer.SelectorType;
import io.nimbusmq.client.producer.LocalTransactionState;
import io.nimbusmq.client.producer.TransactionSendResult;
import io.nimbusmq.spring.admin.MqAdmin;
import io.nimbusmq.spring.admin.TopicDeclarationReport;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.annotation.TransactionListener;
import io.nimbusmq.spring.autoconfigure.DevBroker;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.core.MqTransactionListener;
import io.nimbusmq.spring.core.SendOptions;
import io.nimbusmq.spring.it.OrderDto;
import io.nimbusmq.spring.support.MqHeaders;
import io.nimbusmq.spring.test.MessageCollector;
import io.nimbusmq.testkit.ApacheRocketMq;

/**
 * The starter as an application uses it, against a real Apache RocketMQ (5.3.1 broker, 5.2.0 name server, in this
 * JVM): a Spring Boot application whose {@code mq.name-server} points at Apache's name server; the template sends in
 * every mode and {@code @MessageListener} / {@code @TransactionListener} beans receive and answer. No embedded broker
 * runs. (A {@code SpringApplication} rather than {@code @SpringBootTest}: the application must start after Apache's
 * broker and close before it stops, which the extension order of {@code @SpringBootTest} does not allow.)
 */
@Tag("compat")
class StarterOnApacheRocketMqCompatibilityTests {

    @RegisterExtension
    static final ApacheRocketMq rocketmq = new ApacheRocketMq();

    static final Map<String, String> TOPICS = new ConcurrentHashMap<>();
    static final MessageCollector<Message<OrderDto>> SYNC = new MessageCollector<>();
    static final MessageCollector<String> ASYNC = new MessageCollector<>();
    static final MessageCollector<String> ORDERLY = new MessageCollector<>();
    static final MessageCollector<Message<String>> DELAYED = new MessageCollector<>();
    static final MessageCollector<String> TRANSACTIONS = new MessageCollector<>();
    static final List<String> CHECKED = new CopyOnWriteArrayList<>();
    static final MessageCollector<String> DEAR = new MessageCollector<>();
    static final List<OrderDto> CONVERTED = new CopyOnWriteArrayList<>();
    static final List<Long> SCHEDULED_ATTEMPTS = new CopyOnWriteArrayList<>();
    private static ConfigurableApplicationContext context;
    private static String DECLARED;
    private static MqTemplate template;

    /** The application, started once Apache's broker runs and closed before it stops. */
    @BeforeAll
    static void startTheApplication() {
        List<String> properties = new ArrayList<>(List.of("spring.application.name=starter-on-apache",
                "mq.name-server=" + rocketmq.nameServerAddress(),
                "mq.consumer.consume-from-where=CONSUME_FROM_FIRST_OFFSET", "mq.producer.reply-timeout=30s"));
        for (String name : List.of("sync", "async", "orderly", "delay", "tx", "reply", "sql", "badjson",
                "schedule")) {
            TOPICS.put(name, rocketmq.createTopic("starter-" + name, 4));
            properties.add("app.topic." + name + "=" + TOPICS.get(name));
        }
        DECLARED = ApacheRocketMq.uniqueName("starter-declared");
        properties.add("mq.topics." + DECLARED + ".queues=6");
        properties.add("mq.topics." + DECLARED + ".message-type=FIFO");
        context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .properties(properties.toArray(String[]::new)).run();
        template = context.getBean(MqTemplate.class);
    }

    @AfterAll
    static void closeTheApplication() {
        if (context != null) {
            context.close();
        }
    }

    private static String topic(String name) {
        return TOPICS.get(name);
    }

    @Test
    void apachesBrokerHonoursAListenersRetrySchedule() {
        template.syncSend(topic("schedule"), "fails-once");
        await().atMost(PATIENCE.plusSeconds(60)).until(() -> SCHEDULED_ATTEMPTS.size() == 2);
        // retryDelays = "2": delay level 2, the one 2 s level of this broker (ApacheRocketMq.DELAY_LEVELS), where
        // Apache's own choice for a first retry is level 3 (1 s here); a lower bound, whatever the load
        assertThat(Duration.ofNanos(SCHEDULED_ATTEMPTS.get(1) - SCHEDULED_ATTEMPTS.get(0)))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void noEmbeddedBrokerRunsAndSendsReachApache() {
        assertThat(context.getBeansOfType(DevBroker.class)).isEmpty();
        assertThat(context.getBeansOfType(EmbeddedBroker.class)).isEmpty();
        SendResult result = template.syncSend(topic("sync") + ":created", OrderDto.sample("where"));
        assertThat(result.messageQueue().brokerName()).isEqualTo(ApacheRocketMq.BROKER_NAME);
        SYNC.awaitMatch(m -> m.getPayload().id().equals("where"), PATIENCE);
    }

    @Test
    void aSyncSendArrivesWithItsPayloadKeysTagAndHeaders() {
        SendResult sent = template.syncSend(topic("sync") + ":created", OrderDto.sample("o-1"),
                SendOptions.none().keys("o-1").header("region", "eu"));
        assertThat(sent.status()).isEqualTo(SendStatus.SEND_OK);

        Message<OrderDto> received = SYNC.awaitMatch(m -> m.getPayload().id().equals("o-1"), PATIENCE);
        assertThat(received.getPayload()).isEqualTo(OrderDto.sample("o-1"));
        assertThat(received.getHeaders()).containsEntry(MqHeaders.KEYS, "o-1").containsEntry(MqHeaders.TAGS, "created")
                .containsEntry("region", "eu").containsEntry(MqHeaders.MESSAGE_ID, sent.msgId())
                .containsEntry(MqHeaders.BROKER_NAME, ApacheRocketMq.BROKER_NAME);
    }

    @Test
    void asyncAndOneWaySendsArrive() {
        List<CompletableFuture<SendResult>> futures = IntStream.range(0, 5)
                .mapToObj(i -> template.asyncSend(topic("async"), "async-" + i)).toList();
        template.sendOneWay(topic("async"), "oneway");
        futures.forEach(future -> assertThat(future.join().status()).isEqualTo(SendStatus.SEND_OK));

        ASYNC.awaitMatch("oneway"::equals, PATIENCE);
        IntStream.range(0, 5).forEach(i -> ASYNC.awaitMatch(("async-" + i)::equals, PATIENCE));
    }

    @Test
    void orderlySendsAreConsumedInOrderPerKey() {
        for (int i = 0; i < 12; i++) {
            for (String key : List.of("a", "b", "c")) {
                template.syncSendOrderly(topic("orderly"), key + ":" + i, key);
            }
        }
        List<String> received = ORDERLY.awaitCount(36, PATIENCE);
        for (String key : List.of("a", "b", "c")) {
            assertThat(received.stream().filter(body -> body.startsWith(key + ":"))
                    .map(body -> Integer.parseInt(body.substring(2))).toList())
                    .containsExactlyElementsOf(IntStream.range(0, 12).boxed().toList());
        }
    }

    @Test
    void aDelayLevelMessageArrivesAfterItsDelay() {
        long sentAt = System.currentTimeMillis();
        template.syncSend(topic("delay"), "level-1", SendOptions.delayLevel(1)); // Apache's level 1: 1 s here

        Message<String> received = DELAYED.awaitMatch(m -> m.getPayload().equals("level-1"), PATIENCE);
        assertThat(received.getHeaders()).containsEntry("DELAY", "1");
        assertThat((Long) received.getHeaders().get(MqHeaders.STORE_TIMESTAMP) - sentAt).isGreaterThanOrEqualTo(900);
    }

    @Test
    void transactionsCommitRollBackAndAreCheckedBack() {
        TransactionSendResult committed = template.sendInTransaction(topic("tx"), "commit-1", null);
        TransactionSendResult rolledBack = template.sendInTransaction(topic("tx"), "rollback-1", null);
        TransactionSendResult unknown = template.sendInTransaction(topic("tx"), "unknown-1", null);
        assertThat(committed.localState()).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        assertThat(rolledBack.localState()).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        assertThat(unknown.localState()).isEqualTo(LocalTransactionState.UNKNOW);

        TRANSACTIONS.awaitMatch("commit-1"::equals, PATIENCE);
        TRANSACTIONS.awaitMatch("unknown-1"::equals, PATIENCE); // committed by Apache's check-back (every second)
        assertThat(CHECKED).contains("unknown-1");
        template.syncSend(topic("tx"), "marker");
        TRANSACTIONS.awaitMatch("marker"::equals, PATIENCE);
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE).untilAsserted(() -> assertThat(TRANSACTIONS.received())
                .as("checked back: %s", CHECKED).doesNotContain("rollback-1"));
    }

    @Test
    void requestReplyIsAnsweredByTheListenersReturnValue() {
        OrderDto reply = template.sendAndReceive(topic("reply"), "o-7", OrderDto.class);
        assertThat(reply).isEqualTo(OrderDto.sample("o-7"));
    }

    @Test
    void decimalHeadersMatchAnIntegerComparisonOnApachesFilter() {
        template.syncSend(topic("sql"), "decimal-250", SendOptions.orderly("one-queue")
                .header("amount", new BigDecimal("250.00")));
        template.syncSend(topic("sql"), "double-300", SendOptions.orderly("one-queue").header("amount", 300.0));
        template.syncSend(topic("sql"), "decimal-50", SendOptions.orderly("one-queue")
                .header("amount", new BigDecimal("50.00")));
        template.syncSend(topic("sql"), "marker", SendOptions.orderly("one-queue").header("amount", 1000));

        // one queue: once the last message arrived, the broker's filter has passed over every earlier one
        List.of("decimal-250", "double-300", "marker").forEach(body -> DEAR.awaitMatch(body::equals, PATIENCE));
        assertThat(DEAR.received()).containsExactlyInAnyOrder("decimal-250", "double-300", "marker");
    }

    @Test
    void aPayloadThatCannotBeConvertedGoesToApachesDeadLetterQueueAtOnce() {
        template.syncSend(topic("badjson"), "{not json");
        String dlq = "%DLQ%" + topic("badjson");
        await().atMost(PATIENCE).until(() -> rocketmq.brokerController().getMessageStore()
                .getMaxOffsetInQueue(dlq, 0) == 1);
        assertThat(CONVERTED).isEmpty();
        // not retried: Apache's retry topic of the group never got the message
        assertThat(rocketmq.brokerController().getMessageStore().getMaxOffsetInQueue("%RETRY%" + topic("badjson"),
                0)).isZero();
    }

    @Test
    void aDeclaredTopicIsCreatedOnApacheWithItsQueuesAndMessageType() {
        TopicDeclarationReport report = context.getBean(MqAdmin.class).report();
        assertThat(report.with(TopicDeclarationReport.Outcome.CREATED)).extracting(o -> o.topic().name())
                .containsExactly(DECLARED);
        org.apache.rocketmq.common.TopicConfig created = rocketmq.brokerController().getTopicConfigManager()
                .selectTopicConfig(DECLARED);
        assertThat(created.getReadQueueNums()).isEqualTo(6);
        assertThat(created.getWriteQueueNums()).isEqualTo(6);
        assertThat(created.getAttributes()).containsEntry("message.type", "FIFO");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(template.syncSendOrderly(DECLARED, "fifo-1", "k")
                .status()).isEqualTo(SendStatus.SEND_OK));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({Listeners.class, Transactions.class})
    static class App {
    }

    static class Listeners {
        @MessageListener(topic = "${app.topic.sync}", consumerGroup = "${app.topic.sync}", selectorExpression = "created")
        void sync(Message<OrderDto> message) {
            SYNC.add(message);
        }

        @MessageListener(topic = "${app.topic.async}", consumerGroup = "${app.topic.async}")
        void async(String body) {
            ASYNC.add(body);
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
        void transactions(String body) {
            TRANSACTIONS.add(body);
        }

        @MessageListener(topic = "${app.topic.reply}", consumerGroup = "${app.topic.reply}")
        OrderDto reply(String id) {
            return OrderDto.sample(id);
        }

        @MessageListener(topic = "${app.topic.badjson}", consumerGroup = "${app.topic.badjson}")
        void badJson(OrderDto order) {
            CONVERTED.add(order);
        }

        @MessageListener(topic = "${app.topic.schedule}", consumerGroup = "${app.topic.schedule}", retryDelays = "2")
        void scheduled(String body) {
            SCHEDULED_ATTEMPTS.add(System.nanoTime());
            if (SCHEDULED_ATTEMPTS.size() == 1) {
                throw new IllegalStateException("failing the first attempt on purpose");
            }
        }

        @MessageListener(topic = "${app.topic.sql}", consumerGroup = "${app.topic.sql}",
                selectorType = SelectorType.SQL92, selectorExpression = "amount > 100")
        void dear(String body) {
            DEAR.add(body);
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
            // an unknown outcome has committed by the time the broker asks
            outcomes.put(body, state == LocalTransactionState.UNKNOW ? LocalTransactionState.COMMIT_MESSAGE : state);
            return state;
        }

        @Override
        public LocalTransactionState checkLocalTransaction(Message<String> message) {
            CHECKED.add(message.getPayload());
            return outcomes.getOrDefault(message.getPayload(), LocalTransactionState.ROLLBACK_MESSAGE);
        }
    }
}
