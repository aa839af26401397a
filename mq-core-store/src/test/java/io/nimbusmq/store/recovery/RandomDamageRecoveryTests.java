package io.nimbusmq.store.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.message.RecordCheck;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.store.DefaultMessageStore;
import io.nimbusmq.store.PutMessageResult;
import io.nimbusmq.store.PutMessageStatus;
import io.nimbusmq.store.StoreConfig;
import io.nimbusmq.store.commitlog.CommitLogConfig;
import io.nimbusmq.store.file.MappedSlice;
import io.nimbusmq.store.file.StoreFileNames;
import io.nimbusmq.store.flush.FlushConfig;
import io.nimbusmq.store.flush.FlushMode;
import io.nimbusmq.store.index.IndexConfig;
import io.nimbusmq.store.queue.ConsumeQueueConfig;
import io.nimbusmq.store.read.GetMessageResult;
import io.nimbusmq.store.read.MessageFilter;
import io.nimbusmq.store.read.QueryMessageResult;
import io.nimbusmq.store.retention.RetentionConfig;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Randomized damage of a stopped store's commit log: a segment cut at any point (the newest or any other), or bytes
 * flipped anywhere in the written data, after a clean stop or a crash. After the restart:
 * <ul>
 * <li>every message whose bytes were not touched is readable by its queue offset, by its offset and by its keys,
 * exactly as written;</li>
 * <li>no damaged message is ever returned, by any read;</li>
 * <li>new messages continue every queue after every offset a kept message has, and are readable.</li>
 * </ul>
 *
 * <p>Each case has its own seed (shown in its name). Cases run until {@code recovery.fuzz.seconds} (default 6) have
 * passed, at least {@value #MIN_CASES_PER_KIND} of each kind; {@code -Drecovery.fuzz.seed=N} starts the seeds at N,
 * {@code -Drecovery.fuzz.seconds=600} runs longer.
 */
class RandomDamageRecoveryTests {

    private static final int SEGMENT_BYTES = 64 * 1024;
    private static final List<String> TOPICS = List.of("TopicA", "TopicB", "TopicC");
    private static final int QUEUES_PER_TOPIC = 2;
    private static final int MIN_CASES_PER_KIND = 4;
    private static final long DISPATCH_TIMEOUT_MILLIS = 30_000;

    @TempDir
    Path dir;

    enum Damage {
        /** A segment file cut at a random point, as by a crash or a bad copy. */
        TRUNCATE,
        /** 1 to 10 bytes flipped at random positions of the written data of any segment. */
        FLIP
    }

    @TestFactory
    Stream<DynamicTest> truncatedSegments() {
        return cases(Damage.TRUNCATE, 1);
    }

    @TestFactory
    Stream<DynamicTest> flippedBytes() {
        return cases(Damage.FLIP, 500_000);
    }

    private Stream<DynamicTest> cases(Damage damage, long seedOffset) {
        long firstSeed = Long.getLong("recovery.fuzz.seed", 1000) + seedOffset;
        long deadline = System.nanoTime() + Long.getLong("recovery.fuzz.seconds", 6) * 1_000_000_000L / 2;
        return Stream.iterate(firstSeed, seed -> seed + 1)
                .takeWhile(seed -> seed - firstSeed < MIN_CASES_PER_KIND || System.nanoTime() < deadline)
                .map(seed -> DynamicTest.dynamicTest(damage + " seed " + seed, () -> runCase(damage, seed)));
    }

    private void runCase(Damage damage, long seed) throws Exception {
        Random random = new Random(seed);
        Path root = dir.resolve(damage + "-" + seed);
        boolean crash = random.nextBoolean();
        DefaultMessageStore store = open(root);
        List<Written> written;
        try {
            written = writeMessages(store, random, 250 + random.nextInt(250), "a");
            assertThat(store.awaitDispatched(DISPATCH_TIMEOUT_MILLIS)).isTrue();
        } finally {
            if (crash) {
                store.closeWithoutShutdown();
            } else {
                store.shutdown();
            }
        }
        Predicate<Written> damaged = damage == Damage.TRUNCATE ? truncateSegment(root, random, written)
                : flipBytes(root, random, written);
        List<Written> intact = written.stream().filter(damaged.negate()).toList();
        List<Written> lost = written.stream().filter(damaged).toList();

        store = open(root);
        try {
            assertHolds(store, intact, lost);
            List<Written> after = writeMessages(store, random, 30, "b");
            assertContinuesQueues(intact, after);
            List<Written> all = new ArrayList<>(intact);
            all.addAll(after);
            assertHolds(store, all, lost);
        } finally {
            store.shutdown();
        }
    }

    // ---------------------------------------------------------------- damage

    /** Cuts a random segment at a random point; returns which messages that cost. */
    private static Predicate<Written> truncateSegment(Path root, Random random, List<Written> written)
            throws IOException {
        List<Path> segments = segments(root);
        Path segment = segments.get(random.nextInt(segments.size()));
        long start = StoreFileNames.parseSegmentOffset(segment.getFileName().toString());
        long writtenEnd = Math.min(SEGMENT_BYTES, endOf(written) - start);
        long cut = random.nextInt((int) writtenEnd + 1);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(cut);
        }
        return w -> w.physicalOffset() >= start && w.physicalOffset() < start + SEGMENT_BYTES
                && w.end() > start + cut;
    }

    /** Flips 1 to 10 bytes anywhere in the written data; returns which messages were hit. */
    private static Predicate<Written> flipBytes(Path root, Random random, List<Written> written) throws IOException {
        long end = endOf(written);
        Set<Long> flipped = new TreeSet<>();
        int flips = 1 + random.nextInt(10);
        while (flipped.size() < flips) {
            flipped.add((long) random.nextInt((int) end));
        }
        for (long offset : flipped) {
            long start = offset - offset % SEGMENT_BYTES;
            Path segment = StoreFileNames.commitLogDir(root).resolve(StoreFileNames.segmentName(start));
            try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                ByteBuffer one = ByteBuffer.allocate(1);
                channel.read(one, offset - start);
                channel.write(ByteBuffer.wrap(new byte[] {(byte) (one.get(0) ^ (1 + random.nextInt(255)))}),
                        offset - start);
            }
        }
        return w -> flipped.stream().anyMatch(offset -> offset >= w.physicalOffset() && offset < w.end());
    }

    // ---------------------------------------------------------------- checks

    /**
     * Every intact message is readable by queue offset, by offset and by key, exactly as written; no lost one is
     * returned by any read; every record a queue returns is intact and one that was written at that offset.
     */
    private static void assertHolds(DefaultMessageStore store, List<Written> intact, List<Written> lost)
            throws InterruptedException {
        assertThat(store.awaitDispatched(DISPATCH_TIMEOUT_MILLIS)).isTrue();
        Map<String, Map<Long, Written>> byQueue = new LinkedHashMap<>();
        intact.forEach(w -> byQueue.computeIfAbsent(w.queue(), q -> new LinkedHashMap<>()).put(w.queueOffset(), w));
        for (String topic : TOPICS) {
            for (int queueId = 0; queueId < QUEUES_PER_TOPIC; queueId++) {
                Map<Long, Written> expected = byQueue.getOrDefault(topic + "-" + queueId, Map.of());
                assertThat(readQueue(store, topic, queueId)).as("queue %s-%d", topic, queueId)
                        .containsExactlyInAnyOrderElementsOf(expected.values());
            }
        }
        for (Written w : intact) {
            assertThat(sameMessage(store.lookMessage(w.physicalOffset()), w)).as("by offset: %s", w).isTrue();
            try (QueryMessageResult byKey = store.queryByKey(w.topic(), w.key(), 8, 0, Long.MAX_VALUE)) {
                assertThat(byKey.messages()).as("by key: %s", w).hasSize(1);
            }
        }
        for (Written w : lost) {
            StoredMessage stale = store.lookMessage(w.physicalOffset());
            assertThat(stale == null || intact.stream().anyMatch(i -> sameMessage(stale, i)))
                    .as("lost message %s is not served", w).isTrue();
            try (QueryMessageResult byKey = store.queryByKey(w.topic(), w.key(), 8, 0, Long.MAX_VALUE)) {
                assertThat(byKey.messages()).as("lost message %s found by key", w).isEmpty();
            }
        }
    }

    /** Reads a whole queue; every record it returns must be intact. */
    private static List<Written> readQueue(DefaultMessageStore store, String topic, int queueId) {
        List<Written> found = new ArrayList<>();
        long next = store.minOffsetInQueue(topic, queueId);
        long max = store.maxOffsetInQueue(topic, queueId);
        while (next < max) {
            try (GetMessageResult read = store.getMessages(topic, queueId, next, 32, 1 << 20, MessageFilter.ALL)) {
                for (int i = 0; i < read.messageCount(); i++) {
                    MappedSlice slice = read.messages().get(i);
                    RecordCheck check = MessageCodec.checkSealed(slice.buffer(), 0, slice.sizeBytes(),
                            slice.physicalOffset());
                    assertThat(check.kind()).as("record returned at %d", slice.physicalOffset())
                            .isEqualTo(RecordCheck.Kind.MESSAGE);
                    StoredMessage m = MessageCodec.decode(slice.buffer());
                    assertThat(m.queueOffset()).isEqualTo(read.queueOffsets().get(i));
                    found.add(Written.of(m));
                }
                assertThat(read.nextBeginOffset()).as("progress in %s-%d", topic, queueId).isGreaterThan(next);
                next = read.nextBeginOffset();
            }
        }
        return found;
    }

    /** New messages go after every queue offset a kept message has. */
    private static void assertContinuesQueues(List<Written> intact, List<Written> after) {
        for (Written w : after) {
            long lastKept = intact.stream().filter(i -> i.queue().equals(w.queue()))
                    .mapToLong(Written::queueOffset).max().orElse(-1);
            assertThat(w.queueOffset()).as("new %s after the kept ones", w).isGreaterThan(lastKept);
        }
    }

    // ---------------------------------------------------------------- store and writes

    private static DefaultMessageStore open(Path root) throws IOException {
        StoreConfig config = StoreConfig.embedded(root)
                .withCommitLog(CommitLogConfig.embedded().withSegmentSizeBytes(SEGMENT_BYTES))
                .withConsumeQueue(new ConsumeQueueConfig(32))
                .withIndex(new IndexConfig(512, 1024))
                // checkpoints at start and shutdown only: how much a crash re-validates is up to the seed's writes
                .withFlush(new FlushConfig(FlushMode.ASYNC_FLUSH, 200, 5_000, 3_600_000))
                .withRetention(new RetentionConfig(RetentionConfig.DEFAULT_RESERVED_MILLIS, 0.90, 0.99, 3_600_000,
                        10));
        DefaultMessageStore store = new DefaultMessageStore(config);
        store.start();
        return store;
    }

    private static List<Written> writeMessages(DefaultMessageStore store, Random random, int count, String tag) {
        List<Written> written = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String topic = TOPICS.get(random.nextInt(TOPICS.size()));
            int queueId = random.nextInt(QUEUES_PER_TOPIC);
            byte[] body = new byte[1 + random.nextInt(900)];
            random.nextBytes(body);
            String key = "key-" + tag + "-" + i + "-" + random.nextInt(1_000_000);
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put(MessageConst.KEYS, key);
            properties.put(MessageConst.TAGS, "Tag" + random.nextInt(3));
            String encoded = MessageProperties.encode(properties);
            PutMessageResult result = store.putMessage(MessageInput.builder(topic, queueId, body)
                    .properties(encoded).build()).join();
            assertThat(result.status()).isEqualTo(PutMessageStatus.PUT_OK);
            written.add(new Written(topic, queueId, result.append().queueOffset(), result.append().physicalOffset(),
                    result.append().wroteBytes(), body, key));
        }
        return written;
    }

    private static List<Path> segments(Path root) throws IOException {
        try (Stream<Path> files = Files.list(StoreFileNames.commitLogDir(root))) {
            return files.filter(p -> StoreFileNames.isSegmentName(p.getFileName().toString())).sorted().toList();
        }
    }

    private static long endOf(List<Written> written) {
        return written.stream().mapToLong(Written::end).max().orElse(0);
    }

    private static boolean sameMessage(StoredMessage m, Written w) {
        return m != null && Written.of(m).equals(w);
    }

    /** One message as written, compared by value. */
    private record Written(String topic, int queueId, long queueOffset, long physicalOffset, int sizeBytes,
            byte[] body, String key) {

        static Written of(StoredMessage m) {
            return new Written(m.topic(), m.queueId(), m.queueOffset(), m.physicalOffset(), m.totalSize(), m.body(),
                    MessageProperties.get(m.properties(), MessageConst.KEYS));
        }

        String queue() {
            return topic + "-" + queueId;
        }

        long end() {
            return physicalOffset + sizeBytes;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Written w && topic.equals(w.topic) && queueId == w.queueId
                    && queueOffset == w.queueOffset && physicalOffset == w.physicalOffset && sizeBytes == w.sizeBytes
                    && Arrays.equals(body, w.body) && key.equals(w.key);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(physicalOffset);
        }

        @Override
        public String toString() {
            return queue() + "@" + queueOffset + " [" + physicalOffset + ", " + end() + ") "
                    + key;
        }
    }
}
