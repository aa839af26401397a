package io.nimbusmq.broker.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.nimbusmq.broker.time.ManualClock;
import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.store.DefaultMessageStore;
import io.nimbusmq.store.StoreConfig;
import io.nimbusmq.store.file.MappedSlice;
import io.nimbusmq.store.read.GetMessageResult;
import io.nimbusmq.store.read.MessageFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The timer service on a real store and a {@link ManualClock}: after each advance, once the service has caught up,
 * exactly the messages whose time has come are in their real topic, each once, including across restarts.
 */
class TimerMessageServiceTests {

    private static final String TOPIC = "Real";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.ofEpochMilli(1_700_000_000_000L));
    private ScheduleConfig config = ScheduleConfig.defaults();
    private DefaultMessageStore store;
    private TimerMessageService service;

    @AfterEach
    void close() {
        if (service != null) {
            service.shutdown();
            store.shutdown();
            service = null;
        }
    }

    private void open() throws Exception {
        store = new DefaultMessageStore(StoreConfig.embedded(dir.resolve("store")));
        store.start();
        service = new TimerMessageService(store, config, clock, dir.resolve("timer"));
        store.addDispatcher(service.dispatcher());
        service.start();
    }

    private void restart() throws Exception {
        close();
        open();
    }

    @Test
    void deliversEveryMessageOnceAndNeverEarlyAcrossRestarts() throws Exception {
        open();
        Random random = new Random(42);
        TreeMap<Long, List<String>> byTarget = new TreeMap<>();
        for (int i = 0; i < 500; i++) {
            long delay = 1 + random.nextInt(60_000);
            String key = "m" + i;
            schedule(key, delay);
            byTarget.computeIfAbsent(clock.millis() + delay, t -> new ArrayList<>()).add(key);
        }
        await().atMost(PATIENCE).until(() -> service.indexedCount() >= 500);
        restart();

        long start = clock.millis();
        for (long at : new long[] {999, 1_000, 7_321, 20_000, 20_001, 45_555, 60_000}) {
            clock.advance(Duration.ofMillis(start + at - clock.millis()));
            awaitCaughtUp();
            List<String> expected = byTarget.headMap(clock.millis(), true).values().stream()
                    .flatMap(List::stream).toList();
            List<String> delivered = deliveredKeys();
            assertThat(new HashSet<>(delivered)).as("delivered at +%d ms", at).isEqualTo(new HashSet<>(expected));
            assertThat(delivered).as("each once").hasSameSizeAs(expected);
            if (at == 20_000) {
                restart();
            }
        }
        assertThat(deliveredKeys()).hasSize(500);
    }

    @Test
    void deliveredDelayLevelMessageKeepsDelayAndTheRealTopicAsRocketMqDoes() throws Exception {
        open();
        store.putMessage(new ScheduleRewriter(config, clock).rewrite(MessageInput.builder(TOPIC, 3,
                "body".getBytes(StandardCharsets.UTF_8)).properties(MessageProperties.encode(Map.of(
                "UNIQ_KEY", "U1", "KEYS", "k1 k2", "TAGS", "t", "DELAY", "1"))).reconsumeTimes(2).build())
                .message()).join();
        await().atMost(PATIENCE).until(() -> service.indexedCount() >= 1);

        clock.advance(Duration.ofSeconds(1));
        await().atMost(PATIENCE).until(() -> store.maxOffsetInQueue(TOPIC, 3) == 1);

        StoredMessage delivered = delivered(3).get(0);
        assertThat(delivered.propertyMap()).containsEntry("UNIQ_KEY", "U1").containsEntry("KEYS", "k1 k2")
                .containsEntry("TAGS", "t").containsEntry("DELAY", "1").containsEntry("REAL_TOPIC", TOPIC)
                .containsEntry("REAL_QID", "3")
                .as("this broker's own bookkeeping").doesNotContainKeys("TIMER_OUT_MS", "TIMER_ENQUEUE_MS");
        assertThat(delivered.reconsumeTimes()).isEqualTo(2);
        assertThat(new String(delivered.body(), StandardCharsets.UTF_8)).isEqualTo("body");
    }

    @Test
    void deliveredTimerMessageKeepsItsTimerPropertiesAndGetsEnqueueAndDequeueTimesAsRocketMqDoes() throws Exception {
        open();
        long deliverAt = clock.millis() + 1_500;
        schedule("timed", 1_500);
        await().atMost(PATIENCE).until(() -> service.indexedCount() >= 1);

        clock.advance(Duration.ofMillis(1_500));
        await().atMost(PATIENCE).until(() -> store.maxOffsetInQueue(TOPIC, 0) == 1);

        StoredMessage delivered = delivered(0).get(0);
        assertThat(delivered.propertyMap()).containsEntry("UNIQ_KEY", "timed").containsEntry("TIMER_DELAY_MS", "1500")
                .containsEntry("TIMER_OUT_MS", Long.toString(deliverAt)).containsEntry("REAL_TOPIC", TOPIC)
                .containsEntry("REAL_QID", "0").containsEntry("TIMER_DEQUEUE_MS", Long.toString(deliverAt))
                .containsKey("TIMER_ENQUEUE_MS").doesNotContainKeys("DELAY", "TIMER_ROLL_TIMES");
        assertThat(Long.parseLong(delivered.property("TIMER_ENQUEUE_MS"))).as("the waiting copy's store time")
                .isEqualTo(store.lookMessage(waitingOffset(0)).storeTimestamp());
    }

    @Test
    void messageWaitingLongerThanTheRollWindowIsStoredAgainThenDeliveredOnTime() throws Exception {
        config = new ScheduleConfig(DelayLevels.DEFAULT, Duration.ofDays(1).toMillis(), 60_000);
        open();
        long start = clock.millis();
        schedule("late", 150_000);
        await().atMost(PATIENCE).until(() -> service.indexedCount() >= 1);

        clock.advance(Duration.ofMillis(60_001));
        await().atMost(PATIENCE).until(() -> store.maxOffsetInQueue(SystemTopics.TIMER_TOPIC, 0) == 2);
        awaitCaughtUp();
        assertThat(store.lookMessage(waitingOffset(1)).property(MessageConst.TIMER_ROLL_TIMES)).isEqualTo("1");
        restart();
        clock.advance(Duration.ofMillis(start + 149_999 - clock.millis()));
        awaitCaughtUp();
        assertThat(deliveredKeys()).isEmpty();

        clock.advance(Duration.ofMillis(1));
        awaitCaughtUp();
        assertThat(deliveredKeys()).containsExactly("late");
        assertThat(delivered(0).get(0).propertyMap()).as("RocketMQ keeps the roll count: rolled at 60 s and 120 s")
                .containsEntry(MessageConst.TIMER_ROLL_TIMES, "2");
    }

    @Test
    void writesACheckpointOnlyOnceItHasIndexedAMessage() throws Exception {
        Path checkpoint = dir.resolve("timer/checkpoint.json");
        open();
        close();
        assertThat(checkpoint).as("nothing indexed: a start without a checkpoint is the same").doesNotExist();

        open();
        schedule("m", 10_000);
        await().atMost(PATIENCE).until(() -> service.indexedCount() >= 1);
        close();
        assertThat(checkpoint).exists();

        open();
        clock.advance(Duration.ofMillis(10_000));
        awaitCaughtUp();
        assertThat(deliveredKeys()).containsExactly("m");
    }

    private void schedule(String key, long delayMillis) {
        MessageInput message = MessageInput.builder(TOPIC, 0, key.getBytes(StandardCharsets.UTF_8))
                .properties(MessageProperties.encode(Map.of("UNIQ_KEY", key, "TIMER_DELAY_MS",
                        Long.toString(delayMillis)))).build();
        store.putMessage(new ScheduleRewriter(config, clock).rewrite(message).message()).join();
    }

    private void awaitCaughtUp() {
        await().atMost(PATIENCE).until(() -> service.deliveredBeforeMillis() > clock.millis()
                && store.stats().dispatchBehindBytes() == 0);
    }

    /** The commit log offset of the {@code queueOffset}-th waiting copy in the timer queue. */
    private long waitingOffset(long queueOffset) {
        try (GetMessageResult result = store.getMessages(SystemTopics.TIMER_TOPIC, 0, queueOffset, 1, 1 << 20,
                MessageFilter.ALL)) {
            return result.messages().get(0).physicalOffset();
        }
    }

    private List<String> deliveredKeys() {
        return delivered(0).stream().map(m -> m.property("UNIQ_KEY")).toList();
    }

    private List<StoredMessage> delivered(int queueId) {
        List<StoredMessage> messages = new ArrayList<>();
        try (GetMessageResult result = store.getMessages(TOPIC, queueId, 0, 10_000, 64 << 20, MessageFilter.ALL)) {
            for (MappedSlice slice : result.messages()) {
                messages.add(MessageCodec.decode(slice.buffer()));
            }
        }
        return messages;
    }
}
