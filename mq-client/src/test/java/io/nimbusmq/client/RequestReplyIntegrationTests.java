package io.nimbusmq.client;

import static io.nimbusmq.client.NimbusBrokerExtension.PATIENCE;
import static io.nimbusmq.testkit.OfficialClients.patient;
import static io.nimbusmq.client.NimbusBrokerExtension.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.nimbusmq.client.consumer.ConsumeStatus;
import io.nimbusmq.client.consumer.ConsumerConfig;
import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.client.producer.ProducerConfig;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.RequestCallback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Request-reply on the embedded broker: our requester, and the official 5.3.1 requester, with our replier. */
class RequestReplyIntegrationTests {

    @RegisterExtension
    static final NimbusBrokerExtension broker = new NimbusBrokerExtension();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Starts a consumer on {@code topic} that answers every request with "re: " + its body. */
    private void startReplier(String topic) {
        MqClient client = broker.client();
        Producer replies = client.producer(ProducerConfig.builder(uniqueName("reply-pg")).sendTimeout(PATIENCE).build());
        replies.start();
        client.pushConsumer(ConsumerConfig.builder(uniqueName("replier")).subscribe(Subscription.all(topic))
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET).build(), messages -> {
                    messages.forEach(request -> replies.sendReply(request,
                            utf8("re: " + new String(request.body(), StandardCharsets.UTF_8))));
                    return ConsumeStatus.SUCCESS;
                }).start();
    }

    @Test
    void ourRequesterGetsTheReply() throws Exception {
        String topic = broker.createTopic("request", 2);
        startReplier(topic);
        Producer requester = broker.client().producer(ProducerConfig.builder(uniqueName("requester")).sendTimeout(PATIENCE).build());
        requester.start();

        ReceivedMessage reply = requester.request(new Message(topic, utf8("ping")), Duration.ofSeconds(30))
                .get(60, TimeUnit.SECONDS);

        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo("re: ping");
        assertThat(reply.property("MSG_TYPE")).isEqualTo("reply");
        ReceivedMessage orderly = requester.requestOrderly(new Message(topic, utf8("pong")), "key",
                Duration.ofSeconds(30)).get(60, TimeUnit.SECONDS);
        assertThat(new String(orderly.body(), StandardCharsets.UTF_8)).isEqualTo("re: pong");
    }

    @Test
    void aRequestNobodyAnswersTimesOut() {
        String topic = broker.createTopic("unanswered", 1);
        Producer requester = broker.client().producer(ProducerConfig.builder(uniqueName("requester")).sendTimeout(PATIENCE).build());
        requester.start();

        CompletableFuture<ReceivedMessage> reply = requester.request(new Message(topic, utf8("hello?")),
                Duration.ofMillis(500));

        assertThatThrownBy(() -> reply.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(MqClientException.class);
    }

    @Test
    void theOfficialRequesterGetsOurRepliersAnswer() throws Exception {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        String topic = broker.createTopic("official-request", 2);
        startReplier(topic);
        DefaultMQProducer requester = patient(new DefaultMQProducer(uniqueName("official-requester")));
        requester.setNamesrvAddr(broker.address());
        requester.setInstanceName(uniqueName("official"));
        requester.start();
        broker.closeAfterTest(requester::shutdown);
        CompletableFuture<org.apache.rocketmq.common.message.Message> answer = new CompletableFuture<>();

        requester.request(new org.apache.rocketmq.common.message.Message(topic, utf8("ping")), new RequestCallback() {
            @Override
            public void onSuccess(org.apache.rocketmq.common.message.Message message) {
                if (message != null) { // 5.3.1 calls onSuccess(null) once the request is sent
                    answer.complete(message);
                }
            }

            @Override
            public void onException(Throwable e) {
                answer.completeExceptionally(e);
            }
        }, 30_000);

        assertThat(new String(answer.get(60, TimeUnit.SECONDS).getBody(), StandardCharsets.UTF_8))
                .isEqualTo("re: ping");
    }
}
