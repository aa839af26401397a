package io.nimbusmq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import io.nimbusmq.broker.time.ManualClock;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.netty.NettyRemotingClient;
import io.nimbusmq.remoting.netty.RemotingClientConfig;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.header.ResendDeadLetterRequestHeader;
import io.nimbusmq.remoting.protocol.header.ResendDeadLetterResponseHeader;
import org.apache.rocketmq.client.QueryResult;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageClientExt;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.remoting.protocol.body.ConsumeMessageDirectlyResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Retry and dead letters with the official 5.3.1 push consumer: a listener that fails sees its message again after
 * RocketMQ's back-off (10 s, then 30 s) through the broker's CONSUMER_SEND_MSG_BACK, then the message is in
 * {@code %DLQ%<group>}; it is found with the official admin's queryMessage, handed to the consumer with
 * consumeMessageDirectly, and sent back to its original topic with RESEND_DEAD_LETTER (what {@code MqClient.resendDeadLetter} sends). An orderly consumer
 * dead-letters by sending the message to {@code %RETRY%<group>} past its max reconsume times, which the broker
 * stores in {@code %DLQ%<group>} (remoting-protocol.md §4.1 step 5).
 */
@Tag("compat")
class RetryCompatibilityTests {

    static final ManualClock CLOCK = new ManualClock();

    @RegisterExtension
    static final CompatBroker broker = new CompatBroker(CLOCK);

    @Test
    void failingMessageIsRetriedWithBackOffThenDeadLetteredThenResentToItsTopic() throws Exception {
        String topic = broker.createTopic("retry", 1);
        String group = CompatBroker.uniqueName("cg");
        String dlq = "%DLQ%" + group;
        ConcurrentLinkedQueue<MessageExt> attempts = new ConcurrentLinkedQueue<>();
        AtomicBoolean failing = new AtomicBoolean(true);
        DefaultMQPushConsumer consumer = broker.pushConsumer(group);
        consumer.setMaxReconsumeTimes(2);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (batch, context) -> {
            attempts.addAll(batch);
            return failing.get() ? ConsumeConcurrentlyStatus.RECONSUME_LATER
                    : ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        DefaultMQProducer producer = broker.startedProducer();
        SendResult sent = producer.send(new Message(topic, "tagR", "key-retry",
                "fails".getBytes(StandardCharsets.UTF_8)));

        await("first attempt").atMost(CompatBroker.PATIENCE).until(() -> attempts.size() == 1);
        awaitScheduled(3, 1);
        CLOCK.advance(Duration.ofSeconds(9));
        awaitCaughtUp();
        assertThat(attempts).as("retried before the 10 s back-off").hasSize(1);
        CLOCK.advance(Duration.ofMillis(1_001));
        await("second attempt").atMost(CompatBroker.PATIENCE).until(() -> attempts.size() == 2);
        MessageExt retried = List.copyOf(attempts).get(1);
        assertThat(retried.getTopic()).isEqualTo(topic);
        assertThat(retried.getMsgId()).isEqualTo(sent.getMsgId());
        assertThat(retried.getReconsumeTimes()).isEqualTo(1);
        assertThat(retried.getProperty("RETRY_TOPIC")).isEqualTo(topic);
        assertThat(retried.getProperty("ORIGIN_MESSAGE_ID"))
                .as("set by the broker's CONSUMER_SEND_MSG_BACK, not the client's fallback send")
                .isEqualTo(sent.getOffsetMsgId());

        awaitScheduled(4, 1);
        CLOCK.advance(Duration.ofSeconds(30));
        await("third attempt").atMost(CompatBroker.PATIENCE).until(() -> attempts.size() == 3);
        assertThat(List.copyOf(attempts).get(2).getReconsumeTimes()).isEqualTo(2);
        await("dead letter").atMost(CompatBroker.PATIENCE).until(() -> broker.storedMessages(dlq) == 1);
        assertThat(broker.broker().runtime().topics().find(dlq).readQueueNums()).isEqualTo(1);

        QueryResult found = broker.admin().queryMessage(dlq, "key-retry", 32, 0, Long.MAX_VALUE);
        assertThat(found.getMessageList()).hasSize(1);
        MessageExt deadLetter = found.getMessageList().get(0);
        assertThat(deadLetter.getTopic()).isEqualTo(dlq);
        assertThat(deadLetter.getMsgId()).isEqualTo(sent.getMsgId());
        assertThat(deadLetter.getReconsumeTimes()).isEqualTo(3);
        assertThat(deadLetter.getProperty("RETRY_TOPIC")).isEqualTo(topic);

        String clientId = broker.admin().examineConsumerConnectionInfo(group).getConnectionSet().iterator().next()
                .getClientId();
        ConsumeMessageDirectlyResult direct = broker.admin().consumeMessageDirectly(group, clientId, dlq,
                ((MessageClientExt) deadLetter).getOffsetMsgId());
        assertThat(direct).isNotNull();
        assertThat(attempts).as("consumeMessageDirectly ran the listener").hasSize(4);

        failing.set(false);
        try (NettyRemotingClient remoting = new NettyRemotingClient(RemotingClientConfig.defaults())) {
            RemotingCommand resent = remoting.invokeSync(broker.address(), RemotingCommand.createRequest(
                    RequestCode.RESEND_DEAD_LETTER, new ResendDeadLetterRequestHeader(group, sent.getMsgId())),
                    5_000).get();
            assertThat(resent.code()).as(resent.remark()).isEqualTo(ResponseCode.SUCCESS);
            assertThat(ResendDeadLetterResponseHeader.readFrom(resent).topic()).isEqualTo(topic);
        }
        await("resent message consumed").atMost(CompatBroker.PATIENCE).until(() -> attempts.size() == 5);
        MessageExt again = List.copyOf(attempts).get(4);
        assertThat(again.getTopic()).isEqualTo(topic);
        assertThat(again.getMsgId()).isEqualTo(sent.getMsgId());
        assertThat(again.getReconsumeTimes()).isZero();
        assertThat(new String(again.getBody(), StandardCharsets.UTF_8)).isEqualTo("fails");
        assertThat(broker.storedMessages(topic)).isEqualTo(2);
    }

    @Test
    void orderlyConsumerDeadLettersAMessageItSuspendedTooOftenAndTheQueueMovesOn() throws Exception {
        String topic = broker.createTopic("orderly-dlq", 1);
        String group = CompatBroker.uniqueName("og");
        String dlq = "%DLQ%" + group;
        ConcurrentLinkedQueue<MessageExt> attempts = new ConcurrentLinkedQueue<>();
        DefaultMQPushConsumer consumer = broker.pushConsumer(group);
        consumer.setMaxReconsumeTimes(2);
        consumer.setSuspendCurrentQueueTimeMillis(100);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerOrderly) (batch, context) -> {
            attempts.addAll(batch);
            boolean poison = batch.stream().anyMatch(m -> "poison".equals(m.getKeys()));
            return poison ? ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT : ConsumeOrderlyStatus.SUCCESS;
        });
        consumer.start();
        DefaultMQProducer producer = broker.startedProducer();
        SendResult poison = producer.send(new Message(topic, "tagO", "poison",
                "always suspended".getBytes(StandardCharsets.UTF_8)));
        producer.send(new Message(topic, "tagO", "next", "after it".getBytes(StandardCharsets.UTF_8)));

