package io.nimbusmq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.RequestCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.utils.MessageUtil;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageConst;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A broker as the standalone one runs by default, without topic auto-creation: the system topics RocketMQ creates at
 * start-up exist from the start, so request-reply (the cluster's reply topic) and message traces
 * ({@code RMQ_SYS_TRACE_TOPIC}) work with the official 5.3.1 client, and {@code mqadmin queryMsgTraceById} shows a
 * message's producer and consumer records.
 */
@Tag("compat")
class SystemTopicsAndTraceCompatibilityTests {

    @RegisterExtension
    static final CompatBroker broker = new CompatBroker(builder -> builder.autoCreateTopicEnable(false));

    @Test
    void rocketMqsStartupSystemTopicsAreRouted() {
        List<String> topics = Mqadmin.run("topicList", "-n", broker.address()).lines();

        assertThat(topics).contains("DefaultCluster_REPLY_TOPIC", "RMQ_SYS_TRACE_TOPIC", "SCHEDULE_TOPIC_XXXX",
                "rmq_sys_wheel_timer", "RMQ_SYS_TRANS_HALF_TOPIC", "RMQ_SYS_TRANS_OP_HALF_TOPIC", "SELF_TEST_TOPIC",
                "OFFSET_MOVED_EVENT", "DefaultCluster", "broker-a").doesNotContain("TBW102");
    }

    @Test
    void requestReplyWorksWithoutTopicAutoCreation() throws Exception {
        String topic = broker.createTopic("request", 1);
        DefaultMQProducer replyProducer = broker.startedProducer();
        DefaultMQPushConsumer replier = broker.pushConsumer(CompatBroker.uniqueName("replier"));
        replier.subscribe(topic, "*");
        replier.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            for (var request : messages) {
                try {
                    replyProducer.send(MessageUtil.createReplyMessage(request, "pong".getBytes(StandardCharsets.UTF_8)));
                } catch (Exception e) {
                    return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                }
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        replier.start();
        CompletableFuture<Message> answer = new CompletableFuture<>();

        broker.startedProducer().request(new Message(topic, "ping".getBytes(StandardCharsets.UTF_8)),
                new RequestCallback() {
                    @Override
                    public void onSuccess(Message message) {
                        // 5.3.1 calls onSuccess(null) once the request is sent, then onSuccess(reply)
                        if (message != null) {
                            answer.complete(message);
                        }
                    }

                    @Override
                    public void onException(Throwable e) {
                        answer.completeExceptionally(e);
                    }
                }, 30_000);

        Message reply = answer.get(CompatBroker.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(new String(reply.getBody(), StandardCharsets.UTF_8)).isEqualTo("pong");
        assertThat(reply.getProperty(MessageConst.PROPERTY_MESSAGE_TYPE)).isEqualTo("reply");
    }

    @Test
    void tracedMessagesShowTheirProducerAndConsumerRecords() throws Exception {
        String topic = broker.createTopic("traced", 2);
        String producerGroup = CompatBroker.uniqueName("traced-pg");
        String consumerGroup = CompatBroker.uniqueName("traced-cg");
        DefaultMQProducer producer = new DefaultMQProducer(producerGroup, true, null);
        producer.setNamesrvAddr(broker.address());
        producer.setInstanceName(CompatBroker.uniqueName("traced-producer"));
        producer.start();
        broker.afterTest(producer::shutdown);
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(consumerGroup, true, null);
        consumer.setNamesrvAddr(broker.address());
        consumer.setInstanceName(CompatBroker.uniqueName("traced-consumer"));
        consumer.subscribe(topic, "*");
        Received received = new Received();
        consumer.registerMessageListener(received.listener());
        consumer.start();
        broker.afterTest(consumer::shutdown);

        SendResult sent = producer.send(new Message(topic, "TagT", "key-t", "traced".getBytes(StandardCharsets.UTF_8)));
        await("consumed").atMost(CompatBroker.PATIENCE).until(() -> received.size() == 1);

        Mqadmin.Run trace = await("producer and consumer trace records").atMost(CompatBroker.PATIENCE)
                .until(() -> Mqadmin.run("queryMsgTraceById", "-n", broker.address(), "-i", sent.getMsgId()),
                        run -> run.lines().stream().anyMatch(l -> l.startsWith("Sub ")));
        assertThat(trace.row("Pub")).contains(producerGroup, "success");
        assertThat(trace.row("Sub")).contains(consumerGroup, "success");
    }
}
