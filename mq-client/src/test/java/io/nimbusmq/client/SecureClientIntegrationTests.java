package io.nimbusmq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.broker.auth.plain.AclConfig;
import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.client.producer.ProducerConfig;
import io.nimbusmq.remoting.acl.SessionCredentials;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;
import io.nimbusmq.remoting.tls.TlsClientConfig;
import io.nimbusmq.remoting.tls.TlsMode;
import io.nimbusmq.remoting.tls.TlsServerConfig;
import io.nimbusmq.testkit.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our client with credentials and TLS against our broker with ACL on and TLS enforcing. */
class SecureClientIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    static TestCertificates.Pem server;
    static EmbeddedBroker broker;
    private final java.util.List<AutoCloseable> clients = new java.util.ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = TestCertificates.selfSigned(dir.resolve("certs"), "server");
        Path acl = dir.resolve("plain_acl.yml");
        Files.writeString(acl, """
                accounts:
                  - accessKey: orders-app
                    secretKey: orders-secret
                    defaultTopicPerm: PUB|SUB
                    defaultGroupPerm: SUB
                """);
        broker = EmbeddedBroker.builder().port(0).storeDir(dir.resolve("store")).acl(AclConfig.plainAcl(acl))
                .tls(TlsServerConfig.of(TlsMode.ENFORCING, server.certificate(), server.privateKey())).build();
        broker.start();
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
    }

    @Test
    void aSignedTlsClientSendsAndReceives() {
        MqClient client = client(new SessionCredentials("orders-app", "orders-secret"),
                TlsClientConfig.trusting(server.certificate()));
        String topic = NimbusBrokerExtension.uniqueName("secure");
        Producer producer = client.producer(ProducerConfig.builder(NimbusBrokerExtension.uniqueName("pg")).sendTimeout(PATIENCE).build());
        producer.start();

        assertThat(producer.send(new Message(topic, "secret order".getBytes(StandardCharsets.UTF_8))).status())
                .isEqualTo(SendStatus.SEND_OK);
        Received received = new Received();
        client.pushConsumer(ConsumerConfig.builder(NimbusBrokerExtension.uniqueName("cg"))
                .subscribe(Subscription.all(topic)).consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                .build(), received).start();
        await().atMost(PATIENCE).until(() -> received.size() == 1);
    }

    @Test
    void unsignedOrPlainClientsGetNowhere() {
        String topic = NimbusBrokerExtension.uniqueName("refused");
        Producer unsigned = producer(client(null, TlsClientConfig.trusting(server.certificate())));
        Producer plain = producer(client(new SessionCredentials("orders-app", "orders-secret"),
                TlsClientConfig.disabled()));

        assertThatThrownBy(() -> unsigned.send(new Message(topic, new byte[] {1})))
                .isInstanceOf(MqClientException.class).hasMessageContaining("No accessKey is configured");
        assertThatThrownBy(() -> plain.send(new Message(topic, new byte[] {1})))
                .isInstanceOf(MqClientException.class);
        assertThat(broker.runtime().topics().find(topic)).isNull();
    }

    private MqClient client(SessionCredentials credentials, TlsClientConfig tls) {
        MqClient client = MqClient.create(ClientConfig.builder().nameServer(broker.address())
                .instanceName(NimbusBrokerExtension.uniqueName("client")).requestTimeout(Duration.ofSeconds(5))
                .credentials(credentials).tls(tls).build());
        clients.add(client);
        return client;
    }

    private static Producer producer(MqClient client) {
        Producer producer = client.producer(ProducerConfig.builder(NimbusBrokerExtension.uniqueName("pg")).sendTimeout(PATIENCE).build());
        producer.start();
        return producer;
    }
}
