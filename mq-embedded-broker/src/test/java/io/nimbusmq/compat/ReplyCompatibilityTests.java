package io.nimbusmq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.RequestCallback;
import org.apache.rocketmq.client.utils.MessageUtil;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageConst;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Request-reply with the official 5.3.1 client (its callback form; the blocking {@code request(msg, timeout)} is
 * broken in 5.3.1, and the callback form calls {@code onSuccess(null)} once the request is sent): the replier's SEND_REPLY_MESSAGE_V2 is pushed to the requester as PUSH_REPLY_MESSAGE_TO_CLIENT
 * and stored in {@code <cluster>_REPLY_TOPIC}.
 */
@Tag("compat")
class ReplyCompatibilityTests {

    @RegisterExtension
    static final CompatBroker broker = new CompatBroker();

    @Test
    void theRequesterGetsTheRepliersAnswerAndTheReplyIsStored() throws Exception {
        String topic = broker.createTopic("request", 2);
        DefaultMQProducer replyProducer = broker.startedProducer();
        DefaultMQPushConsumer replier = broker.pushConsumer(CompatBroker.uniqueName("replier"));
        replier.subscribe(topic, "*");
        replier.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            for (var request : messages) {
                try {
                    Message reply = MessageUtil.createReplyMessage(request,
                            ("re: " + new String(request.getBody(), StandardCharsets.UTF_8))
                                    .getBytes(StandardCharsets.UTF_8));
                    replyProducer.send(reply);
                } catch (Exception e) {
                    return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                }
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        replier.start();
        DefaultMQProducer requester = broker.startedProducer();
        CompletableFuture<Message> answer = new CompletableFuture<>();

        requester.request(new Message(topic, "ping".getBytes(StandardCharsets.UTF_8)), new RequestCallback() {
            @Override
            public void onSuccess(Message message) {
                // 5.3.1 quirk: onSuccess(null) as soon as the request is sent, then onSuccess(reply)
                if (message != null) {
                    answer.complete(message);
                }
            }

            @Override
            public void onException(Throwable e) {
                answer.completeExceptionally(e);
            }
        }, 30_000);

        Message reply = answer.get(60, TimeUnit.SECONDS);
        assertThat(new String(reply.getBody(), StandardCharsets.UTF_8)).isEqualTo("re: ping");
        assertThat(reply.getProperty(MessageConst.PROPERTY_MESSAGE_TYPE)).isEqualTo("reply");
        String replyTopic = broker.broker().config().clusterName() + "_REPLY_TOPIC";
        // pushed first, stored right after
        await().atMost(CompatBroker.PATIENCE)
                .until(() -> broker.broker().messageStore().maxOffsetInQueue(replyTopic, 0) == 1);
    }
}
