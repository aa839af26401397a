package io.nimbusmq.spring.compat;

import static io.nimbusmq.testkit.OfficialClients.patient;
import static io.nimbusmq.testkit.ApacheRocketMq.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.client.ClientConfig;
import io.nimbusmq.client.MqClient;
import io.nimbusmq.client.SendResult;
import io.nimbusmq.client.consumer.QueueSeeker;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.core.MqListener;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.listener.MessageListenerContainerRegistry;
import io.nimbusmq.spring.listener.MqConsumerSeekAware;
import io.nimbusmq.spring.test.MessageCollector;
import io.nimbusmq.testkit.ApacheRocketMq;

/**
 * One application, two clusters: the default connection on our broker, connection {@code apache} on Apache RocketMQ
 * 5.3.1 in-process with a namespace. A template and listeners per connection, {@code receive} on the namespaced
 * connection, an official client in the same namespace reading what the starter wrote and the other way round, and
 * seeks on the default connection (through the registry and a seek-aware listener).
 */
@Tag("compat")
class ConnectionsCompatibilityTests {

    @RegisterExtension
    static final ApacheRocketMq rocketmq = new ApacheRocketMq();

    static final String NAMESPACE = ApacheRocketMq.uniqueName("tenant");
    static final MessageCollector<String> LOCAL = new MessageCollector<>();
    static final MessageCollector<String> REMOTE = new MessageCollector<>();
    static final MessageCollector<String> REPLAYED = new MessageCollector<>();
    static final List<MessageQueue> ASSIGNED = new CopyOnWriteArrayList<>();
    private static Path storeDir;
    private static EmbeddedBroker nimbus;
    private static ConfigurableApplicationContext context;
    private static String localTopic;
    private static String replayTopic;
    private static String remoteTopic;
    private static String pullTopic;
    private static String officialTopic;

