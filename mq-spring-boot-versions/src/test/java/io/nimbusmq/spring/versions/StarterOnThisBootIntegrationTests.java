package io.nimbusmq.spring.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.handler.annotation.Header;

import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.SendStatus;
import io.nimbusmq.client.consumer.ConsumeMode;
import io.nimbusmq.client.consumer.SelectorType;
import io.nimbusmq.client.producer.LocalTransactionState;
import io.nimbusmq.remoting.protocol.body.client.MessageModel;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.annotation.TransactionListener;
import io.nimbusmq.spring.core.MqListener;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.core.MqTransactionListener;
import io.nimbusmq.spring.core.SendOptions;
import io.nimbusmq.spring.support.MqHeaders;
import io.nimbusmq.spring.support.MqMessageConverter;
import io.nimbusmq.spring.test.EmbeddedMq;
import io.nimbusmq.spring.test.MessageCollector;

/**
 * The starter in an application of this module's Spring Boot generation: every send mode, every listener mode,
 * transactions and {@code @EmbeddedMq}, with payloads written by the application's own JSON mapper (its
 * {@code spring.jackson.property-naming-strategy} shows in the bytes on the wire).
 */
@SpringBootTest(classes = StarterOnThisBootIntegrationTests.App.class,
        properties = {"spring.jackson.property-naming-strategy=SNAKE_CASE", "mq.consumer.offset-store-dir=target/offsets"})
@EmbeddedMq(topics = {"bv-send", "bv-orderly", "bv-batch", "bv-reply", "bv-delay", "bv-tx", "bv-sql", "bv-tags",
    "bv-class", "bv-broadcast"})
class StarterOnThisBootIntegrationTests {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final MessageCollector<List<OrderDto>> GENERIC = new MessageCollector<>();

    @Autowired
    MqTemplate template;

    @Autowired
    Listeners listeners;

    @Autowired
    MqMessageConverter converter;

    @Test
    void runsOnThisModulesSpringBootWithItsJackson() {
        String expected = System.getProperty("expected.spring-boot");
        assertThat(SpringBootVersion.getVersion()).isEqualTo(expected);
        String json = ((CompositeMessageConverter) converter.messageConverter()).getConverters().get(2).getClass()
                .getSimpleName();
        assertThat(json).isEqualTo(expected.startsWith("3.") ? "MappingJackson2MessageConverter"
                : "JacksonJsonMessageConverter");
    }

    @Test
    void syncAsyncAndOneWaySendsArriveWrittenByTheApplicationsMapper() {
        assertThat(template.syncSend("bv-send:created", OrderDto.sample("sync"),
                SendOptions.none().keys("sync").header("region", "eu")).status()).isEqualTo(SendStatus.SEND_OK);
        CompletableFuture<?> async = template.asyncSend("bv-send", OrderDto.sample("async"));
        template.sendOneWay("bv-send", OrderDto.sample("oneway"));
        async.join();

        Message<OrderDto> sync = listeners.orders.awaitMatch(m -> m.getPayload().id().equals("sync"), PATIENCE);
        assertThat(sync.getPayload()).isEqualTo(OrderDto.sample("sync"));
        assertThat(sync.getHeaders()).containsEntry(MqHeaders.KEYS, "sync").containsEntry(MqHeaders.TAGS, "created")
                .containsEntry("region", "eu");
        ReceivedMessage raw = (ReceivedMessage) sync.getHeaders().get(MqHeaders.RAW_MESSAGE);
        assertThat(new String(raw.body(), StandardCharsets.UTF_8)).contains("\"customer_id\":\"c-sync\"")
                .contains("\"day\":\"2026-03-14\"");
        listeners.orders.awaitMatch(m -> m.getPayload().id().equals("async"), PATIENCE);
        listeners.orders.awaitMatch(m -> m.getPayload().id().equals("oneway"), PATIENCE);
    }

