package io.nimbusmq.spring.listener;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.Header;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.consumer.ConsumeStatus;
import io.nimbusmq.spring.FakeMqClient;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.autoconfigure.MqAutoConfiguration;
import io.nimbusmq.spring.core.MqBatchListener;
import io.nimbusmq.spring.core.MqListener;
import io.nimbusmq.spring.core.MqReplyListener;
import io.nimbusmq.spring.metrics.MicrometerMqMetrics;
import io.nimbusmq.spring.support.MqHeaders;
import io.nimbusmq.spring.support.OrderDto;

/** What listener methods and listener classes receive, with the client replaced by {@link FakeMqClient}. */
class MessageListenerInvocationTests {

    static final List<Object> CALLS = new CopyOnWriteArrayList<>();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, MqAutoConfiguration.class))
            .withPropertyValues("mq.name-server=127.0.0.1:9876", "mq.listener.startup=REFRESH")
            .withBean(FakeMqClient.class, FakeMqClient::new);

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final String ORDERS_JSON = "[{\"id\":\"a\",\"amount\":12.50,\"day\":\"2026-03-14\","
            + "\"createdAt\":\"2026-03-14T09:26:53Z\"}]";

    @Test
    void methodParametersAreConvertedPayloadsHeadersAndRawMessages() {
        CALLS.clear();
        runner.withBean(MethodListeners.class).run(context -> {
            FakeMqClient client = context.getBean(FakeMqClient.class);
            ReceivedMessage received = client.received("orders", Map.of("TAGS", "created", "KEYS", "k1", "region",
                    "eu"), utf8(ORDERS_JSON), 2);
            assertThat(client.consumers().get("generic").deliver(received)).isEqualTo(ConsumeStatus.SUCCESS);
            assertThat(CALLS).hasSize(1);
            @SuppressWarnings("unchecked")
            List<Object> args = (List<Object>) CALLS.get(0);
            assertThat(args.get(0)).isEqualTo(List.of(OrderDto.sample("a")));
            assertThat(args.get(1)).isEqualTo("k1");
            assertThat(args.get(2)).isEqualTo("eu");
            assertThat(args.get(3)).isEqualTo(2);
            assertThat(args.get(4)).isSameAs(received);

            CALLS.clear();
            client.consumers().get("message").deliver(client.received("orders", Map.of("TAGS", "paid"),
                    utf8(ORDERS_JSON), 0));
            @SuppressWarnings("unchecked")
            Message<List<OrderDto>> message = (Message<List<OrderDto>>) CALLS.get(0);
            assertThat(message.getPayload()).containsExactly(OrderDto.sample("a"));
            assertThat(message.getHeaders()).containsEntry(MqHeaders.TAGS, "paid")
                    .containsEntry(MqHeaders.TOPIC, "orders");
        });
    }

    @Test
    void anExceptionMeansRetry() {
        runner.withBean(MethodListeners.class).run(context -> {
            FakeMqClient client = context.getBean(FakeMqClient.class);
            assertThat(client.consumers().get("failing").deliver(client.received("orders", Map.of(), utf8("x"), 0)))
                    .isEqualTo(ConsumeStatus.RETRY);
        });
    }

    @Test
    void receiptsAndFailuresAreCounted() {
        runner.withBean(MethodListeners.class).withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            FakeMqClient client = context.getBean(FakeMqClient.class);
            client.consumers().get("failing").deliver(client.received("orders", Map.of(), utf8("x"), 0));
            client.consumers().get("message").deliver(client.received("orders", Map.of(), utf8(ORDERS_JSON), 0));
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get(MicrometerMqMetrics.RECEIVED).tag("group", "failing").counter().count())
                    .isEqualTo(1.0);
            assertThat(registry.get(MicrometerMqMetrics.RECEIVED).tag("group", "message").counter().count())
                    .isEqualTo(1.0);
            assertThat(registry.get(MicrometerMqMetrics.FAILED).tag("operation", "consume").counter().count())
                    .isEqualTo(1.0);
        });
    }

    @Test
    void anUnreadableBodyIsNotRetriedButDeadLettered() {
        runner.withBean(MethodListeners.class).run(context -> {
            FakeMqClient client = context.getBean(FakeMqClient.class);
            assertThat(client.consumers().get("generic").deliver(client.received("orders", Map.of(),
                    utf8("not json"), 0))).as("a conversion failure is not retryable")
                    .isEqualTo(ConsumeStatus.DEAD_LETTER);
        });
    }

    @Test
    void listenerClassesGetTheirGenericPayloadType() {
        CALLS.clear();
        runner.withBean(GenericClassListener.class).withBean(BatchClassListener.class).run(context -> {
            FakeMqClient client = context.getBean(FakeMqClient.class);
            client.consumers().get("class").deliver(client.received("orders", Map.of(), utf8(ORDERS_JSON), 0));
            assertThat(CALLS).containsExactly(List.of(OrderDto.sample("a")));

            CALLS.clear();
            String one = "{\"id\":\"1\",\"amount\":1,\"day\":\"2026-03-14\",\"createdAt\":\"2026-03-14T09:26:53Z\"}";
            String two = one.replace("\"1\"", "\"2\"");
            assertThat(client.consumers().get("batch").config().consumeBatchSize()).isEqualTo(16);
            client.consumers().get("batch").deliver(client.received("orders", Map.of(), utf8(one), 0),
                    client.received("orders", Map.of(), utf8(two), 0));
            @SuppressWarnings("unchecked")
            List<OrderDto> batch = (List<OrderDto>) CALLS.get(0);
            assertThat(batch).extracting(OrderDto::id).containsExactly("1", "2");
        });
    }

    @Test
    void batchMethodsTakeListsOfPayloadsMessagesOrRawMessages() {
        CALLS.clear();
        runner.withBean(BatchMethods.class).run(context -> {
            FakeMqClient client = context.getBean(FakeMqClient.class);
            client.consumers().get("batch-strings").deliver(client.received("t", Map.of(), utf8("a"), 0),
                    client.received("t", Map.of(), utf8("b"), 0));
            client.consumers().get("batch-messages").deliver(client.received("t", Map.of("TAGS", "x"), utf8("c"),
                    0));
            assertThat(CALLS.get(0)).isEqualTo(List.of("a", "b"));
            @SuppressWarnings("unchecked")
            List<Message<String>> messages = (List<Message<String>>) CALLS.get(1);
            assertThat(messages).singleElement().satisfies(message -> {
                assertThat(message.getPayload()).isEqualTo("c");
                assertThat(message.getHeaders()).containsEntry("TAGS", "x");
            });
        });
    }

    @Test
    void aReturnValueAnswersARequest() {
        runner.withBean(ReplyClassListener.class).withBean(MethodListeners.class).run(context -> {
            FakeMqClient client = context.getBean(FakeMqClient.class);
            ReceivedMessage request = client.request("quotes", utf8("3"));
            client.consumers().get("quotes").deliver(request);
            assertThat(client.repliesSent()).singleElement().satisfies(reply -> {
                assertThat(reply.request()).isSameAs(request);
                assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"quote-3\","
                        + "\"amount\":12.50,\"day\":\"2026-03-14\",\"createdAt\":\"2026-03-14T09:26:53Z\"}");
            });
            // a value returned for a plain message is ignored
            client.consumers().get("quotes").deliver(client.received("quotes", Map.of(), utf8("4"), 0));
            assertThat(client.repliesSent()).hasSize(1);
        });
    }

    static class MethodListeners {
        @MessageListener(topic = "orders", consumerGroup = "generic")
        void generic(List<OrderDto> orders, @Header(MqHeaders.KEYS) String keys, @Header("region") String region,
                @Header(MqHeaders.RECONSUME_TIMES) int reconsumeTimes, ReceivedMessage raw) {
            CALLS.add(List.of(orders, keys, region, reconsumeTimes, raw));
        }

        @MessageListener(topic = "orders", consumerGroup = "message")
        void message(Message<List<OrderDto>> message) {
            CALLS.add(message);
        }

        @MessageListener(topic = "orders", consumerGroup = "failing")
        void failing(String body) {
            throw new IllegalStateException("boom");
        }
    }

    @MessageListener(topic = "orders", consumerGroup = "class")
    static class GenericClassListener implements MqListener<List<OrderDto>> {
        @Override
        public void onMessage(List<OrderDto> message) {
            CALLS.add(message);
        }
    }

    @MessageListener(topic = "orders", consumerGroup = "batch")
    static class BatchClassListener implements MqBatchListener<OrderDto> {
        @Override
        public void onMessages(List<OrderDto> messages) {
            CALLS.add(messages);
        }
    }

    static class BatchMethods {
        @MessageListener(topic = "t", consumerGroup = "batch-strings", batch = true, batchSize = "4")
        void strings(List<String> bodies) {
            CALLS.add(bodies);
        }

        @MessageListener(topic = "t", consumerGroup = "batch-messages", batch = true)
        void messages(List<Message<String>> messages) {
            CALLS.add(messages);
        }
    }

    @MessageListener(topic = "quotes", consumerGroup = "quotes")
    static class ReplyClassListener implements MqReplyListener<Integer, OrderDto> {
        @Override
        public OrderDto onMessage(Integer number) {
            return OrderDto.sample("quote-" + number);
        }
    }
}
