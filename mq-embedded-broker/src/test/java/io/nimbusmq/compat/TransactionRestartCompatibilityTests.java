package io.nimbusmq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.nimbusmq.broker.time.ManualClock;
import io.nimbusmq.broker.transaction.TransactionConfig;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Transactions across a broker restart on the same store directory, with the official 5.3.1 producer staying up:
 * committed messages stay, rolled-back ones never appear, and open transactions, already checked once before the
 * restart, are checked again after it (their check count carried over) and resolved.
 */
@Tag("compat")
class TransactionRestartCompatibilityTests {

    private static final ManualClock CLOCK = new ManualClock();
    private static final TransactionConfig TRANSACTIONS = TransactionConfig.defaults().withCheckIntervalMillis(10_000);

    @RegisterExtension
    static final CompatBroker broker = new CompatBroker(builder -> builder.clock(CLOCK).transaction(TRANSACTIONS));

    private final TransactionalClients clients = new TransactionalClients(broker, CLOCK,
            Duration.ofMillis(TRANSACTIONS.checkIntervalMillis()));
    private final ScriptedTransactionListener listener = new ScriptedTransactionListener();

    @Test
    void pendingTransactionsAreCheckedBackAfterARestart() throws Exception {
        String topic = broker.createTopic("tx-restart", 4);
        TransactionMQProducer producer = clients.startedProducer(listener);
        long resolutions = clients.resolutions();
        clients.send(producer, topic, "committed", LocalTransactionState.COMMIT_MESSAGE);
        clients.send(producer, topic, "rolled-back", LocalTransactionState.ROLLBACK_MESSAGE);
        clients.send(producer, topic, "pending-commit", LocalTransactionState.UNKNOW);
        clients.send(producer, topic, "pending-rollback", LocalTransactionState.UNKNOW);
        clients.awaitResolutions(resolutions, 2);
        clients.awaitRegistered(producer);
        clients.runCheckPass();
        await("first checks, answered UNKNOW").atMost(CompatBroker.PATIENCE)
                .until(() -> listener.checks().size() == 2);

        broker.restart();
        listener.answer("pending-commit", LocalTransactionState.COMMIT_MESSAGE);
        listener.answer("pending-rollback", LocalTransactionState.ROLLBACK_MESSAGE);
        clients.awaitRegistered(producer);
        long resolutionsAfterRestart = clients.resolutions();
        assertThat(resolutionsAfterRestart).as("ops recovered from the commit log").isEqualTo(resolutions + 2);
        clients.runCheckPass();
        clients.awaitResolutions(resolutionsAfterRestart, 2);

        assertThat(listener.checksOf("pending-commit")).extracting(ScriptedTransactionListener.Check::checkTimes)
                .containsExactly("1", "2");
        assertThat(listener.checksOf("pending-rollback")).extracting(ScriptedTransactionListener.Check::checkTimes)
                .containsExactly("1", "2");
        assertThat(listener.checksOf("committed")).isEmpty();
        assertThat(listener.checksOf("rolled-back")).isEmpty();
        Received received = broker.consumeAll(topic, 2);
        received.assertBodiesExactly(List.of("committed", "pending-commit"));
        assertThat(broker.storedMessages(topic)).isEqualTo(2);
        clients.runCheckPass();
        assertThat(listener.checks()).as("nothing left to check").hasSize(4);
    }
}
