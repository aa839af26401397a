package io.nimbusmq.broker.console;

import static io.nimbusmq.broker.console.ConsoleTopicApiIntegrationTests.assertRefused;
import static io.nimbusmq.testkit.OfficialClients.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The messages, dead-letter, scheduled and transaction APIs and the overview, with traffic from the official clients;
 * resends checked through the official admin client.
 */
class ConsoleMessageApiIntegrationTests {

    @RegisterExtension
    static final ConsoleBroker broker = new ConsoleBroker();

    @Test
    void findsMessagesByTimeRangeKeyAndBothIds() throws Exception {
        String topic = broker.createTopic("search", 4);
        long begin = System.currentTimeMillis() - 1;
        SendResult last = broker.send(broker.producer(), topic, "order", 10);
        long end = System.currentTimeMillis() + 1;

        JsonNode byTime = await("indexed").atMost(ConsoleBroker.PATIENCE).until(() -> broker.http()
                .get("/api/messages?topic=" + topic + "&begin=" + begin + "&end=" + end).json(),
                json -> json.path("messages").size() == 10);
        JsonNode byKey = await("key indexed").atMost(ConsoleBroker.PATIENCE).until(() -> broker.http()
                .get("/api/messages?topic=" + topic + "&key=order-9").json(),
                json -> json.path("messages").size() == 1);
        JsonNode byUniqueKey = broker.http().get("/api/messages?topic=" + topic + "&msgId=" + last.getMsgId()).json();
        JsonNode byOffsetId = broker.http().get("/api/messages?msgId=" + last.getOffsetMsgId()).json();
        JsonNode beforeRange = broker.http().get("/api/messages?topic=" + topic + "&begin=0&end=" + (begin - 1))
                .json();

        assertThat(byTime.path("truncated").asBoolean()).isFalse();
        assertThat(byTime.path("messages").findValuesAsText("keys")).hasSize(10).contains("order-0", "order-9");
        assertThat(byKey.path("messages").get(0).path("msgId").asText()).isEqualTo(last.getMsgId());
        assertThat(byUniqueKey.path("messages").get(0).path("offsetMsgId").asText())
                .isEqualTo(last.getOffsetMsgId());
        assertThat(byOffsetId.path("messages").get(0).path("keys").asText()).isEqualTo("order-9");
        assertThat(beforeRange.path("messages")).isEmpty();
        JsonNode limited = broker.http().get("/api/messages?topic=" + topic + "&begin=" + begin + "&end=" + end
                + "&limit=3").json();
        assertThat(limited.path("messages")).hasSize(3);
        assertThat(limited.path("truncated").asBoolean()).isTrue();
    }

    @Test
    void showsAMessageWithItsBodyPropertiesAndConsumptionPerGroup() throws Exception {
        String topic = broker.createTopic("detail", 1);
        String done = ConsoleBroker.uniqueName("cg-done");
        String behind = ConsoleBroker.uniqueName("cg-behind");
        SendResult sent = broker.producer().send(new Message(topic, "TagJ", "json-key",
                "{\"id\":7,\"items\":[\"a\",\"b\"]}".getBytes(StandardCharsets.UTF_8)));
        broker.broker().runtime().offsets().commit(done, topic, 0, sent.getQueueOffset() + 1);
        broker.broker().runtime().offsets().commit(behind, topic, 0, sent.getQueueOffset());

        JsonNode detail = broker.http().get("/api/messages/" + sent.getOffsetMsgId()).json();

        assertThat(detail.path("summary").path("msgId").asText()).isEqualTo(sent.getMsgId());
        assertThat(detail.path("body").path("format").asText()).isEqualTo("json");
        assertThat(detail.path("body").path("preview").asText()).contains("\"items\" : [ \"a\", \"b\" ]")
                .contains("\n");
        assertThat(detail.path("properties").path("KEYS").asText()).isEqualTo("json-key");
        assertThat(detail.path("properties").path("TAGS").asText()).isEqualTo("TagJ");
        Map<String, String> states = new java.util.HashMap<>();
        detail.path("consumption").forEach(c -> states.put(c.path("group").asText(), c.path("state").asText()));
        assertThat(states).containsEntry(done, "CONSUMED").containsEntry(behind, "NOT_CONSUME_YET");
    }

