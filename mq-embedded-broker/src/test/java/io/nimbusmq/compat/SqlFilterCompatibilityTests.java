package io.nimbusmq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.MessageSelector;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQL92 selectors ({@code MessageSelector.bySql}) with the official 5.3.1 push and lite pull consumers: one topic
 * per operator, each holding the same mixed set of messages with different properties, and each selector must
 * deliver exactly the messages an independent Java predicate picks. A bad expression fails the consumer's start with
 * SUBSCRIPTION_PARSE_FAILED while other consumers keep receiving; with the property filter off, SQL92 is refused
 * with SYSTEM_ERROR as by a RocketMQ broker with {@code enablePropertyFilter=false}.
 *
 * <p>Every queue of a topic ends with a "sentinel" message that its selector selects: once a consumer has it, it has
 * seen everything before it in that queue, so the sets compared are complete, and its offsets reach the end.
 */
@Tag("compat")
class SqlFilterCompatibilityTests {

    private static final int MESSAGES = 48;

    @RegisterExtension
    static final CompatBroker broker = new CompatBroker();

    /** An operator under test, its selector, and which messages it must select (written without our parser). */
    record Case(String operator, String sql, Predicate<Map<String, String>> selects) {
    }

    private static final List<Case> CASES = List.of(
            new Case("=", "region = 'eu'", p -> "eu".equals(p.get("region"))),
            new Case("<>", "region <> 'eu'", p -> p.containsKey("region") && !"eu".equals(p.get("region"))),
            new Case(">", "amount > 40", p -> amount(p) > 40),
            new Case(">=", "amount >= 40", p -> amount(p) >= 40),
            new Case("<", "amount < 5", p -> amount(p) < 5),
            new Case("<=", "amount <= 5", p -> amount(p) <= 5),
            new Case("BETWEEN", "amount BETWEEN 10 AND 20", p -> amount(p) >= 10 && amount(p) <= 20),
            new Case("NOT BETWEEN", "amount NOT BETWEEN 10 AND 40", p -> amount(p) < 10 || amount(p) > 40),
            new Case("IN", "TAGS IN ('TagA', 'TagC')", p -> "TagA".equals(p.get("TAGS"))),
            new Case("NOT IN", "region NOT IN ('eu', 'us')", p -> "apac".equals(p.get("region"))),
            new Case("IS NULL", "region IS NULL", p -> !p.containsKey("region")),
            new Case("IS NOT NULL", "price IS NOT NULL", p -> p.containsKey("price")),
            new Case("CONTAINS", "name CONTAINS 'vip'", p -> p.get("name").contains("vip")),
            new Case("NOT CONTAINS", "name NOT CONTAINS 'vip'", p -> !p.get("name").contains("vip")),
            new Case("STARTSWITH", "KEYS STARTSWITH 'k1'", p -> p.get("KEYS").startsWith("k1")),
            new Case("NOT STARTSWITH", "KEYS NOT STARTSWITH 'k1'", p -> !p.get("KEYS").startsWith("k1")),
            new Case("ENDSWITH", "name ENDSWITH '7'", p -> p.get("name").endsWith("7")),
            new Case("NOT ENDSWITH", "name NOT ENDSWITH '7'", p -> !p.get("name").endsWith("7")),
            new Case("NOT", "NOT (region = 'eu')", p -> p.containsKey("region") && !"eu".equals(p.get("region"))),
            new Case("AND OR ()", "(region = 'eu' OR region = 'us') AND NOT (amount < 10) AND price > 30.0",
                    p -> ("eu".equals(p.get("region")) || "us".equals(p.get("region"))) && amount(p) >= 10
                            && p.containsKey("price") && Double.parseDouble(p.get("price")) > 30.0),
            new Case("OR with UNKNOWN", "region = 'apac' OR TAGS = 'TagB'",
                    p -> "apac".equals(p.get("region")) || "TagB".equals(p.get("TAGS"))));

