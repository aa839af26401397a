package io.nimbusmq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.tools.admin.api.MessageTrack;
import org.apache.rocketmq.tools.admin.api.TrackType;
import org.apache.rocketmq.remoting.protocol.body.Connection;
import org.apache.rocketmq.remoting.protocol.body.ConsumerRunningInfo;
import org.apache.rocketmq.remoting.protocol.body.ProducerConnection;
import org.apache.rocketmq.remoting.protocol.body.TopicConfigSerializeWrapper;
import org.apache.rocketmq.remoting.protocol.body.TopicList;
import org.apache.rocketmq.remoting.protocol.heartbeat.SubscriptionData;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.remoting.protocol.admin.ConsumeStats;
import org.apache.rocketmq.remoting.protocol.body.BrokerStatsData;
import org.apache.rocketmq.remoting.protocol.body.KVTable;
import org.apache.rocketmq.remoting.protocol.body.SubscriptionGroupWrapper;
import org.apache.rocketmq.remoting.protocol.subscription.SubscriptionGroupConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every {@link org.apache.rocketmq.tools.admin.DefaultMQAdminExt} method rocketmq-dashboard calls in normal use
 * (its {@code ClusterServiceImpl}, {@code TopicServiceImpl}, {@code ConsumerServiceImpl}, {@code MessageServiceImpl},
 * {@code DashboardCollectServiceImpl} and {@code MessageTraceServiceImpl}), through the official 5.3.1 admin client
 * against our broker, with the values the dashboard shows. {@link AdminCompatibilityTests} covers the topic and
 * message calls it shares with mqadmin.
 */
@Tag("compat")
class DashboardAdminCompatibilityTests {

    @RegisterExtension
    static final CompatBroker broker = new CompatBroker();

    @Test
    void consumerGroupsAreCreatedListedReadAndDeleted() throws Exception {
        String group = CompatBroker.uniqueName("dashboard-group");
        SubscriptionGroupConfig config = new SubscriptionGroupConfig();
        config.setGroupName(group);
        config.setRetryMaxTimes(3);
        config.setConsumeBroadcastEnable(false);

        broker.admin().createAndUpdateSubscriptionGroupConfig(broker.address(), config);

        SubscriptionGroupConfig read = broker.admin().examineSubscriptionGroupConfig(broker.address(), group);
        assertThat(read.getGroupName()).isEqualTo(group);
        assertThat(read.getRetryMaxTimes()).isEqualTo(3);
        assertThat(read.isConsumeBroadcastEnable()).isFalse();
        assertThat(read.isConsumeEnable()).isTrue();
        SubscriptionGroupWrapper all = broker.admin().getAllSubscriptionGroup(broker.address(), 5_000);
        assertThat(all.getSubscriptionGroupTable()).containsKey(group).containsKey("TOOLS_CONSUMER");
        assertThat(all.getDataVersion().getCounter().get()).isPositive();

        broker.admin().deleteSubscriptionGroup(broker.address(), group, true);

        assertThat(broker.admin().getAllSubscriptionGroup(broker.address(), 5_000).getSubscriptionGroupTable())
                .doesNotContainKey(group);
    }

    @Test
    void brokerConfigIsReadAndUpdatedAtRuntime() throws Exception {
        Properties before = broker.admin().getBrokerConfig(broker.address());
        assertThat(before.getProperty("brokerName")).isEqualTo("broker-a");
        assertThat(before.getProperty("namesrvAddr")).isEqualTo(broker.address());
        assertThat(before.getProperty("autoCreateSubscriptionGroup")).isEqualTo("true");
        assertThat(before.stringPropertyNames()).noneMatch(key -> key.toLowerCase().contains("secret")
                || key.toLowerCase().contains("password"));
        Properties update = new Properties();
        update.setProperty("autoCreateSubscriptionGroup", "false");
        try {
            broker.admin().updateBrokerConfig(broker.address(), update);

            assertThat(broker.admin().getBrokerConfig(broker.address()).getProperty("autoCreateSubscriptionGroup"))
                    .isEqualTo("false");
        } finally {
            update.setProperty("autoCreateSubscriptionGroup", "true");
            broker.admin().updateBrokerConfig(broker.address(), update);
        }
        Properties forbidden = new Properties();
        forbidden.setProperty("listenPort", "1");
        assertThatThrownBy(() -> broker.admin().updateBrokerConfig(broker.address(), forbidden))
                .isInstanceOfSatisfying(MQBrokerException.class,
                        e -> assertThat(e.getErrorMessage()).contains("cannot change listenPort"));
    }

