package io.nimbusmq.spring.cluster;

import static io.nimbusmq.testkit.OfficialClients.patient;
import static io.nimbusmq.testkit.ApacheRocketMqCluster.BROKER_A;
import static io.nimbusmq.testkit.ApacheRocketMqCluster.BROKER_B;
import static io.nimbusmq.testkit.ApacheRocketMqCluster.CLUSTER;
import static io.nimbusmq.testkit.ApacheRocketMqCluster.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.route.QueueData;
import org.apache.rocketmq.tools.command.MQAdminStartup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.support.MqHeaders;
import io.nimbusmq.spring.test.MessageCollector;
import io.nimbusmq.testkit.ApacheRocketMq;
import io.nimbusmq.testkit.ApacheRocketMqCluster;

/**
 * Our broker as one more master, {@value #BROKER_C}, of an Apache RocketMQ cluster: it registers with Apache's name
 * server (as {@code BrokerLauncher --namesrv-addr} does), {@code mqadmin updateTopic -c DefaultCluster} creates a
 * topic on all three masters, and the official client and the starter send to and receive from all three.
 */
@Tag("cluster")
@ExtendWith(OutputCaptureExtension.class)
class MixedClusterCompatibilityTests {

    static final String BROKER_C = "broker-c";

    @RegisterExtension
    static final ApacheRocketMqCluster cluster = new ApacheRocketMqCluster();

    @TempDir
    static Path storeDir;

    private static EmbeddedBroker nimbus;

    @BeforeAll
    static void ourBrokerJoinsTheCluster() {
        nimbus = EmbeddedBroker.builder().clusterName(CLUSTER).brokerName(BROKER_C).storeDir(storeDir)
                .nameServerAddresses(List.of(cluster.nameServerAddress())).autoCreateTopicEnable(false).build();
        nimbus.start();
        await("broker-c registered").atMost(PATIENCE).until(() -> clusterInfo().getClusterAddrTable()
                .getOrDefault(CLUSTER, Set.of()).contains(BROKER_C));
    }

    @AfterAll
    static void ourBrokerLeaves() {
        if (nimbus != null) {
            nimbus.shutdown();
        }
    }

    private static ClusterInfo clusterInfo() {
        return cluster.nameServerController().getRouteInfoManager().getAllClusterInfo();
    }

    /** {@code mqadmin updateTopic -n <name server> -c DefaultCluster -t <topic> -r 4 -w 4}, run as the tool runs. */
    private static String createTopicWithMqadmin(String prefix) {
        String topic = ApacheRocketMq.uniqueName(prefix);
        MQAdminStartup.main0(new String[] {"updateTopic", "-n", cluster.nameServerAddress(), "-c", CLUSTER,
                "-t", topic, "-r", "4", "-w", "4"}, null);
        await("route of " + topic + " on the three masters").atMost(PATIENCE).until(() -> cluster.routeOf(topic)
                .map(route -> route.getQueueDatas().stream().map(QueueData::getBrokerName).toList())
                .filter(brokers -> brokers.containsAll(List.of(BROKER_A, BROKER_B, BROKER_C))).isPresent());
        return topic;
    }

    @Test
    void ourBrokerIsAMasterOfTheClusterNextToApachesBrokers() {
        ClusterInfo info = clusterInfo();
        assertThat(info.getClusterAddrTable().get(CLUSTER)).containsExactlyInAnyOrder(BROKER_A, BROKER_B, BROKER_C);
        assertThat(info.getBrokerAddrTable().get(BROKER_C).getBrokerAddrs()).containsOnlyKeys(0L)
                .containsValue(nimbus.address());
        assertThat(info.getBrokerAddrTable().get(BROKER_C).getCluster()).isEqualTo(CLUSTER);
    }

