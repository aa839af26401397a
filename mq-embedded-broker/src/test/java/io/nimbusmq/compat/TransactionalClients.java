package io.nimbusmq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.nimbusmq.broker.BrokerRuntime;
import io.nimbusmq.broker.time.ManualClock;
import io.nimbusmq.message.SystemTopics;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;

/**
 * The transactional side of the compatibility fixture: official {@link TransactionMQProducer}s on a broker whose
 * {@link ManualClock} the test moves one check interval at a time instead of waiting for the check-back.
 */
final class TransactionalClients {

    private final CompatBroker broker;
    private final ManualClock clock;
    private final Duration checkInterval;

    TransactionalClients(CompatBroker broker, ManualClock clock, Duration checkInterval) {
        this.broker = broker;
        this.clock = clock;
        this.checkInterval = checkInterval;
    }

    /** A started transactional producer in a new group, registered with the broker (so that it can be checked). */
    TransactionMQProducer startedProducer(ScriptedTransactionListener listener) throws MQClientException {
        TransactionMQProducer producer = new TransactionMQProducer(CompatBroker.uniqueName("tpg"));
        producer.setNamesrvAddr(broker.address());
        producer.setInstanceName(CompatBroker.uniqueName("tproducer"));
        producer.setTransactionListener(listener);
        producer.start();
        broker.afterTest(producer::shutdown);
        return producer;
    }

    /** Sends a transactional message whose local transaction ends in {@code localState}. */
    TransactionSendResult send(TransactionMQProducer producer, String topic, String body,
            LocalTransactionState localState) throws MQClientException {
        Message message = new Message(topic, "tx", body.getBytes(StandardCharsets.UTF_8));
        message.setKeys("key-" + body);
        message.putUserProperty("origin", "compat-" + body);
        TransactionSendResult result = producer.sendMessageInTransaction(message, localState);
        assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        assertThat(result.getLocalTransactionState()).isEqualTo(localState);
        assertThat(result.getTransactionId()).as("transactionId = UNIQ_KEY").isEqualTo(result.getMsgId());
        return result;
    }

    /** Waits until the broker knows a live channel of the producer's group, heartbeating to speed it up. */
    void awaitRegistered(TransactionMQProducer producer) {
        await("producer group " + producer.getProducerGroup() + " registered").atMost(CompatBroker.PATIENCE)
                .until(() -> {
                    if (runtime().producers().anyChannel(producer.getProducerGroup()).isPresent()) {
                        return true;
                    }
                    producer.getDefaultMQProducerImpl().getMqClientFactory().sendHeartbeatToAllBrokerWithLock();
                    return false;
                });
    }

    /** Moves the clock one check interval and waits until the check pass it triggers has finished. */
    void runCheckPass() {
        long before = runtime().transactions().checkService().completedPasses();
        clock.advance(checkInterval);
        await("a check pass").atMost(CompatBroker.PATIENCE)
                .until(() -> runtime().transactions().checkService().completedPasses() > before);
    }

    /** Op messages stored so far: one per commit or rollback the broker recorded. */
    long resolutions() {
        return broker.broker().messageStore().maxOffsetInQueue(SystemTopics.TRANS_OP_HALF_TOPIC, 0);
    }

    /** Waits until the broker recorded {@code count} more resolutions than {@code before}. */
    void awaitResolutions(long before, long count) {
        await(count + " resolutions recorded").atMost(CompatBroker.PATIENCE)
                .until(() -> resolutions() >= before + count);
        assertThat(resolutions()).as("resolutions recorded").isEqualTo(before + count);
    }

    private BrokerRuntime runtime() {
        return broker.broker().runtime();
    }
}