        await("the next message").atMost(CompatBroker.PATIENCE)
                .until(() -> attempts.stream().anyMatch(m -> "next".equals(m.getKeys())));
        assertThat(attempts).extracting(MessageExt::getKeys).as("three attempts, then the queue moves on")
                .containsExactly("poison", "poison", "poison", "next");
        await("dead letter").atMost(CompatBroker.PATIENCE).until(() -> broker.storedMessages(dlq) == 1);
        await("queue consumed past both").atMost(CompatBroker.PATIENCE)
                .until(() -> CompatBroker.consumedInMemory(consumer, topic) == 2);
        assertThat(broker.storedMessages("%RETRY%" + group)).as("never retried").isZero();
        assertThat(broker.broker().messageStore().maxOffsetInQueue(SystemTopics.SCHEDULE_TOPIC, 4))
                .as("not delayed by the client's level 3 + 2").isZero();

        QueryResult found = broker.admin().queryMessage(dlq, "poison", 32, 0, Long.MAX_VALUE);
        assertThat(found.getMessageList()).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.getTopic()).isEqualTo(dlq);
            assertThat(deadLetter.getMsgId()).isEqualTo(poison.getMsgId());
            assertThat(deadLetter.getReconsumeTimes()).isEqualTo(3);
            assertThat(deadLetter.getProperty("RETRY_TOPIC")).isEqualTo(topic);
            assertThat(deadLetter.getProperty("DELAY")).as("as RocketMQ stores it").isEqualTo("-1");
            assertThat(new String(deadLetter.getBody(), StandardCharsets.UTF_8)).isEqualTo("always suspended");
        });
    }

    /** Until the schedule queue of {@code level} holds {@code count} messages and the timer service indexed them. */
    private static void awaitScheduled(int level, long count) {
        await("scheduled at level " + level).atMost(CompatBroker.PATIENCE).until(() ->
                broker.broker().messageStore().maxOffsetInQueue(SystemTopics.SCHEDULE_TOPIC, level - 1) >= count);
        long stored = broker.broker().messageStore().maxOffsetInQueue(SystemTopics.SCHEDULE_TOPIC, 2)
                + broker.broker().messageStore().maxOffsetInQueue(SystemTopics.SCHEDULE_TOPIC, 3);
        await("indexed").atMost(CompatBroker.PATIENCE)
                .until(() -> broker.broker().runtime().timerService().indexedCount() >= stored);
    }

    private static void awaitCaughtUp() {
        await("timer service caught up").atMost(CompatBroker.PATIENCE)
                .until(() -> broker.broker().runtime().timerService().deliveredBeforeMillis() > CLOCK.millis()
                        && broker.broker().messageStore().stats().dispatchBehindBytes() == 0);
    }
}