    @Test
    void mqadminClusterListShowsOurBrokerAsAnActiveMaster(CapturedOutput output) {
        MQAdminStartup.main0(new String[] {"clusterList", "-n", cluster.nameServerAddress()}, null);
        List<String> rows = output.getOut().lines()
                .filter(line -> line.startsWith(CLUSTER) && line.contains(BROKER_C)).toList();
        assertThat(rows).singleElement().asString().contains(CLUSTER, " 0 ", nimbus.address(), "V5_3_1")
                .endsWith("true");
    }

    @Test
    void mqadminCreatesATopicOnAllThreeMastersWithItsQueues() {
        String topic = createTopicWithMqadmin("mqadmin");
        assertThat(cluster.routeOf(topic).orElseThrow().getQueueDatas()).allSatisfy(queues -> {
            assertThat(queues.getReadQueueNums()).isEqualTo(4);
            assertThat(queues.getWriteQueueNums()).isEqualTo(4);
            assertThat(queues.getPerm()).isEqualTo(6);
        });
        assertThat(nimbus.runtime().topics().find(topic)).isNotNull();
    }

    @Test
    void theOfficialClientSendsToAndReceivesFromAllThreeMasters() throws Exception {
        String topic = createTopicWithMqadmin("official");
        Set<String> received = ConcurrentHashMap.newKeySet();
        Set<String> receivedFrom = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer consumer = patient(new DefaultMQPushConsumer(topic + "-consumer"));
        DefaultMQProducer producer = patient(new DefaultMQProducer(topic + "-producer"));
        try {
            consumer.setNamesrvAddr(cluster.nameServerAddress());
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            consumer.subscribe(topic, "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                messages.forEach(m -> {
                    received.add(new String(m.getBody(), StandardCharsets.UTF_8));
                    receivedFrom.add(m.getBrokerName());
                });
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            producer.setNamesrvAddr(cluster.nameServerAddress());
            producer.start();
            Set<String> sentTo = new HashSet<>();
            List<String> bodies = IntStream.range(0, 24).mapToObj(i -> "official-" + i).toList();
            for (String body : bodies) {
                sentTo.add(producer.send(new org.apache.rocketmq.common.message.Message(topic,
                        body.getBytes(StandardCharsets.UTF_8))).getMessageQueue().getBrokerName());
            }
            assertThat(sentTo).containsExactlyInAnyOrder(BROKER_A, BROKER_B, BROKER_C);
            await().atMost(PATIENCE).until(() -> received.containsAll(bodies));
            assertThat(receivedFrom).containsExactlyInAnyOrder(BROKER_A, BROKER_B, BROKER_C);
        } finally {
            producer.shutdown();
            consumer.shutdown();
        }
    }

    @Test
    void theStarterSendsToAndReceivesFromAllThreeMasters() {
        String topic = createTopicWithMqadmin("starter");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE)
                .properties("mq.name-server=" + cluster.nameServerAddress(), "app.topic=" + topic,
                        "mq.consumer.consume-from-where=CONSUME_FROM_FIRST_OFFSET")
                .run()) {
            MqTemplate template = app.getBean(MqTemplate.class);
            MessageCollector<Message<String>> received = app.getBean(Listener.class).received;
            // the producer skips a broker that just answered slowly, so a loaded machine may need more sends
            Set<String> sentTo = new HashSet<>();
            AtomicInteger sent = new AtomicInteger();
            await("sends on the three masters").atMost(PATIENCE).until(() -> sentTo.add(template.syncSend(topic,
                    "starter-" + sent.getAndIncrement()).messageQueue().brokerName()) && sentTo.size() == 3);
            assertThat(received.awaitCount(sent.get(), PATIENCE))
                    .extracting(m -> m.getHeaders().get(MqHeaders.BROKER_NAME))
                    .contains(BROKER_A, BROKER_B, BROKER_C);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        Listener listener() {
            return new Listener();
        }
    }

    static class Listener {
        final MessageCollector<Message<String>> received = new MessageCollector<>();

        @MessageListener(topic = "${app.topic}", consumerGroup = "${app.topic}")
        void on(Message<String> message) {
            received.add(message);
        }
    }
}