    @Test
    void runtimeStatsBrokerStatsDataAndConsumeStatsShowLiveTraffic() throws Exception {
        String topic = broker.createTopic("dashboard-live", 2);
        String group = CompatBroker.uniqueName("dashboard-live-group");
        DefaultMQPushConsumer consumer = broker.pushConsumer(group);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener(new Received().listener());
        consumer.start();
        try (Traffic traffic = new Traffic(broker.startedProducer(), topic, "TagD")) {
            // the dashboard's broker trend averages the three numbers of getTotalTps
            KVTable runtime = await("a transfer rate").atMost(CompatBroker.PATIENCE)
                    .until(() -> broker.admin().fetchBrokerRuntimeStats(broker.address()),
                            table -> rates(table.getTable().get("getTotalTps")) > 0);
            assertThat(runtime.getTable().get("getTotalTps").split(" ")).hasSize(3);

            // the dashboard's topic trend: TOPIC_PUT_NUMS of the topic, GROUP_GET_NUMS of topic@group
            // until the topic's first put (or the group's first pull) the broker answers that the stats do not exist
            BrokerStatsData put = await("a minute of puts").atMost(CompatBroker.PATIENCE)
                    .ignoreExceptionsInstanceOf(MQClientException.class)
                    .until(() -> broker.admin().viewBrokerStatsData(broker.address(), "TOPIC_PUT_NUMS", topic),
                            data -> data.getStatsMinute().getTps() > 0);
            assertThat(put.getStatsMinute().getSum()).isPositive();
            BrokerStatsData get = await("a minute of gets").atMost(CompatBroker.PATIENCE)
                    .ignoreExceptionsInstanceOf(MQClientException.class)
                    .until(() -> broker.admin().viewBrokerStatsData(broker.address(), "GROUP_GET_NUMS",
                            topic + "@" + group), data -> data.getStatsMinute().getTps() > 0);
            assertThat(get.getStatsMinute().getSum()).isPositive();

            ConsumeStats consumeStats = await("a consume TPS").atMost(CompatBroker.PATIENCE)
                    .until(() -> broker.admin().examineConsumeStats(group, topic), stats -> stats.getConsumeTps() > 0);
            assertThat(consumeStats.getOffsetTable()).containsOnlyKeys(broker.queues(topic));
            assertThat(consumeStats.getOffsetTable().values()).allSatisfy(offsets -> {
                assertThat(offsets.getLastTimestamp()).isPositive();
                assertThat(offsets.getPullOffset()).isGreaterThanOrEqualTo(offsets.getConsumerOffset());
            });
        } finally {
            consumer.shutdown();
        }
        assertThatThrownBy(() -> broker.admin().viewBrokerStatsData(broker.address(), "TOPIC_PUT_NUMS", "no-topic"))
                .isInstanceOf(MQClientException.class);
    }

    private static double rates(String threeRates) {
        return Arrays.stream(threeRates.trim().split(" ")).mapToDouble(Double::parseDouble).sum();
    }