    @BeforeAll
    static void startTheApplication() throws Exception {
        storeDir = Files.createTempDirectory("nimbus-connections-");
        nimbus = EmbeddedBroker.builder().port(0).storeDir(storeDir).build();
        nimbus.start();
        localTopic = nimbusTopic("local");
        replayTopic = nimbusTopic("replay");
        try (MqClient namespaced = MqClient.create(ClientConfig.builder().nameServer(rocketmq.nameServerAddress())
                .instanceName(ApacheRocketMq.uniqueName("setup")).namespace(NAMESPACE).build())) {
            remoteTopic = apacheTopic(namespaced, "remote");
            pullTopic = apacheTopic(namespaced, "pull");
            officialTopic = apacheTopic(namespaced, "official");
        }
        context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).properties(
                "spring.application.name=connections", "mq.name-server=" + nimbus.address(),
                "mq.connections.apache.name-server=" + rocketmq.nameServerAddress(),
                "mq.connections.apache.namespace=" + NAMESPACE,
                "mq.pull-consumer.connection=apache", "mq.pull-consumer.topic=" + pullTopic,
                "mq.pull-consumer.group=" + ApacheRocketMq.uniqueName("pull"),
                "mq.pull-consumer.consume-from-where=CONSUME_FROM_FIRST_OFFSET",
                "app.topic.local=" + localTopic, "app.topic.replay=" + replayTopic, "app.topic.remote=" + remoteTopic)
                .run();
    }

    private static String nimbusTopic(String prefix) {
        String topic = ApacheRocketMq.uniqueName(prefix);
        nimbus.runtime().topics().createOrUpdate(TopicConfig.of(topic, 2));
        return topic;
    }

    private static String apacheTopic(MqClient namespaced, String prefix) {
        String topic = ApacheRocketMq.uniqueName(prefix);
        assertThat(namespaced.createTopic(topic, 2, Map.of())).isEmpty();
        await().atMost(PATIENCE).until(() -> namespaced.describeTopic(topic).isPresent());
        return topic;
    }

    @AfterAll
    static void closeTheApplication() throws Exception {
        if (context != null) {
            context.close();
        }
        if (nimbus != null) {
            nimbus.close();
        }
        try (var paths = Files.walk(storeDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static MqTemplate template(String qualifier) {
        return qualifier == null ? context.getBean(Injected.class).defaultTemplate
                : context.getBean(Injected.class).apacheTemplate;
    }

    @Test
    void eachConnectionHasItsTemplateAndListeners() {
        SendResult local = template(null).syncSend(localTopic, "to nimbus");
        SendResult remote = template("apache").syncSend(remoteTopic, "to apache");

        assertThat(local.messageQueue().brokerName()).isNotEqualTo(ApacheRocketMq.BROKER_NAME);
        assertThat(remote.messageQueue().brokerName()).isEqualTo(ApacheRocketMq.BROKER_NAME);
        assertThat(remote.messageQueue().topic()).isEqualTo(remoteTopic);
        LOCAL.awaitMatch("to nimbus"::equals, PATIENCE);
        REMOTE.awaitMatch("to apache"::equals, PATIENCE);
        assertThat(LOCAL.received()).doesNotContain("to apache");
        assertThat(REMOTE.received()).doesNotContain("to nimbus");
    }

    @Test
    void receivePullsOnDemandFromTheNamespacedConnection() {
        template("apache").syncSend(pullTopic, "pulled-1");
        template("apache").syncSend(pullTopic, "pulled-2");
        MqTemplate template = template(null);

        List<String> received = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            received.addAll(template.receive(String.class, Duration.ofMillis(500)));
            return received.size() >= 2;
        });
        assertThat(received).containsExactlyInAnyOrder("pulled-1", "pulled-2");
    }

    @Test
    void anOfficialClientInTheSameNamespaceReadsWhatTheStarterWroteAndTheOtherWayRound() throws Exception {
        List<MessageExt> official = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = patient(new DefaultMQPushConsumer(ApacheRocketMq.uniqueName("official-cg")));
        consumer.setNamesrvAddr(rocketmq.nameServerAddress());
        consumer.setNamespace(NAMESPACE);
        consumer.setInstanceName(ApacheRocketMq.uniqueName("official"));
        consumer.setConsumeFromWhere(org.apache.rocketmq.common.consumer.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(officialTopic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, ctx) -> {
            official.addAll(messages);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        rocketmq.closeAfterTest(consumer::shutdown);
        DefaultMQProducer producer = patient(new DefaultMQProducer(ApacheRocketMq.uniqueName("official-pg")));
        producer.setNamesrvAddr(rocketmq.nameServerAddress());
        producer.setNamespace(NAMESPACE);
        producer.setInstanceName(ApacheRocketMq.uniqueName("official"));
        producer.start();
        rocketmq.closeAfterTest(producer::shutdown);

        template("apache").syncSend(officialTopic, "from the starter");
        producer.send(new org.apache.rocketmq.common.message.Message(remoteTopic,
                "from the official client".getBytes(StandardCharsets.UTF_8)));

        await().atMost(PATIENCE).until(() -> !official.isEmpty());
        assertThat(official.get(0).getTopic()).isEqualTo(officialTopic);
        assertThat(new String(official.get(0).getBody(), StandardCharsets.UTF_8)).isEqualTo("from the starter");
        REMOTE.awaitMatch("from the official client"::equals, PATIENCE);
    }

    @Test
    void aListenerIsSeekAwareAndSeeksThroughTheRegistry() {
        MqTemplate template = template(null);
        List.of("r0", "r1", "r2").forEach(body -> template.syncSend(replayTopic, body));
        REPLAYED.awaitCount(3, PATIENCE);
        assertThat(ASSIGNED).extracting(MessageQueue::topic).containsOnly(replayTopic);
        MessageListenerContainerRegistry registry = context.getBean(MessageListenerContainerRegistry.class);

        QueueSeeker seeker = registry.seeker("replay");
        seeker.seekToBeginning(registry.assignment("replay"));

        REPLAYED.awaitCount(6, PATIENCE);
        assertThat(REPLAYED.received()).containsExactlyInAnyOrder("r0", "r1", "r2", "r0", "r1", "r2");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        Listeners listeners() {
            return new Listeners();
        }

        @Bean
        Replay replay() {
            return new Replay();
        }

        @Bean
        Injected injected(MqTemplate defaultTemplate, @Qualifier("apache") MqTemplate apacheTemplate) {
            return new Injected(defaultTemplate, apacheTemplate);
        }
    }

    record Injected(MqTemplate defaultTemplate, MqTemplate apacheTemplate) {
    }

    static class Listeners {

        @MessageListener(topic = "${app.topic.local}", consumerGroup = "${app.topic.local}",
                consumeFromWhere = "FIRST_OFFSET")
        void local(String body) {
            LOCAL.add(body);
        }

        @MessageListener(topic = "${app.topic.remote}", consumerGroup = "${app.topic.remote}", connection = "apache",
                consumeFromWhere = "FIRST_OFFSET")
        void remote(String body) {
            REMOTE.add(body);
        }
    }

    @MessageListener(id = "replay", topic = "${app.topic.replay}", consumerGroup = "${app.topic.replay}",
            consumeFromWhere = "FIRST_OFFSET")
    static class Replay implements MqListener<String>, MqConsumerSeekAware {

        @Override
        public void onQueuesAssigned(Collection<MessageQueue> queues, QueueSeeker seeker) {
            ASSIGNED.addAll(queues);
        }

        @Override
        public void onMessage(String body) {
            REPLAYED.add(body);
        }
    }
}
