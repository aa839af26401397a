package io.nimbusmq.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.message.RecordCheck;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.store.commitlog.CommitLogConfig;
import io.nimbusmq.store.file.MappedSlice;
import io.nimbusmq.store.file.StoreFileNames;
import io.nimbusmq.store.read.GetMessageResult;
import io.nimbusmq.store.read.GetMessageStatus;
import io.nimbusmq.store.read.MessageFilter;
import io.nimbusmq.store.read.QueryMessageResult;
import io.nimbusmq.store.retention.DiskUsageProbe;
import io.nimbusmq.store.retention.RetentionConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the store does when things go wrong around it: bad input is refused with a clear status and leaves no trace, a
 * full disk stops writes but not reads and damages nothing, a second store cannot open a directory in use, and a
 * stopped store refuses writes.
 */
class StoreFaultTests {

    private static final String TOPIC = "FaultTopic";
    private static final int MAX_BODY_BYTES = 4 * 1024;

    @TempDir
    Path dir;

    private final FakeDisk disk = new FakeDisk();
    private final List<DefaultMessageStore> stores = new ArrayList<>();

    @AfterEach
    void stop() {
        disk.usedRatio = 0.10;
        disk.releaseRetentionThread();
        stores.forEach(DefaultMessageStore::shutdown);
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void bodyOverTheMaximumIsRejectedAsIllegalAndNothingIsWritten() throws Exception {
        DefaultMessageStore store = start();
        put(store, message(TOPIC, 0, new byte[MAX_BODY_BYTES], "edge"));
        StoreState before = StoreState.of(store);

        PutMessageResult result = store.putMessage(message(TOPIC, 0, new byte[MAX_BODY_BYTES + 1], "big")).join();

        assertRejected(result, PutMessageStatus.MESSAGE_ILLEGAL, "maximum message size");
        assertThat(StoreState.of(store)).isEqualTo(before);
        assertThat(put(store, message(TOPIC, 0, body("next"), "next")).queueOffset()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad topic", "topic/with/slashes", "topic!", "t\u00f6pic", "", "%RETRY%\nGroup"})
    void topicWithIllegalCharactersIsRejected(String topic) throws Exception {
        DefaultMessageStore store = start();
        put(store, message(TOPIC, 0, body("first"), "first"));
        StoreState before = StoreState.of(store);

        assertRejected(store.putMessage(message(topic, 0, body("x"), "x")).join(), PutMessageStatus.TOPIC_ILLEGAL,
                "topic");

        assertThat(StoreState.of(store)).isEqualTo(before);
        assertThat(store.topics()).containsExactly(TOPIC);
    }

    @Test
    void topicOf128CharactersIsRejectedAnd127AreAccepted() throws Exception {
        DefaultMessageStore store = start();
        String longest = "T".repeat(127);
        put(store, message(longest, 0, body("ok"), "ok"));
        StoreState before = StoreState.of(store);

        assertRejected(store.putMessage(message("T".repeat(128), 0, body("x"), "x")).join(),
                PutMessageStatus.TOPIC_ILLEGAL, "127");

        assertThat(StoreState.of(store)).isEqualTo(before);
        assertThat(store.topics()).containsExactly(longest);
        assertThat(Files.exists(StoreFileNames.consumeQueueDir(dir, "T".repeat(128), 0))).isFalse();
    }

    @Test
    void propertiesOverTheLimitAreRejectedCountingUtf8Bytes() throws Exception {
        DefaultMessageStore store = start();
        put(store, message(TOPIC, 0, body("first"), "first"));
        StoreState before = StoreState.of(store);

        String asciiOver = properties("x".repeat(32_768));
        String multiByteOver = properties("\u20ac".repeat(11_000));
        assertThat(multiByteOver.length()).as("fewer chars than the limit").isLessThan(32_767);
        for (String oversized : List.of(asciiOver, multiByteOver)) {
            MessageInput message = MessageInput.builder(TOPIC, 0, body("p")).properties(oversized).build();
            assertRejected(store.putMessage(message).join(), PutMessageStatus.PROPERTIES_SIZE_EXCEEDED, "properties");
        }
        assertThat(StoreState.of(store)).isEqualTo(before);
    }

    @Test
    void largestAllowedPropertiesAreStoredIntactAndOneByteMoreIsRejected() throws Exception {
        DefaultMessageStore store = start();
        String largest = propertiesOfBytes(CommitLogConfig.MAX_PROPERTIES_SIZE);
        String oneMore = propertiesOfBytes(CommitLogConfig.MAX_PROPERTIES_SIZE + 1);

        Stored stored = put(store, MessageInput.builder(TOPIC, 0, body("big")).properties(largest).build());
        StoreState before = StoreState.of(store);
        assertRejected(store.putMessage(MessageInput.builder(TOPIC, 0, body("x")).properties(oneMore).build()).join(),
                PutMessageStatus.PROPERTIES_SIZE_EXCEEDED, String.valueOf(CommitLogConfig.MAX_PROPERTIES_SIZE));

        assertThat(StoreState.of(store)).isEqualTo(before);
        assertAllReadable(store, List.of(stored));
        assertThat(store.lookMessage(stored.physicalOffset()).properties()).isEqualTo(largest);
    }

    @Test
    void batchWithOneBadMessageWritesNothing() throws Exception {
        DefaultMessageStore store = start();
        put(store, message(TOPIC, 0, body("first"), "first"));
        StoreState before = StoreState.of(store);

        List<MessageInput> batch = List.of(message(TOPIC, 0, body("a"), "a"),
                message(TOPIC, 0, new byte[MAX_BODY_BYTES + 1], "b"), message(TOPIC, 0, body("c"), "c"));
        assertRejected(store.putMessages(batch).join(), PutMessageStatus.MESSAGE_ILLEGAL, "maximum message size");

        assertThat(StoreState.of(store)).isEqualTo(before);
        try (QueryMessageResult byKey = store.queryByKey(TOPIC, "a", 4, 0, Long.MAX_VALUE)) {
            assertThat(byKey.messages()).isEmpty();
        }
    }

    // ---------------------------------------------------------------- full disk

    @Test
    void fullDiskRefusesWritesKeepsReadsAndResumesWhenSpaceIsBack() throws Exception {
        disk.holdRetentionThread();
        DefaultMessageStore store = start();
        List<Stored> written = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            written.add(put(store, message(TOPIC, i % 2, body("m" + i), "k" + i)));
        }
        StoreState before = StoreState.of(store);

        disk.usedRatio = 0.99;
        assertThat(store.runRetention()).as("segments deleted").isZero();

        assertThat(store.isWritable()).isFalse();
        assertThat(store.notWritableReason()).contains("disk");
        PutMessageResult refused = store.putMessage(message(TOPIC, 0, body("refused"), "refused")).join();
        assertRejected(refused, PutMessageStatus.SERVICE_NOT_AVAILABLE, "disk");
        assertThat(StoreState.of(store)).isEqualTo(before);
        assertAllReadable(store, written);

        disk.usedRatio = 0.50;
        store.runRetention();

        assertThat(store.isWritable()).isTrue();
        assertThat(store.notWritableReason()).isNull();
        Stored resumed = put(store, message(TOPIC, 0, body("m50"), "k50"));
        assertThat(resumed.queueOffset()).as("no offset lost to the refused put").isEqualTo(25);
        written.add(resumed);
        assertAllReadable(store, written);
    }

    @Test
    void diskOverTheCleanupRatioReclaimsOnlyTheOldestSegmentAndLeavesTheRestIntact() throws Exception {
        disk.holdRetentionThread();
        DefaultMessageStore store = start();
        List<Stored> written = new ArrayList<>();
        for (int i = 0; written.isEmpty() || lastSegmentStart(store) < 3L * SEGMENT_BYTES; i++) {
            written.add(put(store, message(TOPIC, 0, bodyOfBytes("m" + i, 900), "k" + i)));
        }
        assertThat(store.awaitDispatched(10_000)).isTrue();

        disk.usedRatio = 0.99;
        assertThat(store.runRetention()).as("segments deleted").isEqualTo(1);

        assertThat(store.commitLogMinOffset()).isEqualTo(SEGMENT_BYTES);
        List<Stored> kept = written.stream().filter(w -> w.physicalOffset() >= SEGMENT_BYTES).toList();
        long firstKept = kept.get(0).queueOffset();
        assertThat(store.minOffsetInQueue(TOPIC, 0)).isEqualTo(firstKept);
        try (GetMessageResult tooOld = store.getMessages(TOPIC, 0, 0, 8, 1 << 20, MessageFilter.ALL)) {
            assertThat(tooOld.status()).isEqualTo(GetMessageStatus.OFFSET_TOO_SMALL);
            assertThat(tooOld.nextBeginOffset()).isEqualTo(firstKept);
        }
        assertAllReadable(store, kept);
        assertThat(store.isWritable()).isFalse();
    }

    // ---------------------------------------------------------------- lifecycle

    @Test
    void secondStoreOnTheSameDirectoryFailsToStartWithAClearIOException() throws Exception {
        DefaultMessageStore first = start();
        Stored stored = put(first, message(TOPIC, 0, body("kept"), "kept"));

        DefaultMessageStore second = new DefaultMessageStore(config());
        assertThatThrownBy(second::start).isInstanceOf(IOException.class)
                .hasMessageContaining("in use").hasMessageContaining(dir.toString());

        assertThat(second.isWritable()).isFalse();
        assertThat(put(first, message(TOPIC, 0, body("more"), "more")).queueOffset()).isEqualTo(1);
        assertAllReadable(first, List.of(stored));

        first.shutdown();
        DefaultMessageStore third = start();
        assertThat(third.maxOffsetInQueue(TOPIC, 0)).isEqualTo(2);
        assertAllReadable(third, List.of(stored));
    }

    @Test
    void putsBeforeStartAndAfterShutdownAreRefused() throws Exception {
        DefaultMessageStore notStarted = new DefaultMessageStore(config());
        assertRejected(notStarted.putMessage(message(TOPIC, 0, body("early"), "early")).join(),
                PutMessageStatus.SERVICE_NOT_AVAILABLE, "not running");

        DefaultMessageStore store = start();
        Stored stored = put(store, message(TOPIC, 0, body("before"), "before"));
        store.shutdown();

        assertRejected(store.putMessage(message(TOPIC, 0, body("late"), "late")).join(),
                PutMessageStatus.SERVICE_NOT_AVAILABLE, "not running");
        assertThat(store.isWritable()).isFalse();
        assertThat(store.notWritableReason()).isEqualTo("store is not running");

        DefaultMessageStore reopened = start();
        assertThat(reopened.recoveryResult().cleanShutdown()).isTrue();
        assertThat(reopened.maxOffsetInQueue(TOPIC, 0)).as("only the accepted message").isEqualTo(1);
        assertAllReadable(reopened, List.of(stored));
    }

    // ---------------------------------------------------------------- helpers

    private static final int SEGMENT_BYTES = 64 * 1024;

    private StoreConfig config() {
        return StoreConfig.embedded(dir)
                .withCommitLog(CommitLogConfig.embedded().withSegmentSizeBytes(SEGMENT_BYTES)
                        .withMaxMessageSizeBytes(MAX_BODY_BYTES))
                .withRetention(new RetentionConfig(RetentionConfig.DEFAULT_RESERVED_MILLIS, 0.75, 0.95, 3_600_000,
                        10));
    }

    private DefaultMessageStore start() throws IOException {
        DefaultMessageStore store = new DefaultMessageStore(config(), Clock.systemUTC(), disk);
        store.start();
        stores.add(store);
        return store;
    }

    /**
     * A disk whose usage the test sets. Once {@link #holdRetentionThread() held}, the store's own retention thread
     * waits at its first look until the test ends, so that only the rounds the test runs
     * ({@link DefaultMessageStore#runRetention()}) change the store.
     */
    private static final class FakeDisk implements DiskUsageProbe {

        private final CountDownLatch release = new CountDownLatch(1);
        private volatile Thread testThread;
        volatile double usedRatio = 0.10;

        @Override
        public double usedRatio(Path storeRoot) {
            Thread test = testThread;
            if (test != null && Thread.currentThread() != test) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return usedRatio;
        }

        /** Call before starting the store, on the test thread. */
        void holdRetentionThread() {
            testThread = Thread.currentThread();
        }

        void releaseRetentionThread() {
            release.countDown();
        }
    }

    /** What a rejected put must leave unchanged. */
    private record StoreState(long commitLogMaxOffset, long putMessageCount, Map<String, Long> queueMaxOffsets) {

        static StoreState of(DefaultMessageStore store) throws InterruptedException {
            assertThat(store.awaitDispatched(10_000)).isTrue();
            Map<String, Long> queues = new LinkedHashMap<>();
            for (String topic : store.topics()) {
                for (int queueId = 0; queueId < 2; queueId++) {
                    queues.put(topic + "-" + queueId, store.maxOffsetInQueue(topic, queueId));
                }
            }
            return new StoreState(store.commitLogMaxOffset(), store.stats().putMessageCount(), queues);
        }
    }

    /** A message the store accepted, and where. */
    private record Stored(MessageInput input, long queueOffset, long physicalOffset) {
    }

    private static Stored put(DefaultMessageStore store, MessageInput message) {
        PutMessageResult result = store.putMessage(message).join();
        assertThat(result.status()).as(result.remark()).isEqualTo(PutMessageStatus.PUT_OK);
        return new Stored(message, result.append().queueOffset(), result.append().physicalOffset());
    }

    private static void assertRejected(PutMessageResult result, PutMessageStatus status, String remarkPart) {
        assertThat(result.status()).isEqualTo(status);
        assertThat(result.status().isStored()).isFalse();
        assertThat(result.append()).isNull();
        assertThat(result.remark()).containsIgnoringCase(remarkPart);
    }

    private static MessageInput message(String topic, int queueId, byte[] body, String key) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(MessageConst.KEYS, key);
        properties.put(MessageConst.UNIQ_KEY, "U-" + key);
        return MessageInput.builder(topic, queueId, body).properties(MessageProperties.encode(properties)).build();
    }

    private static byte[] body(String text) {
        return ("body of " + text).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bodyOfBytes(String text, int sizeBytes) {
        byte[] body = new byte[sizeBytes];
        byte[] head = body(text);
        System.arraycopy(head, 0, body, 0, head.length);
        return body;
    }

    private static String properties(String keysValue) {
        return MessageProperties.encode(Map.of(MessageConst.KEYS, keysValue));
    }

    /** A property string of exactly {@code sizeBytes} UTF-8 bytes. */
    private static String propertiesOfBytes(int sizeBytes) {
        String skeleton = properties("");
        String result = properties("v".repeat(sizeBytes - skeleton.length()));
        assertThat(result.getBytes(StandardCharsets.UTF_8)).hasSize(sizeBytes);
        return result;
    }

    private static long lastSegmentStart(DefaultMessageStore store) {
        long max = store.commitLogMaxOffset();
        return max - max % SEGMENT_BYTES;
    }

    /**
     * Every message is still readable by physical offset, by queue offset and by key, with the topic, queue, body and
     * properties it was stored with, and passes the store's integrity check.
     */
    private static void assertAllReadable(DefaultMessageStore store, List<Stored> written) throws InterruptedException {
        assertThat(store.awaitDispatched(10_000)).isTrue();
        for (Stored stored : written) {
            MessageInput input = stored.input();
            assertSameMessage(store.lookMessage(stored.physicalOffset()), stored);
            try (GetMessageResult byQueue = store.getMessages(input.topic(), input.queueId(), stored.queueOffset(), 1,
                    1 << 20, MessageFilter.ALL)) {
                assertThat(byQueue.status()).isEqualTo(GetMessageStatus.FOUND);
                assertSameMessage(checkedDecode(byQueue.messages().get(0)), stored);
            }
            String key = MessageProperties.get(input.properties(), MessageConst.KEYS);
            try (QueryMessageResult byKey = store.queryByKey(input.topic(), key, 4, 0, Long.MAX_VALUE)) {
                assertThat(byKey.messages()).as("found by key %s", key).hasSize(1);
                assertSameMessage(checkedDecode(byKey.messages().get(0)), stored);
            }
        }
    }

    private static StoredMessage checkedDecode(MappedSlice slice) {
        RecordCheck check = MessageCodec.checkSealed(slice.buffer(), 0, slice.sizeBytes(), slice.physicalOffset());
        assertThat(check.kind()).as("record at %d: %s", slice.physicalOffset(), check.reason())
                .isEqualTo(RecordCheck.Kind.MESSAGE);
        return MessageCodec.decode(slice.buffer());
    }

    private static void assertSameMessage(StoredMessage actual, Stored expected) {
        assertThat(actual).as("message at %d", expected.physicalOffset()).isNotNull();
        assertThat(actual.topic()).isEqualTo(expected.input().topic());
        assertThat(actual.queueId()).isEqualTo(expected.input().queueId());
        assertThat(actual.queueOffset()).isEqualTo(expected.queueOffset());
        assertThat(actual.physicalOffset()).isEqualTo(expected.physicalOffset());
        assertThat(actual.body()).isEqualTo(expected.input().body());
        assertThat(actual.properties()).isEqualTo(expected.input().properties());
    }
}
