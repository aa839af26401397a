package io.nimbusmq.interop;

import static io.nimbusmq.interop.ApacheRocketMq.PATIENCE;
import static io.nimbusmq.interop.ApacheRocketMq.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;

import io.nimbusmq.client.ClientConfig;
import io.nimbusmq.client.Message;
import io.nimbusmq.client.MqClient;
import io.nimbusmq.client.Received;
import io.nimbusmq.client.SendResult;
import io.nimbusmq.client.SendStatus;
import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.client.producer.ProducerConfig;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Our client against a real Apache RocketMQ 5.3.1 broker and 5.2.0 name server. */
@Tag("compat")
class ApacheRocketMqCompatibilityTests {

    @RegisterExtension
    static final ApacheRocketMq rocketmq = new ApacheRocketMq();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private MqClient client() {
        return rocketmq.closeAfterTest(MqClient.create(ClientConfig.builder()
                .nameServer(rocketmq.nameServerAddress()).instanceName(uniqueName("client")).build()));
    }

    private Producer producer(MqClient client) {
        Producer producer = client.producer(ProducerConfig.builder(uniqueName("pg")).build());
        producer.start();
        return producer;
    }

    private ConsumerConfig.Builder consumerConfig(String topic) {
        return ConsumerConfig.builder(uniqueName("cg")).subscribe(Subscription.all(topic))
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
    }

    @Test
    void syncSendAndListenerReceive() {
        MqClient client = client();
        String topic = rocketmq.createTopic("sync", 4);
        SendResult result = producer(client).send(new Message(topic, utf8("hello apache")).tags("a").keys("k1"));

        assertThat(result.status()).isEqualTo(SendStatus.SEND_OK);
        Received received = new Received();
        client.pushConsumer(consumerConfig(topic).build(), received).start();
        await().atMost(PATIENCE).until(() -> received.size() == 1);
        assertThat(received.messages().get(0).msgId()).isEqualTo(result.msgId());
        assertThat(received.messages().get(0).tags()).isEqualTo("a");
        assertThat(received.bodies()).containsExactly("hello apache");
    }
}
