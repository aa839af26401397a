package io.nimbusmq.spring.transaction;

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

import io.nimbusmq.client.producer.LocalTransactionState;
import io.nimbusmq.client.producer.TransactionSendResult;
import io.nimbusmq.spring.FakeMqClient;
import io.nimbusmq.spring.annotation.TransactionListener;
import io.nimbusmq.spring.autoconfigure.MqAutoConfiguration;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.core.MqTransactionListener;
import io.nimbusmq.spring.support.OrderDto;

/** Several transaction listeners in one application, bound to topics and producer groups. */
class TransactionListenerTests {

    static final List<String> CALLS = new CopyOnWriteArrayList<>();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, MqAutoConfiguration.class))
            .withPropertyValues("mq.name-server=127.0.0.1:9876", "spring.application.name=shop")
            .withBean(FakeMqClient.class, FakeMqClient::new);

    @Test
    void sendsGoToTheListenerBoundToTheTopicOrTheCatchAllOne() {
        CALLS.clear();
        runner.withBean(OrderTransactions.class).withBean(PaymentTransactions.class).run(context -> {
            MqTemplate template = context.getBean(MqTemplate.class);
            TransactionSendResult order = template.sendInTransaction("orders:created", OrderDto.sample("o-1"), "arg");
            TransactionSendResult payment = template.sendInTransaction("payments", "p-1", null);

            assertThat(order.localState()).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
            assertThat(payment.localState()).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
            assertThat(CALLS).containsExactly("orders execute o-1 arg created", "payments execute p-1");
            assertThat(context.getBean(FakeMqClient.class).sent()).extracting(FakeMqClient.Sent::producerGroup)
                    .containsExactly("shop-producer-tx", "payments-tx");
        });
    }

    @Test
    void checkBacksAreAnsweredByTheListenerOfTheHalfMessagesTopic() {
        CALLS.clear();
        runner.withBean(OrderTransactions.class).withBean(PaymentTransactions.class).run(context -> {
            FakeMqClient client = context.getBean(FakeMqClient.class);
            byte[] body = ("{\"id\":\"o-9\",\"amount\":1,\"day\":\"2026-03-14\",\"createdAt\":\"2026-03-14T09:26:53Z\"}")
                    .getBytes(StandardCharsets.UTF_8);
            LocalTransactionState state = client.checker("shop-producer-tx")
                    .check(client.received("orders", Map.of("KEYS", "o-9"), body, 0));
            assertThat(state).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
            assertThat(client.checker("payments-tx").check(client.received("refunds", Map.of(),
                    "r-1".getBytes(StandardCharsets.UTF_8), 0))).isEqualTo(LocalTransactionState.UNKNOW);
            assertThat(CALLS).containsExactly("orders check o-9 o-9", "payments check r-1");
        });
    }

    @Test
    void aTopicBoundTwiceFailsTheStart() {
        runner.withBean(OrderTransactions.class).withBean("second", OrderTransactions.class)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("topic orders is bound to two transaction listeners"));
    }

    @TransactionListener(topics = "orders")
    static class OrderTransactions implements MqTransactionListener<OrderDto> {
        @Override
        public LocalTransactionState executeLocalTransaction(Message<OrderDto> message, Object argument) {
            CALLS.add("orders execute " + message.getPayload().id() + " " + argument + " "
                    + message.getHeaders().get("TAGS"));
            return LocalTransactionState.COMMIT_MESSAGE;
        }

        @Override
        public LocalTransactionState checkLocalTransaction(Message<OrderDto> message) {
            CALLS.add("orders check " + message.getPayload().id() + " " + message.getHeaders().get("KEYS"));
            return LocalTransactionState.COMMIT_MESSAGE;
        }
    }

    @TransactionListener(producerGroup = "payments-tx")
    static class PaymentTransactions implements MqTransactionListener<String> {
        @Override
        public LocalTransactionState executeLocalTransaction(Message<String> message, Object argument) {
            CALLS.add("payments execute " + message.getPayload());
            return LocalTransactionState.ROLLBACK_MESSAGE;
        }

        @Override
        public LocalTransactionState checkLocalTransaction(Message<String> message) {
            CALLS.add("payments check " + message.getPayload());
            return LocalTransactionState.UNKNOW;
        }
    }
}
