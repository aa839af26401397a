package io.nimbusmq.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

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

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.broker.transaction.TransactionConfig;
import io.nimbusmq.client.producer.LocalTransactionState;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.spring.annotation.MessageListener;
import io.nimbusmq.spring.annotation.TransactionListener;
import io.nimbusmq.spring.core.MqTemplate;
import io.nimbusmq.spring.core.MqTransactionListener;
import io.nimbusmq.spring.test.EmbeddedMq;
import io.nimbusmq.spring.test.EmbeddedMqBrokers;
import io.nimbusmq.spring.test.EmbeddedMqSettings;
import io.nimbusmq.spring.test.MessageCollector;

/** {@code @EmbeddedMq} configures the broker it shares: topics with queue counts, delay levels, check-back timing. */
@SpringBootTest(classes = EmbeddedMqSettingsIntegrationTests.App.class)
@EmbeddedMq(topics = {"it-emq-wide:8", "it-emq-tx"}, delayLevels = "1s 1s 1s",
        transactionCheckIntervalMillis = 300, transactionTimeoutMillis = 300, transactionCheckMax = 3)
class EmbeddedMqSettingsIntegrationTests {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final MessageCollector<String> RECEIVED = new MessageCollector<>();
    static final List<String> CHECKED = new CopyOnWriteArrayList<>();

    @Autowired
    EmbeddedBroker broker;

    @Autowired
    MqTemplate template;

    @Test
    void theContextGetsTheBrokerOfItsSettingsWithItsTopics() {
        EmbeddedMqSettings settings = new EmbeddedMqSettings(false, "1s 1s 1s", 300, 300, 3, "");
        assertThat(broker).isSameAs(EmbeddedMqBrokers.broker(settings)).isNotSameAs(EmbeddedMqBrokers.shared());
        assertThat(broker.config().schedule().delayLevels()).isEqualTo("1s 1s 1s");
        assertThat(broker.config().transaction()).isEqualTo(new TransactionConfig(300, 300, 3));
        TopicConfig wide = broker.runtime().topics().find("it-emq-wide");
        assertThat(wide.readQueueNums()).isEqualTo(8);
        assertThat(wide.writeQueueNums()).isEqualTo(8);
        assertThat(broker.runtime().topics().find("it-emq-tx").readQueueNums())
                .isEqualTo(TopicConfig.DEFAULT_QUEUE_NUMS);
    }

    @Test
    void anUnknownTransactionIsSettledByTheShortCheckBack() {
        assertThat(template.sendInTransaction("it-emq-tx", "unknown-1", null).localState())
                .isEqualTo(LocalTransactionState.UNKNOW);
        RECEIVED.awaitMatch("unknown-1"::equals, PATIENCE);
        assertThat(CHECKED).contains("unknown-1");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({Transactions.class, Listener.class})
    static class App {
    }

    @TransactionListener(topics = "it-emq-tx")
    static class Transactions implements MqTransactionListener<String> {
        @Override
        public LocalTransactionState executeLocalTransaction(Message<String> message, Object argument) {
            return LocalTransactionState.UNKNOW;
        }

        @Override
        public LocalTransactionState checkLocalTransaction(Message<String> message) {
            CHECKED.add(message.getPayload());
            return LocalTransactionState.COMMIT_MESSAGE;
        }
    }

    static class Listener {
        @MessageListener(topic = "it-emq-tx", consumerGroup = "it-emq-tx")
        void on(String body) {
            RECEIVED.add(body);
        }
    }
}
