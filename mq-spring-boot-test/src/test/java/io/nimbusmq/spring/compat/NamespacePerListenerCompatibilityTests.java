package io.nimbusmq.spring.compat;

import static io.nimbusmq.testkit.ApacheRocketMq.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.RequestCallback;
import org.apache.rocketmq.client.utils.MessageUtil;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.test.MessageCollector;
import io.nimbusmq.testkit.ApacheRocketMq;
import io.nimbusmq.testkit.OfficialClients;

/**
 * A namespace per listener and per template without a connection of its own: the default connection (our broker)
 * and connection {@code apache} (Apache RocketMQ 5.3.1 in-process) have no namespace, and listeners with
 * {@code @MessageListener(namespace)} and templates from {@code MqTemplate.withNamespace} work in one. On each broker
 * an official client in the same namespace reads what the starter wrote, and the other way round, for messages and
 * for request-reply (whose reply topic is {@code ns%<cluster>_REPLY_TOPIC} as an official replier sends it).
 */
@Tag("compat")
class NamespacePerListenerCompatibilityTests {

    @RegisterExtension
    static final ApacheRocketMq rocketmq = new ApacheRocketMq();

    static final String NAMESPACE = ApacheRocketMq.uniqueName("tenant");
    static final String NIMBUS = "";
    static final String APACHE = "apache";
    static final Map<String, MessageCollector<String>> RECEIVED = Map.of(NIMBUS, new MessageCollector<>(),
            APACHE, new MessageCollector<>());
    private static Path storeDir;
    private static EmbeddedBroker nimbus;
    private static ConfigurableApplicationContext context;
    /** Per connection: listen, official, request, ask. */
    private static final Map<String, Map<String, String>> TOPICS = new java.util.HashMap<>();

    @BeforeAll
    static void startTheApplication() throws Exception {
        storeDir = Files.createTempDirectory("nimbus-namespaces-");
        nimbus = EmbeddedBroker.builder().port(0).storeDir(storeDir).build();
        nimbus.start();
        List<String> properties = new ArrayList<>(List.of("spring.application.name=namespaces",
                "mq.name-server=" + nimbus.address(), "mq.connections.apache.name-server="
                        + rocketmq.nameServerAddress(), "app.namespace=" + NAMESPACE,
                "mq.producer.send-timeout=30s", "mq.producer.reply-timeout=60s"));
        for (String connection : List.of(NIMBUS, APACHE)) {
            try (MqClient namespaced = MqClient.create(ClientConfig.builder().nameServer(nameServer(connection))
                    .instanceName(ApacheRocketMq.uniqueName("setup")).namespace(NAMESPACE).build())) {
                Map<String, String> topics = new java.util.HashMap<>();
                for (String use : List.of("listen", "official", "request", "ask")) {
                    String topic = ApacheRocketMq.uniqueName(use);
                    assertThat(namespaced.createTopic(topic, 2, Map.of())).isEmpty();
                    await().atMost(PATIENCE).until(() -> namespaced.describeTopic(topic).isPresent());
                    topics.put(use, topic);
                    properties.add("app." + (connection.isEmpty() ? "nimbus" : connection) + "." + use + "=" + topic);
                }
                TOPICS.put(connection, topics);
            }
        }
        context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .properties(properties.toArray(String[]::new)).run();
    }