    @Test
    void orderlySendsAreConsumedInOrderByAnOrderlyListener() {
        for (int i = 0; i < 10; i++) {
            template.syncSendOrderly("bv-orderly", "k:" + i, "k");
        }
        List<Integer> sequence = listeners.orderly.awaitCount(10, PATIENCE).stream()
                .map(body -> Integer.parseInt(body.substring(2))).toList();
        assertThat(sequence).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void aBatchArrivesAtABatchListener() {
        List<String> payloads = IntStream.range(0, 6).mapToObj(i -> "b" + i).toList();
        assertThat(template.syncSendBatch("bv-batch", payloads).status()).isEqualTo(SendStatus.SEND_OK);
        listeners.batches.awaitMatch(call -> listeners.batches.received().stream().mapToInt(List::size).sum() >= 6,
                PATIENCE);
        assertThat(listeners.batches.received().stream().flatMap(List::stream).toList())
                .containsExactlyInAnyOrderElementsOf(payloads);
    }

    @Test
    void aDelayedMessageArrives() {
        template.syncSendDelayed("bv-delay", "later", Duration.ofSeconds(1));
        assertThat(listeners.delayed.awaitCount(1, PATIENCE)).containsExactly("later");
    }

    @Test
    void requestReplyReturnsTheListenersAnswer() {
        assertThat(template.sendAndReceive("bv-reply", "o-7", OrderDto.class)).isEqualTo(OrderDto.sample("o-7"));
        Map<String, Object> generic = template.sendAndReceiveAsync("bv-reply", "o-8",
                new ParameterizedTypeReference<Map<String, Object>>() {
                }, SendOptions.orderly("o-8").replyTimeout(PATIENCE)).join();
        assertThat(generic).containsEntry("customer_id", "c-o-8");
    }

    @Test
    void aCommittedTransactionIsDeliveredAndARolledBackOneIsNot() {
        assertThat(template.sendInTransaction("bv-tx", "rollback-1", null).localState())
                .isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        assertThat(template.sendInTransaction("bv-tx", "commit-1", null).localState())
                .isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        listeners.transactional.awaitMatch("commit-1"::equals, PATIENCE);
        template.syncSend("bv-tx", "marker");
        listeners.transactional.awaitMatch("marker"::equals, PATIENCE);
        assertThat(listeners.transactional.received()).doesNotContain("rollback-1");
    }

    @Test
    void sqlAndTagSelectorsFilter() {
        template.syncSend("bv-sql", "cheap", SendOptions.none().header("amount", 50));
        template.syncSend("bv-sql", "dear", SendOptions.none().header("amount", 250));
        template.syncSend("bv-tags:a", "a1");
        template.syncSend("bv-tags:b", "b1");
        assertThat(listeners.sql.awaitCount(1, PATIENCE)).containsExactly("dear");
        assertThat(listeners.tagA.awaitCount(1, PATIENCE)).containsExactly("a1");
    }

    @Test
    void aListenerClassReceivesItsGenericPayloadAndBroadcastingListenersGetEverything() {
        template.syncSend("bv-class", List.of(OrderDto.sample("g1"), OrderDto.sample("g2")));
        assertThat(GENERIC.awaitCount(1, PATIENCE).get(0)).containsExactly(OrderDto.sample("g1"),
                OrderDto.sample("g2"));
        template.syncSend("bv-broadcast", "to-all");
        assertThat(listeners.broadcast.awaitCount(1, PATIENCE)).containsExactly("to-all");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({GenericListener.class, Transactions.class})
    static class App {
        @Bean
        Listeners listeners() {
            return new Listeners();
        }
    }

    static class Listeners {
        final MessageCollector<Message<OrderDto>> orders = new MessageCollector<>();
        final MessageCollector<String> orderly = new MessageCollector<>();
        final MessageCollector<List<String>> batches = new MessageCollector<>();
        final MessageCollector<String> delayed = new MessageCollector<>();
        final MessageCollector<String> transactional = new MessageCollector<>();
        final MessageCollector<String> sql = new MessageCollector<>();
        final MessageCollector<String> tagA = new MessageCollector<>();
        final MessageCollector<String> broadcast = new MessageCollector<>();

        @MessageListener(topic = "bv-send", consumerGroup = "bv-send")
        void orders(Message<OrderDto> message) {
            orders.add(message);
        }

        @MessageListener(topic = "bv-orderly", consumerGroup = "bv-orderly", consumeMode = ConsumeMode.ORDERLY)
        void orderly(String body, @Header(MqHeaders.QUEUE_ID) int queueId) {
            orderly.add(body);
        }

        @MessageListener(topic = "bv-batch", consumerGroup = "bv-batch", batch = true, batchSize = "4")
        void batch(List<String> bodies) {
            batches.add(new ArrayList<>(bodies));
        }

        @MessageListener(topic = "bv-delay", consumerGroup = "bv-delay")
        void delayed(String body) {
            delayed.add(body);
        }

        @MessageListener(topic = "bv-reply", consumerGroup = "bv-reply")
        OrderDto reply(String id) {
            return OrderDto.sample(id);
        }

        @MessageListener(topic = "bv-tx", consumerGroup = "bv-tx")
        void transactional(String body) {
            transactional.add(body);
        }

        @MessageListener(topic = "bv-sql", consumerGroup = "bv-sql", selectorType = SelectorType.SQL92,
                selectorExpression = "amount > 100")
        void sql(String body) {
            sql.add(body);
        }

        @MessageListener(topic = "bv-tags", consumerGroup = "bv-tags", selectorExpression = "a")
        void tagA(String body) {
            tagA.add(body);
        }

        @MessageListener(topic = "bv-broadcast", consumerGroup = "bv-broadcast",
                messageModel = MessageModel.BROADCASTING)
        void broadcast(String body) {
            broadcast.add(body);
        }
    }

    @MessageListener(topic = "bv-class", consumerGroup = "bv-class")
    static class GenericListener implements MqListener<List<OrderDto>> {
        @Override
        public void onMessage(List<OrderDto> orders) {
            GENERIC.add(orders);
        }
    }

    @TransactionListener(topics = "bv-tx")
    static class Transactions implements MqTransactionListener<String> {
        @Override
        public LocalTransactionState executeLocalTransaction(Message<String> message, Object argument) {
            return message.getPayload().startsWith("commit") ? LocalTransactionState.COMMIT_MESSAGE
                    : LocalTransactionState.ROLLBACK_MESSAGE;
        }

        @Override
        public LocalTransactionState checkLocalTransaction(Message<String> message) {
            return LocalTransactionState.ROLLBACK_MESSAGE;
        }
    }
}
