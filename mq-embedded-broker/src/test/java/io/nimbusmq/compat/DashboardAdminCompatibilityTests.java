package io.nimbusmq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;

import org.apache.rocketmq.client.exception.MQBrokerException;
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
}
