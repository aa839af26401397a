package io.nimbusmq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.nimbusmq.broker.schedule.TimerMessageService;
import io.nimbusmq.broker.time.ManualClock;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pending delayed and timer messages survive a clean broker restart on the same store directory: none is lost, none
 * arrives early, none arrives twice.
 */
@Tag("compat")
class DelayedMessageRestartCompatibilityTests {

    static final ManualClock CLOCK = new ManualClock();

    @RegisterExtension
    static final CompatBroker broker = new CompatBroker(CLOCK);

    @Test
    void pendingMessagesSurviveARestartNoneLostNoneEarlyNoneTwice() throws Exception {
        String topic = broker.createTopic("restart", 2);
        DefaultMQProducer producer = broker.startedProducer();
        long start = CLOCK.millis();
        List<String> levelThree = new ArrayList<>();
        List<String> timers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Message delayed = new Message(topic, ("level-3-" + i).getBytes(StandardCharsets.UTF_8));
            delayed.setDelayTimeLevel(3);
            producer.send(delayed);
            levelThree.add("level-3-" + i);
            Message timer = new Message(topic, ("timer-60s-" + i).getBytes(StandardCharsets.UTF_8));
            timer.setDeliverTimeMs(start + 60_000 + i);
            producer.send(timer);
            timers.add("timer-60s-" + i);
        }
        await("waiting messages indexed").atMost(CompatBroker.PATIENCE)
                .until(() -> timers().indexedCount() >= 20);

        broker.restartWithNewClients();

        advanceAndCatchUp(Duration.ofSeconds(9));
        assertThat(broker.storedMessages(topic)).as("delivered before 10 s").isZero();
        advanceAndCatchUp(Duration.ofMillis(1_001));
        assertThat(broker.storedMessages(topic)).as("the level-3 messages, once each").isEqualTo(10);
        advanceAndCatchUp(Duration.ofMillis(start + 60_000 - CLOCK.millis() - 1));
        assertThat(broker.storedMessages(topic)).as("timers delivered before their time").isEqualTo(10);
        advanceAndCatchUp(Duration.ofMillis(10));

        List<String> all = new ArrayList<>(levelThree);
        all.addAll(timers);
        Received received = broker.consumeAll(topic, 20);
        received.assertBodiesExactly(all);
        assertThat(broker.storedMessages(topic)).isEqualTo(20);
    }

    private static TimerMessageService timers() {
        return broker.broker().runtime().timerService();
    }

    private static void advanceAndCatchUp(Duration amount) {
        CLOCK.advance(amount);
        await("timer service caught up").atMost(CompatBroker.PATIENCE)
                .until(() -> timers().deliveredBeforeMillis() > CLOCK.millis()
                        && broker.broker().messageStore().stats().dispatchBehindBytes() == 0);
    }
}
