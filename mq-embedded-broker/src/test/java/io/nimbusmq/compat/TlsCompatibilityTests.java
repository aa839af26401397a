package io.nimbusmq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.remoting.tls.TlsMode;
import io.nimbusmq.remoting.tls.TlsServerConfig;
import io.nimbusmq.testkit.TestCertificates;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.exception.RemotingException;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official 5.3.1 clients with {@code setUseTLS(true)} (RocketMQ's default client TLS: any server certificate
 * accepted) against brokers in each TLS mode: permissive serves TLS and plain clients on one port, enforcing only TLS,
 * disabled only plain. Clients of the wrong kind are disconnected and store nothing.
 */
@Tag("compat")
class TlsCompatibilityTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    static EmbeddedBroker permissive;
    static EmbeddedBroker enforcing;
    static EmbeddedBroker disabled;
    private final List<Runnable> shutdowns = new ArrayList<>();

    @BeforeAll
    static void startBrokers() {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        TestCertificates.Pem server = TestCertificates.selfSigned(dir.resolve("certs"), "server");
        permissive = started("permissive", TlsServerConfig.of(TlsMode.PERMISSIVE, server.certificate(),
                server.privateKey()));
        enforcing = started("enforcing", TlsServerConfig.of(TlsMode.ENFORCING, server.certificate(),
                server.privateKey()));
        disabled = started("disabled", TlsServerConfig.disabled());
    }

    private static EmbeddedBroker started(String name, TlsServerConfig tls) {
        EmbeddedBroker broker = EmbeddedBroker.builder().port(0).storeDir(dir.resolve(name)).tls(tls).build();
        broker.start();
        return broker;
    }

    @AfterAll
    static void stopBrokers() {
        for (EmbeddedBroker broker : new EmbeddedBroker[] {permissive, enforcing, disabled}) {
            if (broker != null) {
                broker.close();
            }
        }
    }

    @AfterEach
    void shutdownClients() {
        shutdowns.forEach(Runnable::run);
    }

    @Test
    void permissiveServesTlsAndPlainClientsOnOnePort() throws Exception {
        String topic = CompatBroker.uniqueName("permissive");
        assertThat(producer(permissive, true).send(message(topic, "over-tls")).getSendStatus())
                .isEqualTo(SendStatus.SEND_OK);
        assertThat(producer(permissive, false).send(message(topic, "plain")).getSendStatus())
                .isEqualTo(SendStatus.SEND_OK);

        Set<String> received = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(CompatBroker.uniqueName("cg"));
        consumer.setNamesrvAddr(permissive.address());
        consumer.setInstanceName(CompatBroker.uniqueName("tls-consumer"));
        consumer.setUseTLS(true);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        shutdowns.add(consumer::shutdown);

        await("a TLS consumer receives both").atMost(PATIENCE)
                .until(() -> received.equals(Set.of("over-tls", "plain")));
    }

    @Test
    void enforcingServesTlsClientsAndDisconnectsPlainOnes() throws Exception {
        String topic = CompatBroker.uniqueName("enforcing");
        DefaultMQProducer plain = producer(enforcing, false);

        assertThatThrownBy(() -> plain.send(message(topic, "plain")))
                .isInstanceOfAny(MQClientException.class, IllegalStateException.class);
        assertThatThrownBy(() -> rawInvoke(enforcing, false)).isInstanceOf(RemotingException.class);
        assertThat(enforcing.runtime().topics().find(topic)).as("nothing stored").isNull();

        assertThat(producer(enforcing, true).send(message(topic, "over-tls")).getSendStatus())
                .isEqualTo(SendStatus.SEND_OK);
        assertThat(rawInvoke(enforcing, true).getCode()).isEqualTo(ResponseCode.SUCCESS);
    }

    @Test
    void disabledServesPlainClientsAndDisconnectsTlsOnes() throws Exception {
        assertThatThrownBy(() -> rawInvoke(disabled, true)).isInstanceOf(RemotingException.class);
        assertThat(rawInvoke(disabled, false).getCode()).isEqualTo(ResponseCode.SUCCESS);
    }

    private DefaultMQProducer producer(EmbeddedBroker broker, boolean tls) throws MQClientException {
        DefaultMQProducer producer = new DefaultMQProducer(CompatBroker.uniqueName("pg"));
        producer.setNamesrvAddr(broker.address());
        producer.setInstanceName(CompatBroker.uniqueName(tls ? "tls-producer" : "plain-producer"));
        producer.setUseTLS(tls);
        producer.setRetryTimesWhenSendFailed(0);
        producer.setSendMsgTimeout(5_000);
        producer.start();
        shutdowns.add(producer::shutdown);
        return producer;
    }

    /** GET_MAX_OFFSET on a new official connection, TLS or plain. */
    private static RemotingCommand rawInvoke(EmbeddedBroker broker, boolean tls) throws Exception {
        NettyClientConfig config = new NettyClientConfig();
        config.setUseTLS(tls);
        NettyRemotingClient client = new NettyRemotingClient(config);
        client.start();
        try {
            RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.GET_MAX_OFFSET, null);
            request.addExtField("topic", "any");
            request.addExtField("queueId", "0");
            return client.invokeSync(broker.address(), request, 30_000);
        } finally {
            client.shutdown();
        }
    }

    private static Message message(String topic, String body) {
        return new Message(topic, body.getBytes(StandardCharsets.UTF_8));
    }
}