    @Test
    void consumerAndMessagePagesShowGroupsClientsAndEachMessagesTrack() throws Exception {
        String topic = broker.createTopic("dashboard-track", 2);
        String group = CompatBroker.uniqueName("dashboard-track-group");
        DefaultMQProducer producer = broker.startedProducer();
        Received received = new Received();
        DefaultMQPushConsumer consumer = broker.pushConsumer(group);
        consumer.subscribe(topic, "TagA");
        consumer.registerMessageListener(received.listener());
        consumer.start();
        SendResult consumed = producer.send(new Message(topic, "TagA", "a".getBytes(StandardCharsets.UTF_8)));
        SendResult filtered = producer.send(new Message(topic, "TagB", "b".getBytes(StandardCharsets.UTF_8)));
        await("consumed").atMost(CompatBroker.PATIENCE).until(() -> received.size() == 1);
        await("offsets committed").atMost(CompatBroker.PATIENCE)
                .until(() -> broker.committedOnBroker(group, topic) == 2);

        assertThat(broker.admin().queryTopicConsumeByWho(topic).getGroupList()).containsExactly(group);
        ConsumerRunningInfo running = broker.admin().getConsumerRunningInfo(group,
                consumer.buildMQClientId(), false);
        assertThat(running.getSubscriptionSet()).extracting(SubscriptionData::getTopic).contains(topic);
        ProducerConnection producers = broker.admin().examineProducerConnectionInfo(producer.getProducerGroup(),
                topic);
        assertThat(producers.getConnectionSet()).extracting(Connection::getClientId)
                .containsExactly(producer.buildMQClientId());

        List<MessageTrack> consumedTrack = broker.admin().messageTrackDetail(
                broker.admin().viewMessage(topic, consumed.getOffsetMsgId()));
        List<MessageTrack> filteredTrack = broker.admin().messageTrackDetail(
                broker.admin().viewMessage(topic, filtered.getOffsetMsgId()));
        assertThat(consumedTrack).singleElement().satisfies(track -> {
            assertThat(track.getConsumerGroup()).isEqualTo(group);
            assertThat(track.getTrackType()).isEqualTo(TrackType.CONSUMED);
        });
        assertThat(filteredTrack).singleElement().extracting(MessageTrack::getTrackType)
                .isEqualTo(TrackType.CONSUMED_BUT_FILTERED);
    }

    @Test
    void topicPagesListTopicConfigsAndSystemTopics() throws Exception {
        String topic = broker.createTopic("dashboard-topics", 3);

        TopicConfigSerializeWrapper all = broker.admin().getAllTopicConfig(broker.address(), 5_000);
        TopicList system = broker.startedProducer().getDefaultMQProducerImpl().getmQClientFactory()
                .getMQClientAPIImpl().getSystemTopicList(5_000);

        assertThat(all.getTopicConfigTable()).containsKey(topic);
        assertThat(all.getTopicConfigTable().get(topic).getWriteQueueNums()).isEqualTo(3);
        assertThat(system.getTopicList()).contains("DefaultCluster", "broker-a", "TBW102")
                .doesNotContain(topic);
    }

    @Test
    void resetOffsetByTimestampMakesALiveConsumerReceiveAgainAtOnce() throws Exception {
        String topic = broker.createTopic("dashboard-reset", 2);
        String group = CompatBroker.uniqueName("dashboard-reset-group");
        DefaultMQProducer producer = broker.startedProducer();
        long beforeFirst = System.currentTimeMillis();
        for (int i = 0; i < 10; i++) {
            producer.send(new Message(topic, ("reset-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        Received received = new Received();
        DefaultMQPushConsumer consumer = broker.pushConsumer(group);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener(received.listener());
        consumer.start();
        await("first delivery").atMost(CompatBroker.PATIENCE).until(() -> received.size() == 10);
        await("offsets committed").atMost(CompatBroker.PATIENCE)
                .until(() -> broker.committedOnBroker(group, topic) == 10);

        long resetAt = System.nanoTime();
        Map<MessageQueue, Long> reset = broker.admin().resetOffsetByTimestamp(topic, group, beforeFirst, true);

        assertThat(reset).containsOnlyKeys(broker.queues(topic)).containsValues(0L);
        // served from the reset offsets at the group's next pulls (the official client, told to reset, waits 10 s)
        await("redelivery after the reset").atMost(Duration.ofSeconds(5)).until(() -> received.size() == 20);
        System.out.printf("reset offset applied by a live consumer in %d ms%n",
                (System.nanoTime() - resetAt) / 1_000_000);

        Map<MessageQueue, Long> skipped = broker.admin().resetOffsetByTimestamp(topic, group, -1, true);
        assertThat(skipped.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(10);
    }
}