    @Test
    void resendsAMessageToAnOnlineMemberOfAGroup() throws Exception {
        String topic = broker.createTopic("resend", 1);
        String group = ConsoleBroker.uniqueName("cg-resend");
        Set<String> seen = ConcurrentHashMap.newKeySet();
        broker.consumer(group, topic, (msgs, ctx) -> {
            msgs.forEach(m -> seen.add(m.getMsgId()));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        }, 16);
        SendResult sent = broker.producer().send(new Message(topic, "again".getBytes(StandardCharsets.UTF_8)));
        await("consumed once").atMost(ConsoleBroker.PATIENCE).until(() -> seen.contains(sent.getMsgId()));

        var answer = broker.http().post("/api/messages/" + sent.getOffsetMsgId() + "/resend", Map.of("group",
                group));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("result").asText()).isEqualTo("CR_SUCCESS");
        assertRefused(broker.http().post("/api/messages/" + sent.getOffsetMsgId() + "/resend", Map.of("group",
                "offline-group")), 409, "no member online");
    }

    @Test
    void listsResendsAndDeletesDeadLetters() throws Exception {
        String topic = broker.createTopic("failing", 1);
        String group = ConsoleBroker.uniqueName("cg-dlq");
        DefaultMQProducer producer = broker.producer();
        AtomicBoolean failing = new AtomicBoolean(true);
        broker.consumer(group, topic, (msgs, ctx) -> failing.get() ? ConsumeConcurrentlyStatus.RECONSUME_LATER
                : ConsumeConcurrentlyStatus.CONSUME_SUCCESS, 0);
        broker.send(producer, topic, "dead", 3);
        JsonNode dead = await("dead letters").atMost(ConsoleBroker.PATIENCE).until(() -> broker.http()
                .get("/api/groups/" + group + "/dead-letters").json(), json -> json.path("messages").size() == 3);
        failing.set(false); // the copies sent back are consumed: no new dead letter races the deletion below
        assertThat(broker.http().get("/api/dead-letters").json().findValuesAsText("group")).contains(group);

        String msgId = dead.path("messages").get(0).path("msgId").asText();
        var resent = broker.http().post("/api/groups/" + group + "/dead-letters/resend", Map.of("msgId", msgId));

        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.json().path("topic").asText()).isEqualTo(topic);
        MessageExt copy = broker.admin().viewMessage(topic, resent.json().path("newOffsetMsgId").asText());
        assertThat(copy.getTopic()).isEqualTo(topic);
        assertThat(copy.getMsgId()).isEqualTo(msgId);

        var all = broker.http().post("/api/groups/" + group + "/dead-letters/resend-all", null);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().findValuesAsText("msgId")).containsAll(dead.path("messages").findValuesAsText("msgId"));

        assertRefused(broker.http().post("/api/groups/" + group + "/dead-letters/resend", Map.of("msgId",
                "0123456789ABCDEF0123456789ABCDEF")), 404, "no message 0123456789ABCDEF0123456789ABCDEF");
        assertRefused(broker.http().post("/api/groups/" + group + "/dead-letters/resend", Map.of()), 400,
                "Name the dead letter");
        assertThat(broker.http().delete("/api/groups/" + group + "/dead-letters").status()).isEqualTo(204);
        await("dead-letter topic gone").atMost(ConsoleBroker.PATIENCE).until(() ->
                !broker.admin().fetchAllTopicList().getTopicList().contains("%DLQ%" + group));
        assertRefused(broker.http().delete("/api/groups/" + group + "/dead-letters"), 404, "has no dead letters");
    }

    @Test
    void listsScheduledMessagesByDueTimeAndWaitingTransactions() throws Exception {
        String topic = broker.createTopic("later", 1);
        Message inTwoHours = new Message(topic, "TagD", "delayed-key", "later".getBytes(StandardCharsets.UTF_8));
        inTwoHours.setDelayTimeLevel(18);
        SendResult delayed = broker.producer().send(inTwoHours);
        TransactionMQProducer transactional = patient(new TransactionMQProducer(ConsoleBroker.uniqueName("txg")));
        transactional.setNamesrvAddr(broker.broker().address());
        transactional.setInstanceName(ConsoleBroker.uniqueName("tx"));
        transactional.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                return LocalTransactionState.UNKNOW;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                return LocalTransactionState.UNKNOW;
            }
        });
        transactional.start();
        try {
            SendResult half = transactional.sendMessageInTransaction(new Message(topic, "TagT", "tx-key",
                    "pending".getBytes(StandardCharsets.UTF_8)), null);

            // both lists are read from what the store has dispatched, which follows the send asynchronously
            await("the delayed message listed").atMost(ConsoleBroker.PATIENCE)
                    .until(() -> broker.http().get("/api/scheduled").json().path("messages")
                            .findValuesAsText("msgId").contains(delayed.getMsgId()));
            await("the half message listed").atMost(ConsoleBroker.PATIENCE)
                    .until(() -> broker.http().get("/api/transactions").json().path("waiting").asInt() == 1);
            JsonNode scheduled = broker.http().get("/api/scheduled").json();
            JsonNode transactions = broker.http().get("/api/transactions").json();

            JsonNode waiting = scheduled.path("messages").get(0);
            assertThat(waiting.path("message").path("msgId").asText()).isEqualTo(delayed.getMsgId());
            assertThat(waiting.path("realTopic").asText()).isEqualTo(topic);
            assertThat(waiting.path("kind").asText()).isEqualTo("delay level 18");
            assertThat(waiting.path("dueMillis").asLong()).isGreaterThan(System.currentTimeMillis() + 7_000_000);
            assertThat(transactions.path("waiting").asInt()).isEqualTo(1);
            JsonNode tx = transactions.path("messages").get(0);
            assertThat(tx.path("transactionId").asText()).isEqualTo(half.getTransactionId());
            assertThat(tx.path("realTopic").asText()).isEqualTo(topic);
            assertThat(tx.path("keys").asText()).isEqualTo("tx-key");
            assertThat(tx.path("producerGroup").asText()).isEqualTo(transactional.getProducerGroup());
        } finally {
            transactional.shutdown();
        }
    }

    @Test
    void overviewAndTrafficShowTheBrokerAndItsRates() throws Exception {
        String topic = broker.createTopic("busy", 2);
        DefaultMQProducer producer = broker.producer();

        await("traffic in the chart").atMost(ConsoleBroker.PATIENCE).until(() -> {
            broker.send(producer, topic, "tick", 5);
            return broker.http().get("/api/traffic").json().findValuesAsText("inPerSecond").stream()
                    .anyMatch(rate -> Double.parseDouble(rate) > 0);
        });
        JsonNode overview = broker.http().get("/api/overview").json();

        assertThat(overview.path("brokerName").asText()).isEqualTo(broker.broker().config().brokerName());
        assertThat(overview.path("address").asText()).isEqualTo(broker.broker().address());
        assertThat(overview.path("version").asText()).contains("RocketMQ protocol V5_3_1");
        assertThat(overview.path("disk").path("totalBytes").asLong()).isPositive();
        assertThat(overview.path("disk").path("writable").asBoolean()).isTrue();
        assertThat(overview.path("topics").asInt()).isEqualTo(broker.http().get("/api/topics").json().size());
        assertThat(overview.path("connections").asInt()).isPositive();
    }

    @Test
    void refusesBadSearchesWithAReason() {
        String topic = broker.createTopic("bad-search", 1);

        assertRefused(broker.http().get("/api/messages?topic=" + topic + "&begin=yesterday"), 400,
                "The time 'begin' is not a time");
        assertRefused(broker.http().get("/api/messages?topic=" + topic + "&begin=2000&end=1000"), 400,
                "ends before it begins");
        assertRefused(broker.http().get("/api/messages?topic=no-such-topic"), 404, "There is no topic no-such-topic");
        assertRefused(broker.http().get("/api/messages"), 400, "Choose a topic");
        assertRefused(broker.http().get("/api/messages?topic=" + topic + "&limit=0"), 400,
                "'limit' must be between 1 and 1000");
        assertRefused(broker.http().get("/api/messages?topic=" + topic + "&limit=many"), 400, "whole number");
        assertRefused(broker.http().get("/api/messages/not-an-id"), 400, "is not a broker message id");
        assertRefused(broker.http().get("/api/messages/7F00000100002A9F00000000FFFFFFFF"), 404, "There is no message");
        assertThat(broker.http().get("/api/messages?topic=" + topic + "&begin=2025-01-31T12:00:00Z").status())
                .isEqualTo(200);
        assertThat(List.of(broker.http().get("/api/scheduled?limit=0").status(),
                broker.http().get("/api/transactions?limit=5000").status())).containsOnly(400);
    }
}
