package io.nimbusmq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.nimbusmq.broker.time.ManualClock;
import io.nimbusmq.broker.transaction.TransactionConfig;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.sysflag.MessageSysFlag;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Transactional messages that ask for a later delivery, with the official 5.3.1 {@link TransactionMQProducer} on a
 * broker whose clock is a {@link ManualClock}. The committed message is scheduled when the transaction commits, so
 * its delay counts from the commit. The official client drops a delay level from a transactional message before
 * sending it ({@code sendMessageInTransaction}: "ignore DelayTimeLevel parameter"), so only timers reach the broker
 * from it; a delay level on a half message (sent by another client) is covered by EndTransactionIntegrationTests.
 */
@Tag("compat")
class DelayedTransactionCompatibilityTests {

    private static final ManualClock CLOCK = new ManualClock();
    private static final TransactionConfig TRANSACTIONS = TransactionConfig.defaults().withCheckIntervalMillis(60_000);

    @RegisterExtension
    static final CompatBroker broker = new CompatBroker(builder -> builder.clock(CLOCK).transaction(TRANSACTIONS));

    private final TransactionalClients clients = new TransactionalClients(broker, CLOCK,
            Duration.ofMillis(TRANSACTIONS.checkIntervalMillis()));

    @Test
    void aCommittedTimerMessageArrivesItsDelayAfterTheCommitAndNotBefore() throws Exception {
        String topic = broker.createTopic("tx-timer", 2);
        ConcurrentLinkedQueue<MessageExt> received = startConsumer(topic);
        TransactionMQProducer producer = clients.startedProducer(new ScriptedTransactionListener());
        Message message = new Message(topic, "tx", "key-tx-timer", "in 5 s".getBytes(StandardCharsets.UTF_8));
        message.setDelayTimeSec(5);
        long resolutions = clients.resolutions();
        long indexed = broker.broker().runtime().timerService().indexedCount();

        TransactionSendResult sent = producer.sendMessageInTransaction(message, LocalTransactionState.COMMIT_MESSAGE);

        assertThat(sent.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        clients.awaitResolutions(resolutions, 1);
        awaitIndexed(indexed + 1);
        CLOCK.advance(Duration.ofSeconds(4));
        awaitTimerServiceCaughtUp();
        assertThat(broker.storedMessages(topic)).as("delivered before its 5 s").isZero();
        assertThat(received).isEmpty();

        CLOCK.advance(Duration.ofMillis(1_001));
        await("committed timer message").atMost(CompatBroker.PATIENCE).until(() -> received.size() == 1);
        MessageExt delivered = received.peek();
        assertThat(delivered.getMsgId()).isEqualTo(sent.getMsgId());
        assertThat(delivered.getTopic()).isEqualTo(topic);
        assertThat(delivered.getQueueId()).isEqualTo(sent.getMessageQueue().getQueueId());
        assertThat(delivered.getKeys()).isEqualTo("key-tx-timer");
        assertThat(new String(delivered.getBody(), StandardCharsets.UTF_8)).isEqualTo("in 5 s");
        assertThat(MessageSysFlag.getTransactionValue(delivered.getSysFlag()))
                .isEqualTo(MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        assertThat(delivered.getProperties()).containsEntry("TIMER_DELAY_SEC", "5").containsEntry("TRAN_MSG", "true");
        assertThat(broker.storedMessages(topic)).isEqualTo(1);
    }

    @Test
    void theOfficialTransactionalProducerDropsADelayLevelSoTheCommittedMessageArrivesAtOnce() throws Exception {
        String topic = broker.createTopic("tx-level", 1);
        ConcurrentLinkedQueue<MessageExt> received = startConsumer(topic);
        TransactionMQProducer producer = clients.startedProducer(new ScriptedTransactionListener());
        Message message = new Message(topic, "tx", "key-tx-level", "level 2".getBytes(StandardCharsets.UTF_8));
        message.setDelayTimeLevel(2);

        TransactionSendResult sent = producer.sendMessageInTransaction(message, LocalTransactionState.COMMIT_MESSAGE);

        await("committed message").atMost(CompatBroker.PATIENCE).until(() -> received.size() == 1);
        assertThat(received.peek().getMsgId()).isEqualTo(sent.getMsgId());
        assertThat(received.peek().getProperties()).doesNotContainKey("DELAY");
    }

    private static ConcurrentLinkedQueue<MessageExt> startConsumer(String topic) throws Exception {
        ConcurrentLinkedQueue<MessageExt> received = new ConcurrentLinkedQueue<>();
        DefaultMQPushConsumer consumer = broker.pushConsumer(CompatBroker.uniqueName("cg"));
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (batch, context) -> {
            received.addAll(batch);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        await("queues assigned").atMost(CompatBroker.PATIENCE)
                .until(() -> !CompatBroker.assignedQueues(consumer, topic).isEmpty());
        return received;
    }

    private static void awaitIndexed(long count) {
        await("waiting messages indexed").atMost(CompatBroker.PATIENCE)
                .until(() -> broker.broker().runtime().timerService().indexedCount() >= count);
    }

    private static void awaitTimerServiceCaughtUp() {
        await("timer service caught up").atMost(CompatBroker.PATIENCE)
                .until(() -> broker.broker().runtime().timerService().deliveredBeforeMillis() > CLOCK.millis()
                        && broker.broker().messageStore().stats().dispatchBehindBytes() == 0);
    }
}
