package io.nimbusmq.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.nimbusmq.broker.EmbeddedBroker;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;

@Tag("compat")
class CompatSmokeCompatibilityTests {

    @TempDir
    Path dir;

    @Test
    void officialProducerAndPushConsumerWork() throws Exception {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        try (EmbeddedBroker broker = EmbeddedBroker.builder().port(0).storeDir(dir).build()) {
            broker.start();
            DefaultMQProducer producer = new DefaultMQProducer("pg");
            producer.setNamesrvAddr(broker.address());
            producer.start();
            Set<String> received = ConcurrentHashMap.newKeySet();
            DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("cg");
            consumer.setNamesrvAddr(broker.address());
            try {
                for (int i = 0; i < 20; i++) {
                    SendResult result = producer.send(new Message("SmokeTopic", "TagA",
                            ("m" + i).getBytes(StandardCharsets.UTF_8)));
                    assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                }
                consumer.subscribe("SmokeTopic", "*");
                consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
                    msgs.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                });
                consumer.start();
                await().atMost(30, TimeUnit.SECONDS).until(() -> received.size() == 20);
            } finally {
                consumer.shutdown();
                producer.shutdown();
            }
        }
    }
}
