package io.nimbusmq.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.Header;

import io.nimbusmq.client.SendResult;
import io.nimbusmq.client.SendStatus;
import io.nimbusmq.client.consumer.ConsumeMode;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.core.SendOptions;
import io.nimbusmq.spring.support.MqHeaders;
import io.nimbusmq.spring.test.EmbeddedMq;
import io.nimbusmq.spring.test.MessageCollector;

/** Every send mode of the template against the embedded broker, received by {@code @MessageListener} methods. */
@SpringBootTest(classes = SendModesIntegrationTests.App.class)
@EmbeddedMq(topics = {"it-send", "it-orderly", "it-batch", "it-reply", "it-tags"})
class SendModesIntegrationTests {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    MqTemplate template;

    @Autowired
    Listeners listeners;

    @Test
    void syncAsyncAndOneWaySendsArriveWithKeysAndHeaders() {
        SendResult sync = template.syncSend("it-send:created", OrderDto.sample("sync"),
                SendOptions.none().keys("sync").header("region", "eu"));
        assertThat(sync.status()).isEqualTo(SendStatus.SEND_OK);
        CompletableFuture<SendResult> async = template.asyncSend("it-send", OrderDto.sample("async"));
        template.sendOneWay("it-send", OrderDto.sample("oneway"));
        assertThat(async.join().status()).isEqualTo(SendStatus.SEND_OK);

        Message<OrderDto> received = listeners.orders.awaitMatch(m -> m.getPayload().id().equals("sync"), PATIENCE);
        assertThat(received.getPayload()).isEqualTo(OrderDto.sample("sync"));
        assertThat(received.getHeaders()).containsEntry(MqHeaders.KEYS, "sync").containsEntry(MqHeaders.TAGS, "created")
                .containsEntry("region", "eu").containsEntry(MqHeaders.MESSAGE_ID, sync.msgId());
        listeners.orders.awaitMatch(m -> m.getPayload().id().equals("async"), PATIENCE);
        listeners.orders.awaitMatch(m -> m.getPayload().id().equals("oneway"), PATIENCE);
    }

    @Test
    void orderlySendsKeepPerKeyOrder() {
        for (int i = 0; i < 20; i++) {
            String key = i % 2 == 0 ? "even" : "odd";
            if (i % 4 < 2) {
                template.syncSendOrderly("it-orderly", key + ":" + i, key);
            } else {
                template.asyncSendOrderly("it-orderly", key + ":" + i, key).join();
            }
        }
        List<String> received = listeners.orderly.awaitCount(20, PATIENCE);
        for (String key : List.of("even", "odd")) {
            List<Integer> sequence = received.stream().filter(body -> body.startsWith(key + ":"))
                    .map(body -> Integer.parseInt(body.substring(key.length() + 1))).toList();
            assertThat(sequence).hasSize(10).isSorted();
        }
    }

    @Test
    void aBatchArrivesWhole() {
        List<String> payloads = IntStream.range(0, 10).mapToObj(i -> "b" + i).toList();
        assertThat(template.syncSendBatch("it-batch", payloads).status()).isEqualTo(SendStatus.SEND_OK);
        List<List<String>> calls = listeners.batches.awaitUntilTotal(10, PATIENCE);
        assertThat(calls.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(payloads);
        assertThat(calls).allSatisfy(call -> assertThat(call).hasSizeLessThanOrEqualTo(8));
    }

    @Test
    void requestReplyReturnsTheListenersConvertedAnswer() {
        OrderDto reply = template.sendAndReceive("it-reply", "o-7", OrderDto.class);
        assertThat(reply).isEqualTo(OrderDto.sample("o-7"));
        Map<String, Object> generic = template.sendAndReceiveAsync("it-reply", "o-8",
                new ParameterizedTypeReference<Map<String, Object>>() {
                }, SendOptions.orderly("o-8").replyTimeout(Duration.ofSeconds(10))).join();
        assertThat(generic).containsEntry("id", "o-8").containsEntry("day", "2026-03-14");
    }

    @Test
    void tagSelectorsFilter() {
        template.syncSend("it-tags:a", "a1");
        template.syncSend("it-tags:b", "b1");
        template.syncSend("it-tags:a", "a2");
        assertThat(listeners.all.awaitCount(3, PATIENCE)).containsExactlyInAnyOrder("a1", "b1", "a2");
        assertThat(listeners.tagA.awaitCount(2, PATIENCE)).containsExactlyInAnyOrder("a1", "a2");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        Listeners listeners() {
            return new Listeners();
        }
    }

    static class Listeners {
        final MessageCollector<Message<OrderDto>> orders = new MessageCollector<>();
        final MessageCollector<String> orderly = new MessageCollector<>();
        final BatchCollector batches = new BatchCollector();
        final MessageCollector<String> tagA = new MessageCollector<>();
        final MessageCollector<String> all = new MessageCollector<>();

        @MessageListener(topic = "it-send", consumerGroup = "it-send")
        void orders(Message<OrderDto> message) {
            orders.add(message);
        }

        @MessageListener(topic = "it-orderly", consumerGroup = "it-orderly", consumeMode = ConsumeMode.ORDERLY)
        void orderly(String body, @Header(MqHeaders.QUEUE_ID) int queueId) {
            orderly.add(body);
        }

        @MessageListener(topic = "it-batch", consumerGroup = "it-batch", batch = true, batchSize = "8")
        void batch(List<String> bodies) {
            batches.add(new ArrayList<>(bodies));
        }

        @MessageListener(topic = "it-reply", consumerGroup = "it-reply")
        OrderDto reply(String id) {
            return OrderDto.sample(id);
        }

        @MessageListener(topic = "it-tags", consumerGroup = "it-tags-a", selectorExpression = "a")
        void tagA(String body) {
            tagA.add(body);
        }

        @MessageListener(topic = "it-tags", consumerGroup = "it-tags-all")
        void all(String body) {
            all.add(body);
        }
    }

    static class BatchCollector {
        private final MessageCollector<List<String>> calls = new MessageCollector<>();

        void add(List<String> call) {
            calls.add(call);
        }

        List<List<String>> awaitUntilTotal(int total, Duration timeout) {
            calls.awaitMatch(ignored -> calls.received().stream().mapToInt(List::size).sum() >= total, timeout);
            return calls.received();
        }
    }
}
