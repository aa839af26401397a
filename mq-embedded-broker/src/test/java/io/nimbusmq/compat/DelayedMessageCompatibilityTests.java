package io.nimbusmq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.nimbusmq.broker.schedule.TimerMessageService;
import io.nimbusmq.broker.time.ManualClock;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Delay levels and 5.x timer messages with the official 5.3.1 producer and push consumer, on a broker whose clock is
 * a {@link ManualClock}: time is advanced, never slept through. "Not before" is checked once the broker's timer
 * service has caught up with the advanced clock, so it cannot pass by being slow.
 */
@Tag("compat")
class DelayedMessageCompatibilityTests {

    static final ManualClock CLOCK = new ManualClock();

    @RegisterExtension
    static final CompatBroker broker = new CompatBroker(CLOCK);

    @Test
    void delayLevelTwoArrivesAfterFiveSecondsAndNotBefore() throws Exception {
        String topic = broker.createTopic("delay", 2);
        ConcurrentLinkedQueue<MessageExt> received = startConsumer(topic);
        DefaultMQProducer producer = broker.startedProducer();
        Message message = new Message(topic, "tagA", "key-delay", "after 5 s".getBytes(StandardCharsets.UTF_8));
        message.setDelayTimeLevel(2);
        long indexed = timers().indexedCount();

        SendResult sent = producer.send(message);

        assertThat(sent.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        awaitIndexed(indexed + 1);
        CLOCK.advance(Duration.ofSeconds(4));
        awaitTimerServiceCaughtUp();
        assertThat(broker.storedMessages(topic)).as("delivered before its 5 s").isZero();
        assertThat(received).isEmpty();

        CLOCK.advance(Duration.ofMillis(1_001));
        await("delayed message").atMost(CompatBroker.PATIENCE).until(() -> received.size() == 1);
        MessageExt delivered = received.peek();
        assertThat(delivered.getTopic()).isEqualTo(topic);
        assertThat(delivered.getMsgId()).isEqualTo(sent.getMsgId());
        assertThat(delivered.getKeys()).isEqualTo("key-delay");
        assertThat(delivered.getTags()).isEqualTo("tagA");
        assertThat(new String(delivered.getBody(), StandardCharsets.UTF_8)).isEqualTo("after 5 s");
        assertThat(delivered.getReconsumeTimes()).isZero();
        assertThat(delivered.getProperties()).doesNotContainKeys("DELAY", "REAL_TOPIC", "REAL_QID", "TIMER_OUT_MS");
    }

    @Test
    void timerMessagesArriveAtTheirDeliveryTimeAndNotBefore() throws Exception {
        String topic = broker.createTopic("timer", 2);
        ConcurrentLinkedQueue<MessageExt> received = startConsumer(topic);
        DefaultMQProducer producer = broker.startedProducer();
        long deliverAt = CLOCK.millis() + 20_000;
        Message absolute = new Message(topic, "abs", "key-abs", "deliverTimeMs".getBytes(StandardCharsets.UTF_8));
        absolute.setDeliverTimeMs(deliverAt);
        Message relative = new Message(topic, "rel", "key-rel", "delayTimeSec".getBytes(StandardCharsets.UTF_8));
        relative.setDelayTimeSec(20);
        long indexed = timers().indexedCount();

        SendResult sentAbsolute = producer.send(absolute);
        SendResult sentRelative = producer.send(relative);

        assertThat(sentAbsolute.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        assertThat(sentRelative.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        awaitIndexed(indexed + 2);
        CLOCK.advance(Duration.ofMillis(deliverAt - CLOCK.millis() - 1));
        awaitTimerServiceCaughtUp();
        assertThat(broker.storedMessages(topic)).as("delivered before its time").isZero();

        CLOCK.advance(Duration.ofMillis(1));
        await("timer messages").atMost(CompatBroker.PATIENCE).until(() -> received.size() == 2);
        assertThat(received).extracting(MessageExt::getMsgId)
                .containsExactlyInAnyOrder(sentAbsolute.getMsgId(), sentRelative.getMsgId());
        assertThat(received).allSatisfy(m -> assertThat(m.getProperties())
                .doesNotContainKeys("TIMER_DELIVER_MS", "TIMER_DELAY_SEC", "TIMER_OUT_MS", "REAL_TOPIC"));
    }

    @Test
    void timerBeyondTheMaximumDelayIsRefusedAndTheBrokerKeepsServing() throws Exception {
        String topic = broker.createTopic("toolate", 1);
        DefaultMQProducer producer = broker.startedProducer();
        Message tooLate = new Message(topic, "eight days".getBytes(StandardCharsets.UTF_8));
        tooLate.setDeliverTimeMs(CLOCK.millis() + Duration.ofDays(8).toMillis());

        assertThatThrownBy(() -> producer.send(tooLate))
                .isInstanceOfSatisfying(MQBrokerException.class, e -> {
                    assertThat(e.getResponseCode()).isEqualTo(13);
                    assertThat(e.getErrorMessage()).contains("timer message illegal")
                            .contains("max delay " + Duration.ofDays(7).toMillis() + "ms");
                });

        SendResult normal = producer.send(new Message(topic, "still serving".getBytes(StandardCharsets.UTF_8)));
        assertThat(normal.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        Received received = broker.consumeAll(topic, 1);
        received.assertBodiesExactly(List.of("still serving"));
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

    static TimerMessageService timers() {
        return broker.broker().runtime().timerService();
    }

    static void awaitIndexed(long count) {
        await("waiting messages indexed").atMost(CompatBroker.PATIENCE).until(() -> timers().indexedCount() >= count);
    }

    /** Until the timer service has delivered everything due at the clock's time, and loaded what comes next. */
    static void awaitTimerServiceCaughtUp() {
        await("timer service caught up").atMost(CompatBroker.PATIENCE)
                .until(() -> timers().deliveredBeforeMillis() > CLOCK.millis()
                        && broker.broker().messageStore().stats().dispatchBehindBytes() == 0);
    }
}
