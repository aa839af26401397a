package io.nimbusmq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.rocketmq.client.QueryResult;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.admin.ConsumeStats;
import org.apache.rocketmq.remoting.protocol.admin.OffsetWrapper;
import org.apache.rocketmq.remoting.protocol.admin.TopicOffset;
import org.apache.rocketmq.remoting.protocol.admin.TopicStatsTable;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.body.Connection;
import org.apache.rocketmq.remoting.protocol.body.ConsumerConnection;
import org.apache.rocketmq.remoting.protocol.body.KVTable;
import org.apache.rocketmq.remoting.protocol.heartbeat.ConsumeType;
import org.apache.rocketmq.remoting.protocol.heartbeat.MessageModel;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The official 5.3.1 {@link DefaultMQAdminExt} (rocketmq-tools, what mqadmin runs on): message queries by key and by
 * id, topic creation, listing, statistics and deletion, consumer connections and lag, cluster and runtime info.
 */
@Tag("compat")
class AdminCompatibilityTests {

    private static final long HOUR_MILLIS = 3_600_000;

    @RegisterExtension
    static final CompatBroker broker = new CompatBroker();

    @Test
    void queryMessageFindsMessagesByEachOfTheirKeys() throws Exception {
        String topic = broker.createTopic("keys", 4);
        DefaultMQProducer producer = broker.startedProducer();
        for (int i = 0; i < 20; i++) {
            Message message = new Message(topic, "TagK", ("keyed-" + i).getBytes(StandardCharsets.UTF_8));
            message.setKeys(List.of("order-" + i, "customer-" + (i % 2)));
            assertThat(producer.send(message).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        }
        long now = System.currentTimeMillis();

        QueryResult byOrder = queryUntilFound(topic, "order-7", now, 1);
        QueryResult byCustomer = queryUntilFound(topic, "customer-1", now, 10);

        assertThat(byOrder.getMessageList()).extracting(AdminCompatibilityTests::body).containsExactly("keyed-7");
        assertThat(byOrder.getMessageList().get(0).getKeys()).isEqualTo("order-7 customer-1");
        assertThat(byCustomer.getMessageList()).extracting(AdminCompatibilityTests::body)
                .containsExactlyInAnyOrder("keyed-1", "keyed-3", "keyed-5", "keyed-7", "keyed-9", "keyed-11",
                        "keyed-13", "keyed-15", "keyed-17", "keyed-19");
        assertThatThrownBy(() -> broker.admin().queryMessage(topic, "order-unknown", 32, now - HOUR_MILLIS,
                now + HOUR_MILLIS)).isInstanceOf(MQClientException.class);
    }

    @Test
    void viewMessageReturnsTheMessageOfAnOffsetMsgIdOrAUniqueKey() throws Exception {
        String topic = broker.createTopic("view", 4);
        DefaultMQProducer producer = broker.startedProducer();
        List<SendResult> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Message message = new Message(topic, "TagV", "view-key-" + i,
                    ("view-" + i).getBytes(StandardCharsets.UTF_8));
            results.add(producer.send(message));
        }

        for (int i = 0; i < results.size(); i++) {
            SendResult result = results.get(i);
            MessageExt byOffsetMsgId = broker.admin().viewMessage(topic, result.getOffsetMsgId());
            assertThat(body(byOffsetMsgId)).isEqualTo("view-" + i);
            assertThat(byOffsetMsgId.getTopic()).isEqualTo(topic);
            assertThat(byOffsetMsgId.getKeys()).isEqualTo("view-key-" + i);
            assertThat(byOffsetMsgId.getQueueId()).isEqualTo(result.getMessageQueue().getQueueId());
            assertThat(byOffsetMsgId.getQueueOffset()).isEqualTo(result.getQueueOffset());
            assertThat(byOffsetMsgId.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX))
                    .isEqualTo(result.getMsgId());
            MessageExt byUniqueKey = await("message by unique key").atMost(CompatBroker.PATIENCE)
                    .ignoreExceptions()
                    .until(() -> broker.admin().viewMessage(topic, result.getMsgId()), Objects::nonNull);
            assertThat(body(byUniqueKey)).isEqualTo("view-" + i);
        }
    }

    @Test
    void createTopicMakesARoutableTopicThatIsListed() throws Exception {
        String topic = CompatBroker.uniqueName("created");

        broker.admin().createTopic(broker.admin().getCreateTopicKey(), topic, 8, Map.of());

        broker.awaitRoute(topic, 8);
        assertThat(broker.admin().fetchAllTopicList().getTopicList()).contains(topic);
        SendResult sent = broker.startedProducer().send(new Message(topic, "x".getBytes(StandardCharsets.UTF_8)));
        assertThat(sent.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        assertThat(sent.getMessageQueue().getQueueId()).isBetween(0, 7);
    }

    @Test
    void createAndUpdateTopicConfigCreatesThenResizesATopic() throws Exception {
        String topic = CompatBroker.uniqueName("configured");

        broker.admin().createAndUpdateTopicConfig(broker.address(), new TopicConfig(topic, 2, 2, 6));
        broker.awaitRoute(topic, 2);
        broker.admin().createAndUpdateTopicConfig(broker.address(), new TopicConfig(topic, 6, 6, 6));

        broker.awaitRoute(topic, 6);
        assertThat(broker.admin().fetchAllTopicList().getTopicList()).contains(topic);
    }

    @Test
    void topicStatsReportEachQueuesOffsets() throws Exception {
        String topic = broker.createTopic("stats", 4);
        DefaultMQProducer producer = broker.startedProducer();
        for (int i = 0; i < 100; i++) {
            producer.send(new Message(topic, ("stats-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        await("messages stored").atMost(CompatBroker.PATIENCE).until(() -> broker.storedMessages(topic) == 100);

        TopicStatsTable stats = broker.admin().examineTopicStats(topic);

        assertThat(stats.getOffsetTable()).containsOnlyKeys(broker.queues(topic));
        assertThat(stats.getOffsetTable().values().stream().mapToLong(o -> o.getMaxOffset() - o.getMinOffset()).sum())
                .isEqualTo(100);
        for (Map.Entry<MessageQueue, TopicOffset> entry : stats.getOffsetTable().entrySet()) {
            assertThat(entry.getValue().getMinOffset()).isZero();
            assertThat(entry.getValue().getMaxOffset()).as("max offset of %s", entry.getKey())
                    .isEqualTo(broker.broker().messageStore().maxOffsetInQueue(topic, entry.getKey().getQueueId()));
            assertThat(entry.getValue().getLastUpdateTimestamp()).isPositive();
        }
    }

    @Test
    void consumeStatsReportTheLagOfAnOfflineGroup() throws Exception {
        String topic = broker.createTopic("lag", 4);
        String group = CompatBroker.uniqueName("cg");
        DefaultMQProducer producer = broker.startedProducer();
        for (int i = 0; i < 40; i++) {
            producer.send(new Message(topic, ("consumed-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        Received received = new Received();
        DefaultMQPushConsumer consumer = broker.pushConsumer(group);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener(received.listener());
        consumer.start();
        await("consumed").atMost(CompatBroker.PATIENCE)
                .until(() -> CompatBroker.consumedInMemory(consumer, topic) == 40);
        consumer.shutdown();
        await("offsets committed at shutdown").atMost(CompatBroker.PATIENCE)
                .until(() -> broker.committedOnBroker(group, topic) == 40);
        for (int i = 0; i < 25; i++) {
            producer.send(new Message(topic, ("pending-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        await("messages stored").atMost(CompatBroker.PATIENCE).until(() -> broker.storedMessages(topic) == 65);

        ConsumeStats stats = broker.admin().examineConsumeStats(group, topic);

        assertThat(stats.computeTotalDiff()).isEqualTo(25);
        assertThat(stats.getOffsetTable()).containsOnlyKeys(broker.queues(topic));
        for (Map.Entry<MessageQueue, OffsetWrapper> entry : stats.getOffsetTable().entrySet()) {
            int queueId = entry.getKey().getQueueId();
            assertThat(entry.getValue().getBrokerOffset())
                    .isEqualTo(broker.broker().messageStore().maxOffsetInQueue(topic, queueId));
            assertThat(entry.getValue().getConsumerOffset())
                    .isEqualTo(broker.broker().runtime().offsets().query(group, topic, queueId));
        }
    }

    @Test
    void consumerConnectionListsTheOnlineInstancesOfAGroup() throws Exception {
        String topic = broker.createTopic("connections", 4);
        String group = CompatBroker.uniqueName("cg");
        List<String> clientIds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            DefaultMQPushConsumer consumer = broker.pushConsumer(group);
            consumer.subscribe(topic, "*");
            consumer.registerMessageListener(new Received().listener());
            consumer.start();
            clientIds.add(consumer.buildMQClientId());
        }

        ConsumerConnection connection = await("both instances online").atMost(CompatBroker.PATIENCE)
                .until(() -> broker.admin().examineConsumerConnectionInfo(group),
                        c -> c.getConnectionSet().size() == 2);

        assertThat(connection.getConnectionSet()).extracting(Connection::getClientId)
                .containsExactlyInAnyOrderElementsOf(clientIds);
        assertThat(connection.getConsumeType()).isEqualTo(ConsumeType.CONSUME_PASSIVELY);
        assertThat(connection.getMessageModel()).isEqualTo(MessageModel.CLUSTERING);
        assertThat(connection.getSubscriptionTable()).containsKey(topic);
        assertThat(connection.getSubscriptionTable().get(topic).getSubString()).isEqualTo("*");
    }

    @Test
    void clusterInfoAndRuntimeStatsDescribeTheBroker() throws Exception {
        ClusterInfo cluster = broker.admin().examineBrokerClusterInfo();

        assertThat(cluster.getClusterAddrTable()).containsKey("DefaultCluster");
        assertThat(cluster.getClusterAddrTable().get("DefaultCluster")).containsExactly("broker-a");
        assertThat(cluster.getBrokerAddrTable().get("broker-a").getBrokerAddrs()).containsEntry(0L, broker.address());

        String topic = broker.createTopic("runtime", 1);
        broker.startedProducer().send(new Message(topic, "x".getBytes(StandardCharsets.UTF_8)));
        KVTable runtime = broker.admin().fetchBrokerRuntimeStats(broker.address());

        assertThat(runtime.getTable()).containsKeys("brokerVersionDesc", "msgPutTotalTodayNow", "putTps");
        // clusterList shows the hours since the oldest message
        assertThat(Long.parseLong(runtime.getTable().get("earliestMessageTimeStamp"))).isPositive()
                .isLessThanOrEqualTo(System.currentTimeMillis());
        // getBrokerConfig shows the bound port, not the configured 0
        assertThat(broker.admin().getBrokerConfig(broker.address()).getProperty("listenPort"))
                .isEqualTo(broker.address().substring(broker.address().lastIndexOf(':') + 1));
    }

    @Test
    void deleteTopicRemovesItFromTheBrokerAndTheNameServer() throws Exception {
        String topic = broker.createTopic("doomed", 4);
        broker.startedProducer().send(new Message(topic, "last words".getBytes(StandardCharsets.UTF_8)));
        assertThat(broker.admin().fetchAllTopicList().getTopicList()).contains(topic);

        broker.admin().deleteTopic(topic, "DefaultCluster");

        assertThat(broker.broker().runtime().topics().find(topic)).isNull();
        await("topic gone from the name server").atMost(CompatBroker.PATIENCE)
                .until(() -> !broker.admin().fetchAllTopicList().getTopicList().contains(topic));
        assertThatThrownBy(() -> broker.admin().examineTopicRouteInfo(topic))
                .isInstanceOfSatisfying(MQClientException.class,
                        e -> assertThat(e.getResponseCode()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST));
    }

    private static QueryResult queryUntilFound(String topic, String key, long now, int expected) {
        // the index is built after the send returned, so the first queries may find nothing (or not all) yet
        return await("messages with key " + key).atMost(CompatBroker.PATIENCE).ignoreExceptions()
                .until(() -> broker.admin().queryMessage(topic, key, 32, now - HOUR_MILLIS, now + HOUR_MILLIS),
                        result -> result.getMessageList().size() >= expected);
    }

    private static String body(MessageExt message) {
        return new String(message.getBody(), StandardCharsets.UTF_8);
    }
}
