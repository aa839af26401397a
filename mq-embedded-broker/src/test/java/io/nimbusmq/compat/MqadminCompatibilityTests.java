package io.nimbusmq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.nimbusmq.remoting.protocol.body.admin.SubscriptionGroupConfig;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The official {@code mqadmin} 5.3.1 against our broker, command by command (docs/operations.md lists them): each
 * test runs the command as an operator types it and checks what it printed and what it changed on the broker, with
 * live producers and consumers where the command reports on them. No command may meet a "request type N not
 * supported" answer.
 */
@Tag("compat")
class MqadminCompatibilityTests {

    @RegisterExtension
    static final CompatBroker broker = new CompatBroker();

    @Test
    void updateSubGroupCreatesAGroupThatGetConsumerConfigShowsAndDeleteSubGroupRemoves() {
        String group = CompatBroker.uniqueName("admin-group");

        Mqadmin.Run created = mqadmin("updateSubGroup", "-n", broker.address(), "-b", broker.address(), "-g", group,
                "-r", "5", "-q", "2");
        Mqadmin.Run shown = mqadmin("getConsumerConfig", "-n", broker.address(), "-g", group);

        assertThat(created.output()).contains("create subscription group to " + broker.address() + " success");
        SubscriptionGroupConfig stored = broker.broker().runtime().subscriptionGroups().find(group).orElseThrow();
        assertThat(stored.retryMaxTimes()).isEqualTo(5);
        assertThat(stored.retryQueueNums()).isEqualTo(2);
        assertThat(shown.value("groupName")).isEqualTo(group);
        assertThat(shown.value("retryMaxTimes")).isEqualTo("5");
        assertThat(shown.value("consumeEnable")).isEqualTo("true");

        Mqadmin.Run deleted = mqadmin("deleteSubGroup", "-n", broker.address(), "-b", broker.address(), "-g", group);

        assertThat(deleted.output()).contains("delete subscription group [" + group + "] from broker ["
                + broker.address() + "] success");
        assertThat(broker.broker().runtime().subscriptionGroups().find(group)).isEmpty();
        assertThat(mqadmin("getConsumerConfig", "-n", broker.address(), "-g", group).output())
                .doesNotContain("groupName");
    }

    @Test
    void updateSubGroupOnTheWholeClusterReachesOurBroker() {
        String group = CompatBroker.uniqueName("cluster-group");

        Mqadmin.Run created = mqadmin("updateSubGroup", "-n", broker.address(), "-c", "DefaultCluster", "-g", group,
                "-o", "true");
        mqadmin("deleteSubGroup", "-n", broker.address(), "-c", "DefaultCluster", "-g", group);

        assertThat(created.output()).contains("create subscription group to " + broker.address() + " success");
        assertThat(broker.broker().runtime().subscriptionGroups().find(group)).isEmpty();
    }

