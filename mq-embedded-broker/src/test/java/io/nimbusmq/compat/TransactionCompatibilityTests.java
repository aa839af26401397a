package io.nimbusmq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.nimbusmq.broker.time.ManualClock;
import io.nimbusmq.broker.transaction.TransactionConfig;
import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.store.read.GetMessageResult;
import io.nimbusmq.store.read.MessageFilter;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The official 5.3.1 {@link TransactionMQProducer} and {@code TransactionListener}: commit, rollback, an unknown
 * state resolved by the broker's check-back, and a transaction given up after the configured number of checks. The
 * broker runs on a {@link ManualClock}; each check pass is triggered by moving it one check interval.
 */
@Tag("compat")
class TransactionCompatibilityTests {

    private static final ManualClock CLOCK = new ManualClock();
    private static final int CHECK_MAX = 3;
    private static final TransactionConfig TRANSACTIONS = TransactionConfig.defaults()
            .withCheckIntervalMillis(10_000).withCheckMax(CHECK_MAX);

    @RegisterExtension
    static final CompatBroker broker = new CompatBroker(builder -> builder.clock(CLOCK).transaction(TRANSACTIONS));

    private final TransactionalClients clients = new TransactionalClients(broker, CLOCK,
            Duration.ofMillis(TRANSACTIONS.checkIntervalMillis()));
    private final ScriptedTransactionListener listener = new ScriptedTransactionListener();

    @Test
    void committedTransactionsAreDeliveredExactlyOnceAndNeverCheckedBack() throws Exception {
        String topic = broker.createTopic("tx-commit", 4);
        TransactionMQProducer producer = clients.startedProducer(listener);
        long resolutions = clients.resolutions();
        List<String> sent = new ArrayList<>();
        List<String> msgIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            TransactionSendResult result = clients.send(producer, topic, "commit-" + i,
                    LocalTransactionState.COMMIT_MESSAGE);
            sent.add("commit-" + i);
            msgIds.add(result.getMsgId());
        }
        clients.awaitResolutions(resolutions, sent.size());

        Received received = broker.consumeAll(topic, sent.size());

        received.assertBodiesExactly(sent);
        Received.assertSameElements("consumer msgIds (UNIQ_KEY)",
                received.messages().stream().map(Received.Msg::msgId).toList(), msgIds);
        assertThat(received.messages()).allSatisfy(m -> assertThat(m.tags()).isEqualTo("tx"));

