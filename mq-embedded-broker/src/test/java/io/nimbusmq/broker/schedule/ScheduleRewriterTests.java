package io.nimbusmq.broker.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.nimbusmq.broker.time.ManualClock;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.message.MessageSysFlag;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.protocol.ResponseCode;
import org.junit.jupiter.api.Test;

class ScheduleRewriterTests {

    private final ManualClock clock = new ManualClock(Instant.ofEpochMilli(1_000_000));
    private final ScheduleRewriter rewriter = new ScheduleRewriter(ScheduleConfig.defaults(), clock);

    @Test
    void delayLevelGoesToItsScheduleQueueWithTheRealTopicAndTheDeliveryTime() {
        ScheduleRewriter.Decision decision = rewriter.rewrite(message("T", 3, props("DELAY", "2", "KEYS", "k")));

        MessageInput waiting = decision.message();
        assertThat(waiting.topic()).isEqualTo(SystemTopics.SCHEDULE_TOPIC);
        assertThat(waiting.queueId()).isEqualTo(1);
        assertThat(MessageProperties.decode(waiting.properties())).containsEntry("REAL_TOPIC", "T")
                .containsEntry("REAL_QID", "3").containsEntry("TIMER_OUT_MS", "1005000")
                .containsEntry("KEYS", "k").containsEntry("DELAY", "2");
    }

    @Test
    void levelAboveTheHighestIsClampedToIt() {
        MessageInput waiting = rewriter.rewrite(message("T", 0, props("DELAY", "40"))).message();

        assertThat(waiting.queueId()).isEqualTo(17);
        assertThat(MessageProperties.decode(waiting.properties())).containsEntry("DELAY", "18")
                .containsEntry("TIMER_OUT_MS", Long.toString(1_000_000 + 7_200_000));
    }

    @Test
    void delayLevelWinsOverTimerPropertiesWhichAreDropped() {
        MessageInput waiting = rewriter.rewrite(message("T", 0,
                props("DELAY", "1", "TIMER_DELIVER_MS", "9999999", "TIMER_DELAY_SEC", "7"))).message();

        assertThat(waiting.topic()).isEqualTo(SystemTopics.SCHEDULE_TOPIC);
        assertThat(MessageProperties.decode(waiting.properties())).doesNotContainKeys("TIMER_DELIVER_MS",
                "TIMER_DELAY_SEC").containsEntry("TIMER_OUT_MS", "1001000");
    }

    @Test
    void timerPropertiesGoToTheTimerTopicToTheMillisecond() {
        assertThat(timerOut(props("TIMER_DELIVER_MS", "1234567"))).isEqualTo("1234567");
        assertThat(timerOut(props("TIMER_DELAY_SEC", "30"))).isEqualTo("1030000");
        assertThat(timerOut(props("TIMER_DELAY_MS", "1500"))).isEqualTo("1001500");
    }

    @Test
    void timerInThePastOrNoScheduleIsAnOrdinaryMessage() {
        MessageInput past = message("T", 2, props("TIMER_DELIVER_MS", "999999"));
        MessageInput plain = message("T", 2, props("KEYS", "k", "DELAY", "0"));

        assertThat(rewriter.rewrite(past).message()).isSameAs(past);
        assertThat(rewriter.rewrite(plain).message()).isSameAs(plain);
    }

    @Test
    void timerBeyondTheMaximumOrNotANumberIsRefusedWithRocketMqsRemark() {
        long sevenDays = Duration.ofDays(7).toMillis();
        ScheduleRewriter.Decision tooFar = rewriter.rewrite(message("T", 0,
                props("TIMER_DELIVER_MS", Long.toString(clock.millis() + sevenDays + 1))));
        ScheduleRewriter.Decision garbage = rewriter.rewrite(message("T", 0, props("TIMER_DELAY_SEC", "soon")));

        assertThat(tooFar.refused()).isTrue();
        assertThat(tooFar.errorCode()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
        assertThat(tooFar.remark()).startsWith("timer message illegal, the delay time should not be bigger than the "
                + "max delay " + sevenDays + "ms");
        assertThat(garbage.refused()).isTrue();
        assertThat(rewriter.rewrite(message("T", 0,
                props("TIMER_DELIVER_MS", Long.toString(clock.millis() + sevenDays)))).refused()).isFalse();
    }

    @Test
    void transactionHalfMessagesAreLeftAloneUnlessTheirTimerWouldBeRefusedAtCommit() {
        MessageInput half = MessageInput.builder("T", 0, new byte[1]).properties(props("DELAY", "3"))
                .sysFlag(MessageSysFlag.TRANSACTION_PREPARED_TYPE).build();
        MessageInput timedHalf = MessageInput.builder("T", 0, new byte[1]).properties(props("TIMER_DELAY_SEC", "60"))
                .sysFlag(MessageSysFlag.TRANSACTION_PREPARED_TYPE).build();
        MessageInput tooFarHalf = MessageInput.builder("T", 0, new byte[1])
                .properties(props("TIMER_DELAY_SEC", Long.toString(Duration.ofDays(8).toSeconds())))
                .sysFlag(MessageSysFlag.TRANSACTION_PREPARED_TYPE).build();
        MessageInput committed = MessageInput.builder("T", 0, new byte[1]).properties(props("DELAY", "3"))
                .sysFlag(MessageSysFlag.TRANSACTION_COMMIT_TYPE).build();

        assertThat(rewriter.rewrite(half).message()).isSameAs(half);
        assertThat(rewriter.rewrite(timedHalf).message()).isSameAs(timedHalf);
        assertThat(rewriter.rewrite(tooFarHalf).refused()).isTrue();
        assertThat(rewriter.rewrite(tooFarHalf).remark()).startsWith("timer message illegal");
        assertThat(rewriter.rewrite(committed).message().topic()).isEqualTo(SystemTopics.SCHEDULE_TOPIC);
    }

    @Test
    void aMessageThatCarriesTimerOutMsIsNotScheduledAgainButADelayLevelStillWins() {
        // a dead letter or a consumer's copy of a delivered timer message keeps its TIMER_* properties
        MessageInput deliveredTimer = message("%DLQ%g", 0, props("TIMER_DELAY_SEC", "60", "TIMER_OUT_MS", "990000",
                "DELAY", "-1"));
        MessageInput retried = message("%RETRY%g", 0, props("TIMER_DELAY_SEC", "60", "TIMER_OUT_MS", "990000",
                "DELAY", "3"));

        assertThat(rewriter.rewrite(deliveredTimer).message()).isSameAs(deliveredTimer);
        MessageInput waiting = rewriter.rewrite(retried).message();
        assertThat(waiting.topic()).isEqualTo(SystemTopics.SCHEDULE_TOPIC);
        assertThat(MessageProperties.decode(waiting.properties())).doesNotContainKey("TIMER_DELAY_SEC")
                .containsEntry("TIMER_OUT_MS", Long.toString(1_000_000 + 10_000));
    }

    private String timerOut(String properties) {
        MessageInput waiting = rewriter.rewrite(message("T", 1, properties)).message();
        assertThat(waiting.topic()).isEqualTo(SystemTopics.TIMER_TOPIC);
        assertThat(waiting.queueId()).isZero();
        return MessageProperties.get(waiting.properties(), MessageConst.TIMER_OUT_MS);
    }

    private static MessageInput message(String topic, int queueId, String properties) {
        return MessageInput.builder(topic, queueId, "b".getBytes(StandardCharsets.UTF_8)).properties(properties)
                .build();
    }

    private static String props(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return MessageProperties.encode(map);
    }
}
