package io.nimbusmq.client.compat;

import static io.nimbusmq.testkit.ApacheRocketMq.PATIENCE;
import static io.nimbusmq.testkit.ApacheRocketMq.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

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
import io.nimbusmq.testkit.ApacheRocketMq;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Our client signing as an ACL 2.0 user (user name as access key, password as secret key) against Apache RocketMQ
 * 5.3.1 with {@code authenticationEnabled} and {@code authorizationEnabled}: what the user's policies allow works,
 * a wrong password and a topic without policy are refused by Apache.
 */
@Tag("compat")
class ApacheAuthCompatibilityTests {

    @RegisterExtension
    static final ApacheRocketMq rocketmq = new ApacheRocketMq().withAuth("interop-admin", "interop-admin-password");

    @Test
    void aUserSendsAndReceivesWhatItsPoliciesAllow() {
        String topic = rocketmq.createTopic("auth-orders", 2);
        String group = uniqueName("auth-readers");
        String user = uniqueName("app");
        rocketmq.createUser(user, "app-password");
        rocketmq.allow(user, List.of("Topic:" + topic, "Group:" + group), List.of("Pub", "Sub"));
        MqClient client = client(new SessionCredentials(user, "app-password"));

        assertThat(producer(client).send(new Message(topic, "signed".getBytes(StandardCharsets.UTF_8))).status())
                .isEqualTo(SendStatus.SEND_OK);
        Received received = new Received();
        client.pushConsumer(ConsumerConfig.builder(group).subscribe(Subscription.all(topic))
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                .persistOffsetInterval(Duration.ofMillis(500)).build(), received).start();
        await("received").atMost(PATIENCE).until(() -> received.size() == 1);
    }

    @Test
    void aWrongPasswordAndATopicWithoutPolicyAreRefusedByApache() {
        String topic = rocketmq.createTopic("auth-refused", 2);
        String user = uniqueName("app");
        rocketmq.createUser(user, "app-password");
        Producer wrongPassword = producer(client(new SessionCredentials(user, "not-the-password")));
        Producer noPolicy = producer(client(new SessionCredentials(user, "app-password")));

        assertThatThrownBy(() -> wrongPassword.send(new Message(topic, new byte[] {1})))
                .isInstanceOf(MqClientException.class).hasMessageContaining("check signature failed.");
        assertThatThrownBy(() -> noPolicy.send(new Message(topic, new byte[] {1})))
                .isInstanceOf(MqClientException.class)
                .hasMessageContaining("User:" + user + " has no permission to access Topic:" + topic);
    }

    private MqClient client(SessionCredentials credentials) {
        return rocketmq.closeAfterTest(MqClient.create(ClientConfig.builder()
                .nameServer(rocketmq.nameServerAddress()).instanceName(uniqueName("client"))
                .credentials(credentials).requestTimeout(Duration.ofSeconds(10)).build()));
    }

    private static Producer producer(MqClient client) {
        Producer producer = client.producer(ProducerConfig.builder(uniqueName("pg")).sendTimeout(PATIENCE).build());
        producer.start();
        return producer;
    }
}