    private static String nameServer(String connection) {
        return connection.isEmpty() ? nimbus.address() : rocketmq.nameServerAddress();
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

    private static MqTemplate namespacedTemplate(String connection) {
        Injected injected = context.getBean(Injected.class);
        return (connection.isEmpty() ? injected.defaultTemplate : injected.apacheTemplate).withNamespace(NAMESPACE);
    }

    private static <C extends org.apache.rocketmq.client.ClientConfig> C official(C client, String connection) {
        client.setNamesrvAddr(nameServer(connection));
        client.setNamespace(NAMESPACE);
        client.setInstanceName(ApacheRocketMq.uniqueName("official"));
        return OfficialClients.patient(client);
    }

    private static DefaultMQProducer officialProducer(String connection) throws Exception {
        DefaultMQProducer producer = official(new DefaultMQProducer(ApacheRocketMq.uniqueName("official-pg")),
                connection);
        producer.start();
        rocketmq.closeAfterTest(producer::shutdown);
        return producer;
    }

    private static void officialConsumer(String connection, String topic, MessageListenerConcurrently listener)
            throws Exception {
        DefaultMQPushConsumer consumer = official(new DefaultMQPushConsumer(ApacheRocketMq.uniqueName("official-cg")),
                connection);
        consumer.setConsumeFromWhere(org.apache.rocketmq.common.consumer.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener(listener);
        consumer.start();
        rocketmq.closeAfterTest(consumer::shutdown);
    }

    @ParameterizedTest(name = "connection ''{0}''")
    @ValueSource(strings = {NIMBUS, APACHE})
    void anOfficialClientInTheNamespaceReadsWhatTheStarterWroteAndTheOtherWayRound(String connection)
            throws Exception {
        Map<String, String> topics = TOPICS.get(connection);
        List<MessageExt> official = new CopyOnWriteArrayList<>();
        officialConsumer(connection, topics.get("official"), (messages, ctx) -> {
            official.addAll(messages);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        DefaultMQProducer producer = officialProducer(connection);

        SendResult sent = namespacedTemplate(connection).syncSend(topics.get("official"), "from the starter");
        producer.send(new Message(topics.get("listen"), utf8("from the official client")));

        assertThat(sent.messageQueue().topic()).as("the application's name").isEqualTo(topics.get("official"));
        await().atMost(PATIENCE).until(() -> !official.isEmpty());
        assertThat(official.get(0).getTopic()).isEqualTo(topics.get("official"));
        assertThat(new String(official.get(0).getBody(), StandardCharsets.UTF_8)).isEqualTo("from the starter");
        RECEIVED.get(connection).awaitMatch("from the official client"::equals, PATIENCE);
        String wireName = NAMESPACE + "%" + topics.get("listen"); // the listener's group is named as its topic
        try (MqClient plain = MqClient.create(ClientConfig.builder().nameServer(nameServer(connection))
                .instanceName(ApacheRocketMq.uniqueName("plain")).build())) {
            assertThat(plain.consumerGroupMembers(wireName, wireName)).as("the listener's group on the wire")
                    .hasValueSatisfying(members -> assertThat(members.userSubscriptions()).containsOnlyKeys(wireName));
        }
    }

    @ParameterizedTest(name = "connection ''{0}''")
    @ValueSource(strings = {NIMBUS, APACHE})
    void requestReplyWorksBothWaysWithAnOfficialClientInTheNamespace(String connection) throws Exception {
        Map<String, String> topics = TOPICS.get(connection);
        DefaultMQProducer officialReplier = officialProducer(connection);
        officialConsumer(connection, topics.get("ask"), (messages, ctx) -> {
            for (MessageExt request : messages) {
                try {
                    officialReplier.send(MessageUtil.createReplyMessage(request,
                            utf8("re: " + new String(request.getBody(), StandardCharsets.UTF_8))));
                } catch (Exception e) {
                    return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                }
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        DefaultMQProducer officialRequester = officialProducer(connection);
        CompletableFuture<Message> reply = new CompletableFuture<>();

        officialRequester.request(new Message(topics.get("request"), utf8("ping")), new RequestCallback() {
            @Override
            public void onSuccess(Message message) {
                if (message != null) { // 5.3.1 calls onSuccess(null) once the request is sent
                    reply.complete(message);
                }
            }

            @Override
            public void onException(Throwable e) {
                reply.completeExceptionally(e);
            }
        }, PATIENCE.toMillis());
        String answer = namespacedTemplate(connection).sendAndReceive(topics.get("ask"), "pong", String.class);

        Message replied = reply.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(new String(replied.getBody(), StandardCharsets.UTF_8)).isEqualTo("re: ping");
        assertThat(replied.getTopic()).as("the listener replies in its namespace").startsWith(NAMESPACE + "%")
                .endsWith("_REPLY_TOPIC");
        assertThat(answer).isEqualTo("re: pong");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        Listeners listeners() {
            return new Listeners();
        }

        @Bean
        Injected injected(MqTemplate defaultTemplate, @Qualifier("apache") MqTemplate apacheTemplate) {
            return new Injected(defaultTemplate, apacheTemplate);
        }
    }

    record Injected(MqTemplate defaultTemplate, MqTemplate apacheTemplate) {
    }

    static class Listeners {

        @MessageListener(topic = "${app.nimbus.listen}", consumerGroup = "${app.nimbus.listen}",
                namespace = "${app.namespace}", consumeFromWhere = "FIRST_OFFSET")
        void nimbus(String body) {
            RECEIVED.get(NIMBUS).add(body);
        }

        @MessageListener(topic = "${app.apache.listen}", consumerGroup = "${app.apache.listen}", connection = "apache",
                namespace = "${app.namespace}", consumeFromWhere = "FIRST_OFFSET")
        void apache(String body) {
            RECEIVED.get(APACHE).add(body);
        }

        @MessageListener(topic = "${app.nimbus.request}", consumerGroup = "${app.nimbus.request}",
                namespace = "${app.namespace}", consumeFromWhere = "FIRST_OFFSET")
        String nimbusQuote(String body) {
            return "re: " + body;
        }

        @MessageListener(topic = "${app.apache.request}", consumerGroup = "${app.apache.request}",
                connection = "apache", namespace = "${app.namespace}", consumeFromWhere = "FIRST_OFFSET")
        String apacheQuote(String body) {
            return "re: " + body;
        }
    }
}
