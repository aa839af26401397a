package io.nimbusmq.client.compat;

import static io.nimbusmq.testkit.ApacheRocketMq.PATIENCE;
import static io.nimbusmq.testkit.ApacheRocketMq.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.nimbusmq.client.ClientConfig;
import io.nimbusmq.client.Message;
import io.nimbusmq.client.MqClient;
import io.nimbusmq.client.MqClientException;
import io.nimbusmq.client.Received;
import io.nimbusmq.client.SendStatus;
import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.client.producer.ProducerConfig;
import io.nimbusmq.remoting.acl.SessionCredentials;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;
import io.nimbusmq.remoting.tls.TlsClientConfig;
import io.nimbusmq.testkit.ApacheRocketMq;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Our client signing its requests against Apache RocketMQ 5.3.1 with ACL 1.0 on ({@code aclEnable}, a
 * {@code plain_acl.yml}), over plain TCP and over TLS (Apache's default permissive mode, self-signed certificate).
 */
@Tag("compat")
class ApacheAclCompatibilityTests {

    @RegisterExtension
    static final ApacheRocketMq rocketmq = new ApacheRocketMq().withPlainAcl("""
            accounts:
              - accessKey: app-user-1
                secretKey: app-secret-1
                defaultTopicPerm: PUB|SUB
                defaultGroupPerm: SUB
              - accessKey: reader-user
                secretKey: reader-secret
                defaultTopicPerm: SUB
                defaultGroupPerm: SUB
            """);

    @Test
    void aSignedClientSendsAndReceivesOverPlainTcpAndTls() {
        for (TlsClientConfig tls : new TlsClientConfig[] {TlsClientConfig.disabled(),
                TlsClientConfig.trustingAnyServer()}) {
            MqClient client = client(new SessionCredentials("app-user-1", "app-secret-1"), tls);
            String topic = rocketmq.createTopic(tls.enabled() ? "acl-tls" : "acl-plain", 2);
            Producer producer = producer(client);

            assertThat(producer.send(new Message(topic, "signed".getBytes(StandardCharsets.UTF_8))).status())
                    .isEqualTo(SendStatus.SEND_OK);
            Received received = new Received();
            client.pushConsumer(ConsumerConfig.builder(uniqueName("cg")).subscribe(Subscription.all(topic))
                    .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                    .persistOffsetInterval(Duration.ofMillis(500)).build(), received).start();
            await("received with TLS " + tls.enabled()).atMost(PATIENCE).until(() -> received.size() == 1);
        }
    }

    @Test
    void wrongSecretsAndMissingPermissionsAreRefusedByApache() {
        String topic = rocketmq.createTopic("acl-refused", 2);
        Producer wrongSecret = producer(client(new SessionCredentials("app-user-1", "not-the-secret"),
                TlsClientConfig.disabled()));
        Producer reader = producer(client(new SessionCredentials("reader-user", "reader-secret"),
                TlsClientConfig.disabled()));

        assertThatThrownBy(() -> wrongSecret.send(new Message(topic, new byte[] {1})))
                .isInstanceOf(MqClientException.class);
        assertThatThrownBy(() -> reader.send(new Message(topic, new byte[] {1})))
                .isInstanceOf(MqClientException.class).hasMessageContaining("No default permission for topic:" + topic);
    }

    private MqClient client(SessionCredentials credentials, TlsClientConfig tls) {
        return rocketmq.closeAfterTest(MqClient.create(ClientConfig.builder()
                .nameServer(rocketmq.nameServerAddress()).instanceName(uniqueName("client"))
                .credentials(credentials).tls(tls).requestTimeout(Duration.ofSeconds(10)).build()));
    }

    private static Producer producer(MqClient client) {
        Producer producer = client.producer(ProducerConfig.builder(uniqueName("pg")).sendTimeout(PATIENCE).build());
        producer.start();
        return producer;
    }
}
