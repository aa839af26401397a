package io.nimbusmq.spring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;

import io.nimbusmq.broker.time.ManualClock;
import io.nimbusmq.client.producer.LocalTransactionState;
import io.nimbusmq.client.producer.TransactionSendResult;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.annotation.TransactionListener;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.core.MqTransactionListener;
import io.nimbusmq.spring.test.EmbeddedMq;
import io.nimbusmq.spring.test.MessageCollector;

/**
 * Transactional sends through a {@code @TransactionListener}: commit delivers, rollback never does, and an unknown
 * outcome is settled by the broker's check-back (the broker's clock is advanced instead of waiting 30 s).
 */
@SpringBootTest(classes = TransactionIntegrationTests.App.class)
@EmbeddedMq(topics = "it-tx", manualClock = true)
class TransactionIntegrationTests {

    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final MessageCollector<String> RECEIVED = new MessageCollector<>();
    static final List<String> CHECKED = new CopyOnWriteArrayList<>();

    @Autowired
    MqTemplate template;

    @Autowired
    ManualClock clock;

    @Test
    void aCommittedTransactionIsDelivered() {
        TransactionSendResult result = template.sendInTransaction("it-tx", "commit-1", null);
        assertThat(result.localState()).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        RECEIVED.awaitMatch("commit-1"::equals, PATIENCE);
    }

    @Test
    void aRolledBackTransactionIsNeverDelivered() {
        TransactionSendResult result = template.sendInTransaction("it-tx", "rollback-1", null);
        assertThat(result.localState()).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        template.syncSend("it-tx", "marker-after-rollback");
        RECEIVED.awaitMatch("marker-after-rollback"::equals, PATIENCE);
        assertThat(RECEIVED.received()).doesNotContain("rollback-1");
    }

    @Test
    void anUnknownTransactionIsSettledByTheCheckBack() {
        TransactionSendResult result = template.sendInTransaction("it-tx", "unknown-1", null);
        assertThat(result.localState()).isEqualTo(LocalTransactionState.UNKNOW);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            clock.advance(Duration.ofSeconds(5));
            assertThat(CHECKED).contains("unknown-1");
        });
        RECEIVED.awaitMatch("unknown-1"::equals, PATIENCE);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({OrderTransactions.class, Listener.class})
    static class App {
    }

    @TransactionListener(topics = "it-tx")
    static class OrderTransactions implements MqTransactionListener<String> {
        @Override
        public LocalTransactionState executeLocalTransaction(Message<String> message, Object argument) {
            String id = message.getPayload();
            if (id.startsWith("commit")) {
                return LocalTransactionState.COMMIT_MESSAGE;
            }
            return id.startsWith("rollback") ? LocalTransactionState.ROLLBACK_MESSAGE : LocalTransactionState.UNKNOW;
        }

        @Override
        public LocalTransactionState checkLocalTransaction(Message<String> message) {
            CHECKED.add(message.getPayload());
            return LocalTransactionState.COMMIT_MESSAGE;
        }
    }

    static class Listener {
        @MessageListener(topic = "it-tx", consumerGroup = "it-tx")
        void on(String body) {
            RECEIVED.add(body);
        }
    }
}