    @Test
    void pushConsumerReceivesExactlyWhatEachSelectorSelects() throws Exception {
        Map<String, Case> topics = createTopics("sql-push");
        Map<String, List<String>> expected = sendMixedMessages(topics);
        Map<String, Received> received = new ConcurrentHashMap<>();
        topics.keySet().forEach(topic -> received.put(topic, new Received()));
        DefaultMQPushConsumer consumer = broker.pushConsumer(CompatBroker.uniqueName("cg"));
        for (Map.Entry<String, Case> topic : topics.entrySet()) {
            consumer.subscribe(topic.getKey(), MessageSelector.bySql(topic.getValue().sql()));
        }
        consumer.registerMessageListener((MessageListenerConcurrently) (batch, context) -> {
            batch.forEach(m -> received.get(m.getTopic()).addAll(List.of(m)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });

        consumer.start();

        for (String topic : topics.keySet()) {
            await("selected messages of " + topics.get(topic)).atMost(CompatBroker.PATIENCE)
                    .until(() -> received.get(topic).size() >= expected.get(topic).size()
                            && CompatBroker.consumedInMemory(consumer, topic) == broker.storedMessages(topic));
        }
        for (String topic : topics.keySet()) {
            received.get(topic).assertBodiesExactly(expected.get(topic));
        }
    }

    @Test
    void litePullConsumerReceivesExactlyWhatEachSelectorSelects() throws Exception {
        Map<String, Case> topics = createTopics("sql-lite");
        Map<String, List<String>> expected = sendMixedMessages(topics);
        DefaultLitePullConsumer consumer = broker.litePullConsumer(CompatBroker.uniqueName("cg"));
        // A pull at the end of a queue is held by the broker for up to 20 s and blocks its client thread meanwhile
        // (as with RocketMQ): one thread per queue keeps the queues that still have messages from waiting for one.
        consumer.setPullThreadNums(topics.size() * 4 + 4);
        for (Map.Entry<String, Case> topic : topics.entrySet()) {
            consumer.subscribe(topic.getKey(), MessageSelector.bySql(topic.getValue().sql()));
        }
        consumer.start();
        Map<String, Received> received = new ConcurrentHashMap<>();
        topics.keySet().forEach(topic -> received.put(topic, new Received()));

        await("every queue's sentinel").atMost(CompatBroker.PATIENCE).pollInterval(Duration.ofMillis(1)).until(() -> {
            consumer.poll().forEach(m -> received.get(m.getTopic()).addAll(List.of(m)));
            return topics.keySet().stream().allMatch(topic -> received.get(topic).bodies().stream()
                    .filter(body -> body.startsWith("sentinel")).count() == 4);
        });

        for (String topic : topics.keySet()) {
            received.get(topic).assertBodiesExactly(expected.get(topic));
        }
    }

    @Test
    void aBadExpressionFailsTheConsumersStartAndOthersKeepReceiving() throws Exception {
        String topic = broker.createTopic("sql-bad", 4);
        Received good = new Received();
        DefaultMQPushConsumer goodConsumer = broker.pushConsumer(CompatBroker.uniqueName("cg"));
        goodConsumer.subscribe(topic, MessageSelector.bySql("amount >= 0"));
        goodConsumer.registerMessageListener(good.listener());
        goodConsumer.start();

        DefaultMQPushConsumer badPush = broker.pushConsumer(CompatBroker.uniqueName("cg"));
        badPush.subscribe(topic, MessageSelector.bySql("amount >"));
        badPush.registerMessageListener(new Received().listener());
        assertThatThrownBy(badPush::start).isInstanceOfSatisfying(MQClientException.class, e -> {
            assertThat(e.getResponseCode()).isEqualTo(ResponseCode.SUBSCRIPTION_PARSE_FAILED);
            assertThat(e.getErrorMessage()).isEqualTo("invalid SQL92 expression [amount >]: expected a property, "
                    + "a literal or '(' but found end of expression at column 9");
        });
        DefaultLitePullConsumer badLite = broker.litePullConsumer(CompatBroker.uniqueName("cg"));
        badLite.subscribe(topic, MessageSelector.bySql("region = 'eu' AND amount > 'ten'"));
        assertThatThrownBy(badLite::start).isInstanceOfSatisfying(MQClientException.class, e -> {
            assertThat(e.getResponseCode()).isEqualTo(ResponseCode.SUBSCRIPTION_PARSE_FAILED);
            assertThat(e.getErrorMessage()).contains("value 'ten' cannot be compared");
        });

        DefaultMQProducer producer = broker.startedProducer();
        List<String> sent = IntStream.range(0, 20).mapToObj(i -> "after-bad-" + i).toList();
        for (int i = 0; i < sent.size(); i++) {
            Message message = new Message(topic, sent.get(i).getBytes(StandardCharsets.UTF_8));
            message.putUserProperty("amount", String.valueOf(i));
            assertThat(producer.send(message).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        }
        await("messages of the good consumer").atMost(CompatBroker.PATIENCE).until(() -> good.size() >= sent.size());
        good.assertBodiesExactly(sent);
    }

    @Test
    void withThePropertyFilterOffSqlSubscriptionsAreRefusedWithSystemError(@TempDir Path dir) throws Exception {
        try (EmbeddedBroker off = EmbeddedBroker.builder().port(0).storeDir(Files.createDirectories(dir.resolve("b")))
                .enablePropertyFilter(false).build()) {
            off.start();
            String topic = CompatBroker.uniqueName("sql-off");
            off.runtime().topics().createOrUpdate(TopicConfig.of(topic, 4));
            DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(CompatBroker.uniqueName("cg"));
            consumer.setNamesrvAddr(off.address());
            consumer.setInstanceName(CompatBroker.uniqueName("push"));
            consumer.subscribe(topic, MessageSelector.bySql("a = 1"));
            consumer.registerMessageListener(new Received().listener());
            try {
                await("route of " + topic).atMost(CompatBroker.PATIENCE).ignoreExceptions()
                        .until(() -> off.runtime().topics().find(topic) != null);
                assertThatThrownBy(consumer::start).isInstanceOfSatisfying(MQClientException.class, e -> {
                    assertThat(e.getResponseCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
                    assertThat(e.getErrorMessage()).startsWith("The broker does not support consumer to filter "
                            + "message by SQL92");
                });
            } finally {
                consumer.shutdown();
            }
        }
    }

    private static Map<String, Case> createTopics(String prefix) {
        Map<String, Case> topics = new LinkedHashMap<>();
        CASES.forEach(c -> topics.put(broker.createTopic(prefix, 4), c));
        return topics;
    }

    /**
     * Sends the mixed set to every topic, round robin over its queues, then one sentinel per queue that the topic's
     * selector selects. Returns the bodies each topic's selector must deliver.
     */
    private static Map<String, List<String>> sendMixedMessages(Map<String, Case> topics) throws Exception {
        DefaultMQProducer producer = broker.startedProducer();
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (Map.Entry<String, Case> entry : topics.entrySet()) {
            String topic = entry.getKey();
            Predicate<Map<String, String>> selects = entry.getValue().selects();
            List<MessageQueue> queues = broker.queues(topic);
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                Map<String, String> properties = properties(i);
                String body = "m" + i;
                send(producer, topic, properties, body, queues.get(i % queues.size()));
                if (selects.test(properties)) {
                    bodies.add(body);
                }
            }
            Map<String, String> selected = IntStream.range(0, MESSAGES).mapToObj(SqlFilterCompatibilityTests::properties)
                    .filter(selects).findFirst().orElseThrow();
            for (MessageQueue queue : queues) {
                String body = "sentinel-" + queue.getQueueId();
                send(producer, topic, selected, body, queue);
                bodies.add(body);
            }
            assertThat(bodies).as("selection of %s", entry.getValue()).hasSizeBetween(5, MESSAGES);
            expected.put(topic, bodies);
        }
        return expected;
    }

    /**
     * Message {@code i}'s properties: TAGS TagA, TagB or none; KEYS {@code k<i>}; region eu, us, apac or none;
     * amount {@code i}; name {@code item-<i>}, with {@code -vip} for every fifth; price {@code i * 1.5} for even i.
     */
    private static Map<String, String> properties(int i) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (i % 3 < 2) {
            properties.put("TAGS", i % 3 == 0 ? "TagA" : "TagB");
        }
        properties.put("KEYS", "k" + i);
        if (i % 4 < 3) {
            properties.put("region", List.of("eu", "us", "apac").get(i % 4));
        }
        properties.put("amount", String.valueOf(i));
        properties.put("name", "item-" + i + (i % 5 == 0 ? "-vip" : ""));
        if (i % 2 == 0) {
            properties.put("price", String.valueOf(i * 1.5));
        }
        return properties;
    }

    private static void send(DefaultMQProducer producer, String topic, Map<String, String> properties, String body,
            MessageQueue queue) throws Exception {
        Message message = new Message(topic, body.getBytes(StandardCharsets.UTF_8));
        properties.forEach((name, value) -> {
            switch (name) {
                case "TAGS" -> message.setTags(value);
                case "KEYS" -> message.setKeys(value);
                default -> message.putUserProperty(name, value);
            }
        });
        assertThat(producer.send(message, queue).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
    }

    private static int amount(Map<String, String> properties) {
        return Integer.parseInt(properties.get("amount"));
    }
}