        // a pass later, an open transaction is checked and none of the committed ones is
        listener.answer("open", LocalTransactionState.ROLLBACK_MESSAGE);
        clients.send(producer, topic, "open", LocalTransactionState.UNKNOW);
        clients.awaitRegistered(producer);
        clients.runCheckPass();
        await("check of the open transaction").atMost(CompatBroker.PATIENCE)
                .until(() -> !listener.checks().isEmpty());
        clients.awaitResolutions(resolutions, sent.size() + 1);
        assertThat(listener.checkedBodies()).containsExactly("open");
        assertThat(broker.storedMessages(topic)).isEqualTo(sent.size());
    }

    @Test
    void rolledBackTransactionsAreNeverDelivered() throws Exception {
        String topic = broker.createTopic("tx-rollback", 4);
        TransactionMQProducer producer = clients.startedProducer(listener);
        long resolutions = clients.resolutions();
        for (int i = 0; i < 5; i++) {
            clients.send(producer, topic, "rolled-back-" + i, LocalTransactionState.ROLLBACK_MESSAGE);
        }
        clients.send(producer, topic, "marker", LocalTransactionState.COMMIT_MESSAGE);
        clients.awaitResolutions(resolutions, 6);

        Received received = broker.consumeAll(topic, 1);

        received.assertBodiesExactly(List.of("marker"));
        assertThat(broker.storedMessages(topic)).as("only the marker was ever stored in the topic").isEqualTo(1);
        clients.awaitRegistered(producer);
        clients.runCheckPass();
        assertThat(listener.checks()).as("rolled back: nothing to check").isEmpty();
    }

    @Test
    void anUnknownStateIsResolvedByTheCheckBack() throws Exception {
        String topic = broker.createTopic("tx-unknown", 4);
        TransactionMQProducer producer = clients.startedProducer(listener);
        listener.answer("checked-commit", LocalTransactionState.COMMIT_MESSAGE);
        listener.answer("checked-rollback", LocalTransactionState.ROLLBACK_MESSAGE);
        long resolutions = clients.resolutions();
        TransactionSendResult toCommit = clients.send(producer, topic, "checked-commit",
                LocalTransactionState.UNKNOW);
        TransactionSendResult toRollBack = clients.send(producer, topic, "checked-rollback",
                LocalTransactionState.UNKNOW);
        clients.send(producer, topic, "committed-at-once", LocalTransactionState.COMMIT_MESSAGE);
        clients.awaitResolutions(resolutions, 1);
        assertThat(broker.storedMessages(topic)).as("unknown: still invisible").isEqualTo(1);
        clients.awaitRegistered(producer);

        clients.runCheckPass();
        clients.awaitResolutions(resolutions, 3);

        assertThat(listener.checkedBodies()).containsExactlyInAnyOrder("checked-commit", "checked-rollback");
        ScriptedTransactionListener.Check check = listener.checksOf("checked-commit").get(0);
        assertThat(check.topic()).isEqualTo(topic);
        assertThat(check.queueId()).isEqualTo(toCommit.getMessageQueue().getQueueId());
        assertThat(check.transactionId()).isEqualTo(toCommit.getTransactionId());
        assertThat(check.checkTimes()).isEqualTo("1");
        assertThat(check.properties()).containsEntry("origin", "compat-checked-commit")
                .containsEntry("KEYS", "key-checked-commit").containsEntry("TAGS", "tx");
        assertThat(listener.checksOf("checked-rollback").get(0).transactionId())
                .isEqualTo(toRollBack.getTransactionId());

        Received received = broker.consumeAll(topic, 2);
        received.assertBodiesExactly(List.of("committed-at-once", "checked-commit"));
        assertThat(broker.storedMessages(topic)).isEqualTo(2);
        clients.runCheckPass();
        assertThat(listener.checks()).as("both resolved: never checked again").hasSize(2);
    }

    @Test
    void aTransactionNobodyResolvesIsDiscardedAfterTheLastCheck() throws Exception {
        String topic = broker.createTopic("tx-discard", 4);
        TransactionMQProducer producer = clients.startedProducer(listener);
        long discardedBefore = discarded();
        clients.send(producer, topic, "never-decided", LocalTransactionState.UNKNOW);
        clients.awaitRegistered(producer);

        for (int check = 1; check <= CHECK_MAX; check++) {
            clients.runCheckPass();
            int expected = check;
            await("check " + check).atMost(CompatBroker.PATIENCE)
                    .until(() -> listener.checks().size() == expected);
            assertThat(listener.checks().get(check - 1).checkTimes()).isEqualTo(String.valueOf(check));
        }
        clients.runCheckPass();

        // the discarded half is in TRANS_CHECK_MAX_TIME_TOPIC's queue once the store dispatched it
        await("the discarded half").atMost(CompatBroker.PATIENCE).until(() -> discarded() == discardedBefore + 1);
        StoredMessage kept = lastDiscarded();
        assertThat(new String(kept.body(), StandardCharsets.UTF_8)).isEqualTo("never-decided");
        assertThat(kept.property("REAL_TOPIC")).isEqualTo(topic);
        clients.runCheckPass();
        assertThat(listener.checks()).as("no check after the last").hasSize(CHECK_MAX);
        assertThat(broker.storedMessages(topic)).isZero();
    }

    private static long discarded() {
        return broker.broker().messageStore().maxOffsetInQueue(SystemTopics.TRANS_CHECK_MAX_TIME_TOPIC, 0);
    }

    private static StoredMessage lastDiscarded() {
        try (GetMessageResult result = broker.broker().messageStore().getMessages(
                SystemTopics.TRANS_CHECK_MAX_TIME_TOPIC, 0, discarded() - 1, 1, 1 << 20, MessageFilter.ALL)) {
            return MessageCodec.decode(result.messages().get(0).buffer());
        }
    }
}