    @Test
    void aGroupWhoseConsumptionIsDisabledReceivesNothingUntilItIsEnabledAgain() throws Exception {
        String topic = broker.createTopic("disabled", 2);
        String group = CompatBroker.uniqueName("disabled-group");
        mqadmin("updateSubGroup", "-n", broker.address(), "-b", broker.address(), "-g", group, "-s", "false");
        DefaultMQProducer producer = broker.startedProducer();
        for (int i = 0; i < 10; i++) {
            producer.send(new Message(topic, ("held-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        DefaultLitePullConsumer consumer = broker.litePullConsumer(group);
        consumer.subscribe(topic, "*");
        consumer.start();
        Set<String> received = ConcurrentHashMap.newKeySet();

        // each poll waits its full timeout when the broker refuses the pulls
        for (int i = 0; i < 3; i++) {
            assertThat(consumer.poll(1_000)).isEmpty();
        }
        mqadmin("updateSubGroup", "-n", broker.address(), "-b", broker.address(), "-g", group, "-s", "true");

        await("messages after consumption is enabled").atMost(CompatBroker.PATIENCE).until(() -> {
            List<MessageExt> polled = consumer.poll(1_000);
            polled.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return received.size() == 10;
        });
    }

    @Test
    void getBrokerConfigShowsTheSettingsInForceByTheirRocketMqNames() {
        Mqadmin.Run shown = mqadmin("getBrokerConfig", "-n", broker.address(), "-b", broker.address());

        String port = broker.address().substring(broker.address().indexOf(':') + 1);
        assertThat(shown.value("listenPort")).isEqualTo(port);
        assertThat(shown.value("namesrvAddr")).isEqualTo(broker.address());
        assertThat(shown.value("brokerClusterName")).isEqualTo("DefaultCluster");
        assertThat(shown.value("flushDiskType")).isEqualTo("ASYNC_FLUSH");
        assertThat(shown.value("messageDelayLevel")).isEqualTo("1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h");
        assertThat(shown.value("autoCreateSubscriptionGroup")).isEqualTo("true");
        assertThat(shown.lines().stream().filter(l -> l.contains("=  ")).count()).isGreaterThan(30);
    }

    @Test
    void updateBrokerConfigChangesALiveSettingAndRefusesOthersWithoutChangingAnything() {
        try {
            Mqadmin.Run updated = mqadmin("updateBrokerConfig", "-n", broker.address(), "-b", broker.address(),
                    "-k", "autoCreateSubscriptionGroup", "-v", "false");

            assertThat(updated.refusedRequests()).isEmpty();
            assertThat(broker.broker().runtime().subscriptionGroups().isAutoCreate()).isFalse();
            assertThat(mqadmin("getBrokerConfig", "-n", broker.address(), "-b", broker.address())
                    .value("autoCreateSubscriptionGroup")).isEqualTo("false");
        } finally {
            mqadmin("updateBrokerConfig", "-n", broker.address(), "-b", broker.address(),
                    "-k", "autoCreateSubscriptionGroup", "-v", "true");
        }
        assertThat(broker.broker().runtime().subscriptionGroups().isAutoCreate()).isTrue();

        Mqadmin.Run refused = mqadmin("updateBrokerConfig", "-n", broker.address(), "-b", broker.address(),
                "-k", "brokerName", "-v", "renamed");

        assertThat(refused.output()).contains("cannot change brokerName while the broker runs");
        assertThat(mqadmin("getBrokerConfig", "-n", broker.address(), "-b", broker.address()).value("brokerName"))
                .isEqualTo("broker-a");
    }

    @Test
    void withTopicAutoCreationTurnedOffASendToANewTopicIsRefused() throws Exception {
        DefaultMQProducer producer = broker.startedProducer();
        String refusedTopic = CompatBroker.uniqueName("not-created");
        try {
            mqadmin("updateBrokerConfig", "-n", broker.address(), "-b", broker.address(),
                    "-k", "autoCreateTopicEnable", "-v", "false");

            assertThatThrownBy(() -> producer.send(new Message(refusedTopic, "x".getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(MQClientException.class);
            assertThat(broker.broker().runtime().topics().find(refusedTopic)).isNull();
        } finally {
            mqadmin("updateBrokerConfig", "-n", broker.address(), "-b", broker.address(),
                    "-k", "autoCreateTopicEnable", "-v", "true");
        }
        String createdTopic = CompatBroker.uniqueName("created");
        assertThat(producer.send(new Message(createdTopic, "x".getBytes(StandardCharsets.UTF_8))).getSendStatus())
                .isEqualTo(SendStatus.SEND_OK);
    }

    @Test
    void getAndUpdateNamesrvConfigReadAndChangeTheNameServersSettings() {
        Mqadmin.Run shown = mqadmin("getNamesrvConfig", "-n", broker.address());

        assertThat(shown.value("enableAllTopicList")).isEqualTo("true");
        assertThat(shown.value("scanNotActiveBrokerInterval")).isEqualTo("5000");
        try {
            mqadmin("updateNamesrvConfig", "-n", broker.address(), "-k", "enableAllTopicList", "-v", "false");

            assertThat(mqadmin("getNamesrvConfig", "-n", broker.address()).value("enableAllTopicList"))
                    .isEqualTo("false");
            assertThat(mqadmin("topicList", "-n", broker.address()).output()).contains("disable");
        } finally {
            mqadmin("updateNamesrvConfig", "-n", broker.address(), "-k", "enableAllTopicList", "-v", "true");
        }
        assertThat(mqadmin("topicList", "-n", broker.address()).lines()).contains("TBW102");
    }

    @Test
    void brokerStatusClusterListAndConsumerProgressShowTheTrafficOfLiveClients() throws Exception {
        String topic = broker.createTopic("live", 4);
        String group = CompatBroker.uniqueName("live-group");
        DefaultMQPushConsumer consumer = broker.pushConsumer(group);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener(new Received().listener());
        consumer.start();
        try (Traffic traffic = new Traffic(broker.startedProducer(), topic, "TagL")) {
            Mqadmin.Run status = await("put and get rates under traffic").atMost(CompatBroker.PATIENCE)
                    .until(() -> Mqadmin.run("brokerStatus", "-n", broker.address(), "-b", broker.address()),
                            run -> firstRate(run.value("putTps")) > 0 && firstRate(run.value("getTransferredTps")) > 0);
            assertThat(Long.parseLong(status.value("msgPutTotalTodayNow"))).isPositive();
            assertThat(Long.parseLong(status.value("msgGetTotalTodayNow"))).isPositive();
            assertThat(status.lines().stream().filter(l -> l.contains(" : ")).count()).isGreaterThanOrEqualTo(45);

            List<String> row = mqadmin("clusterList", "-n", broker.address()).row("DefaultCluster");
            assertThat(String.join(" ", row)).doesNotContain("null");
            assertThat(Double.parseDouble(row.get(5).substring(0, row.get(5).indexOf('(')))).isPositive();

            Mqadmin.Run progress = await("a consume TPS").atMost(CompatBroker.PATIENCE)
                    .until(() -> mqadmin("consumerProgress", "-n", broker.address(), "-g", group),
                            run -> consumeTps(run) > 0);
            List<String> queueRow = progress.row(topic);
            assertThat(queueRow.get(1)).isEqualTo("broker-a");
            assertThat(progress.lines().stream().filter(l -> l.startsWith(topic)).toList()).hasSize(4)
                    .allSatisfy(line -> assertThat(line).doesNotContain("N/A"));

            Mqadmin.Run consumeStats = mqadmin("brokerConsumeStats", "-n", broker.address(), "-b", broker.address());
            assertThat(consumeStats.lines()).filteredOn(l -> l.startsWith(topic) && l.contains(group)).hasSize(4);

            // #Topic #Consumer Group #Accumulation #InTPS #OutTPS #InMsg24Hour #OutMsg24Hour
            List<String> stats = await("statsAll rates").atMost(CompatBroker.PATIENCE)
                    .until(() -> mqadmin("statsAll", "-n", broker.address(), "-t", topic).row(topic),
                            r -> r.size() == 7 && Double.parseDouble(r.get(3)) > 0 && Double.parseDouble(r.get(4)) > 0);
            assertThat(stats.get(1)).isEqualTo(group);
            assertThat(Long.parseLong(stats.get(5))).isPositive();
            assertThat(Long.parseLong(stats.get(6))).isPositive();
            assertThat(mqadmin("topicList", "-n", broker.address(), "-c").lines())
                    .anySatisfy(line -> assertThat(line).contains(topic, group));
        } finally {
            consumer.shutdown();
        }
    }

    @Test
    void queryMsgCommandsPrintEachGroupsTrackOfTheMessage() throws Exception {
        String topic = broker.createTopic("tracked", 2);
        String group = CompatBroker.uniqueName("tracking-group");
        DefaultMQProducer producer = broker.startedProducer();
        Received received = new Received();
        DefaultMQPushConsumer consumer = broker.pushConsumer(group);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener(received.listener());
        consumer.start();
        SendResult sent = producer.send(new Message(topic, "TagT", "tracked".getBytes(StandardCharsets.UTF_8)));
        await("consumed and committed").atMost(CompatBroker.PATIENCE)
                .until(() -> broker.committedOnBroker(group, topic) == 1);
        String consumedTrack = "consumerGroup=" + group + ", trackType=CONSUMED";

        assertThat(mqadmin("queryMsgById", "-n", broker.address(), "-t", topic, "-i", sent.getOffsetMsgId())
                .output()).contains(consumedTrack);
        assertThat(mqadmin("queryMsgByUniqueKey", "-n", broker.address(), "-t", topic, "-i", sent.getMsgId())
                .output()).contains(consumedTrack);
        assertThat(mqadmin("queryMsgByOffset", "-n", broker.address(), "-t", topic, "-b", "broker-a", "-i",
                String.valueOf(sent.getMessageQueue().getQueueId()), "-o", String.valueOf(sent.getQueueOffset()))
                .output()).contains(consumedTrack);
        assertThat(mqadmin("producer", "-n", broker.address(), "-b", broker.address()).output())
                .contains(producer.getProducerGroup());
    }

    @Test
    void resetOffsetByTimeAndSkipAccumulatedMessageMoveALiveGroupAtOnce() throws Exception {
        String topic = broker.createTopic("mqadmin-reset", 2);
        String group = CompatBroker.uniqueName("mqadmin-reset-group");
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
        await("consumed and committed").atMost(CompatBroker.PATIENCE)
                .until(() -> received.size() == 10 && broker.committedOnBroker(group, topic) == 10);

        // #Broker Name #QID #Min Offset #Max Offset #Last Updated
        assertThat(mqadmin("topicStatus", "-n", broker.address(), "-t", topic).lines())
                .filteredOn(l -> l.startsWith("broker-a")).hasSize(2)
                .extracting(l -> Long.parseLong(l.trim().split("\\s+")[3])).containsOnly(5L);
        assertThat(mqadmin("consumerConnection", "-n", broker.address(), "-g", group).output())
                .contains(topic, "CLUSTERING", "CONSUME_FROM_FIRST_OFFSET");

        Mqadmin.Run reset = mqadmin("resetOffsetByTime", "-n", broker.address(), "-g", group, "-t", topic, "-s",
                String.valueOf(beforeFirst));

        // #brokerName #queueId #offset, one row per queue, back at the first message
        assertThat(reset.lines()).filteredOn(l -> l.startsWith("broker-a")).hasSize(2)
                .allSatisfy(l -> assertThat(l.trim().split("\\s+")[2]).isEqualTo("0"));
        await("redelivery after the reset").atMost(Duration.ofSeconds(5)).until(() -> received.size() == 20);
        await("committed again").atMost(CompatBroker.PATIENCE)
                .until(() -> broker.committedOnBroker(group, topic) == 10);

        consumer.shutdown();
        for (int i = 0; i < 6; i++) {
            producer.send(new Message(topic, ("backlog-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        await("the backlog in its queues").atMost(CompatBroker.PATIENCE)
                .until(() -> broker.storedMessages(topic) == 16);
        Mqadmin.Run skipped = mqadmin("skipAccumulatedMessage", "-n", broker.address(), "-g", group, "-t", topic);

        assertThat(skipped.lines()).filteredOn(l -> l.startsWith("broker-a"))
                .extracting(l -> Long.parseLong(l.trim().split("\\s+")[2])).containsExactly(8L, 8L);
        assertThat(broker.committedOnBroker(group, topic)).isEqualTo(16);
    }

    private static double firstRate(String rates) {
        return Double.parseDouble(rates.trim().split("\\s+")[0]);
    }

    /** consumerProgress ends with "Consume TPS: 12.34". */
    private static double consumeTps(Mqadmin.Run run) {
        return run.lines().stream().filter(l -> l.startsWith("Consume TPS:")).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.indexOf(':') + 1).trim())).orElse(0.0);
    }

    private static Mqadmin.Run mqadmin(String... args) {
        Mqadmin.Run run = Mqadmin.run(args);
        assertThat(run.unsupportedRequests()).as("requests answered 'not supported' by mqadmin %s", args[0])
                .isEmpty();
        return run;
    }
}
