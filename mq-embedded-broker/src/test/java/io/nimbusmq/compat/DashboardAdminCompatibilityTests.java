package io.nimbusmq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.Arrays;
import java.util.Properties;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
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
            BrokerStatsData put = await("a minute of puts").atMost(CompatBroker.PATIENCE)
                    .until(() -> broker.admin().viewBrokerStatsData(broker.address(), "TOPIC_PUT_NUMS", topic),
                            data -> data.getStatsMinute().getTps() > 0);
            assertThat(put.getStatsMinute().getSum()).isPositive();
            BrokerStatsData get = await("a minute of gets").atMost(CompatBroker.PATIENCE)
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
}
